// Report formats, by name: what --report accepts.
import type { Report } from '../report.js';
import { formatJsonReport } from './json.js';
import { formatMarkdownReport } from './markdown.js';
import { formatSarifReport } from './sarif.js';
import { formatTextReport, type Paint, type TextOptions } from './text.js';

export type ReportFormat = 'text' | 'json' | 'markdown' | 'sarif';

/** What the formats may take besides the report; each uses what applies to it. */
export type FormatOptions = TextOptions;

export const reportFormats: Record<ReportFormat, (report: Report, paint?: Paint, options?: FormatOptions) => string> = {
  text: formatTextReport,
  json: formatJsonReport,
  markdown: (report) => formatMarkdownReport(report),
  sarif: formatSarifReport,
};

/** Whether a format prints the line and column of every accounted element, not only of findings. */
export const showsFieldPositions: Record<ReportFormat, boolean> = {
  text: false,
  json: true,
  markdown: false,
  sarif: false,
};

export type { Paint } from './text.js';
