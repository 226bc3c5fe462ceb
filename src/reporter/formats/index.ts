// Report formats, by name: what --report accepts.
import type { Report } from '../report.js';
import { formatJsonReport } from './json.js';
import { formatMarkdownReport } from './markdown.js';
import { formatSarifReport } from './sarif.js';
import { formatTextReport, type Paint } from './text.js';

export type ReportFormat = 'text' | 'json' | 'markdown' | 'sarif';

export const reportFormats: Record<ReportFormat, (report: Report, paint?: Paint) => string> = {
  text: formatTextReport,
  json: formatJsonReport,
  markdown: formatMarkdownReport,
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
