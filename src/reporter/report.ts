// The report as data: what every output format renders. Built from a conversion result.
import type { InputStats } from '../parsers/index.js';
import { countAccounting, type AccountingCounts, type ObjectAccounting } from './accounting.js';
import type { Diagnostic, Severity } from './diagnostics.js';

export interface ReportSummary {
  errors: number;
  warnings: number;
  infos: number;
  /** Emitted objects by kind. */
  emitted: Record<string, number>;
  stats: InputStats;
  accounting: { annotations: AccountingCounts; fields: AccountingCounts };
}

export interface Report {
  tool: { name: string; version: string };
  target: string;
  summary: ReportSummary;
  diagnostics: Diagnostic[];
  accounting: ObjectAccounting[];
}

export interface ReportInput {
  objects: readonly { kind: string }[];
  diagnostics: Diagnostic[];
  stats: InputStats;
  target: string;
  accounting: ObjectAccounting[];
}

export function summarize(result: ReportInput): ReportSummary {
  const count = (s: Severity) => result.diagnostics.filter((d) => d.severity === s).length;
  const emitted: Record<string, number> = {};
  for (const o of result.objects) emitted[o.kind] = (emitted[o.kind] ?? 0) + 1;
  return {
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    emitted,
    stats: result.stats,
    accounting: countAccounting(result.accounting),
  };
}

export function buildReport(result: ReportInput, version: string): Report {
  return { tool: { name: 'ing2gw', version }, target: result.target, summary: summarize(result), diagnostics: result.diagnostics, accounting: result.accounting };
}
