// Machine-readable report. The shape is versioned: `version` changes when a field changes meaning.
// version 1: { version, tool {name, version}, target, summary, diagnostics[], objects[] } where
// every objects[] item is { object, location, entries[] } and every entry is
// { kind: annotation|field, name, location, status, code?, matrix? }.
// Added since, without changing a meaning: summary.gateways (generated Gateways by class); with
// --baseline, summary.baseline { file, known {error, warning, info}, absent }, baselineState
// (new | unchanged) on every diagnostic, and baseline { file, absent[] } (its findings that are gone).
import type { Report } from '../report.js';

export const REPORT_JSON_VERSION = 1;

export function formatJsonReport(report: Report): string {
  const { stats, ...summary } = report.summary;
  const comparison = report.baseline;
  return `${JSON.stringify(
    {
      version: REPORT_JSON_VERSION,
      tool: report.tool,
      target: report.target,
      summary: { ...summary, input: stats },
      diagnostics: comparison ? report.diagnostics.map((d) => ({ ...d, baselineState: comparison.known.has(d) ? 'unchanged' : 'new' })) : report.diagnostics,
      objects: report.accounting,
      ...(comparison ? { baseline: { file: comparison.file, absent: comparison.absent } } : {}),
    },
    null,
    2,
  )}\n`;
}
