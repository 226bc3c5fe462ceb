// Machine-readable report. The shape is versioned: `version` changes when a field changes meaning.
// version 1: { version, tool {name, version}, target, summary, diagnostics[], objects[] } where
// every objects[] item is { object, location, entries[] } and every entry is
// { kind: annotation|field, name, location, status, code?, matrix? }.
import type { Report } from '../report.js';

export const REPORT_JSON_VERSION = 1;

export function formatJsonReport(report: Report): string {
  const { stats, ...summary } = report.summary;
  return `${JSON.stringify(
    {
      version: REPORT_JSON_VERSION,
      tool: report.tool,
      target: report.target,
      summary: { ...summary, input: stats },
      diagnostics: report.diagnostics,
      objects: report.accounting,
    },
    null,
    2,
  )}\n`;
}
