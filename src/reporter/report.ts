// The report as data: what every output format renders. Built from a conversion result.
import type { InputStats } from '../parsers/index.js';
import { countAccounting, type AccountingCounts, type ObjectAccounting } from './accounting.js';
import { compareWithBaseline, type Baseline, type BaselineComparison } from './baseline.js';
import type { Diagnostic, Severity } from './diagnostics.js';

export type SeverityCounts = Record<Severity, number>;

export interface ReportSummary {
  errors: number;
  warnings: number;
  infos: number;
  /** Emitted objects by kind. */
  emitted: Record<string, number>;
  /**
   * Generated Gateways by gatewayClassName: how many, in how many namespaces. One Gateway per
   * namespace and class means one address each where one controller served them all before.
   */
  gateways: Record<string, { gateways: number; namespaces: number }>;
  stats: InputStats;
  accounting: { annotations: AccountingCounts; fields: AccountingCounts };
  /** With a baseline: how many findings of each level it already had, and how many of its own are gone. */
  baseline?: { file: string; known: SeverityCounts; absent: number };
}

export interface Report {
  tool: { name: string; version: string };
  target: string;
  summary: ReportSummary;
  diagnostics: Diagnostic[];
  accounting: ObjectAccounting[];
  /** With a baseline: which findings are known. */
  baseline?: BaselineComparison;
}

/** An emitted object, as far as the report looks at it. */
interface EmittedObject {
  kind: string;
  metadata?: { namespace?: string | undefined };
  spec?: unknown;
}

export interface ReportInput {
  objects: readonly EmittedObject[];
  diagnostics: Diagnostic[];
  stats: InputStats;
  target: string;
  accounting: ObjectAccounting[];
}

export interface ReportOptions {
  baseline?: Baseline;
}

export function summarize(result: ReportInput, comparison?: BaselineComparison): ReportSummary {
  const counts = severityCounts(result.diagnostics);
  const emitted: Record<string, number> = {};
  for (const o of result.objects) emitted[o.kind] = (emitted[o.kind] ?? 0) + 1;
  const summary: ReportSummary = {
    errors: counts.error,
    warnings: counts.warning,
    infos: counts.info,
    emitted,
    gateways: gatewaysByClass(result.objects),
    stats: result.stats,
    accounting: countAccounting(result.accounting),
  };
  if (comparison) summary.baseline = { file: comparison.file, known: severityCounts(comparison.known), absent: comparison.absent.length };
  return summary;
}

export function buildReport(result: ReportInput, version: string, options: ReportOptions = {}): Report {
  const comparison = options.baseline ? compareWithBaseline(result.diagnostics, options.baseline) : undefined;
  return {
    tool: { name: 'ing2gw', version },
    target: result.target,
    summary: summarize(result, comparison),
    diagnostics: result.diagnostics,
    accounting: result.accounting,
    ...(comparison ? { baseline: comparison } : {}),
  };
}

/** The findings that count for --fail-on: all of them, or with a baseline only the new ones. */
export function newFindings(summary: ReportSummary): SeverityCounts {
  const known = summary.baseline?.known;
  return { error: summary.errors - (known?.error ?? 0), warning: summary.warnings - (known?.warning ?? 0), info: summary.infos - (known?.info ?? 0) };
}

function severityCounts(diagnostics: Iterable<Diagnostic>): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

function gatewaysByClass(objects: readonly EmittedObject[]): ReportSummary['gateways'] {
  const namespaces = new Map<string, Set<string>>();
  const gateways: ReportSummary['gateways'] = {};
  for (const o of objects) {
    if (o.kind !== 'Gateway') continue;
    const className = String((o.spec as { gatewayClassName?: unknown } | undefined)?.gatewayClassName ?? '');
    const entry = (gateways[className] ??= { gateways: 0, namespaces: 0 });
    entry.gateways++;
    let seen = namespaces.get(className);
    if (!seen) namespaces.set(className, (seen = new Set()));
    seen.add(o.metadata?.namespace ?? '');
    entry.namespaces = seen.size;
  }
  return gateways;
}
