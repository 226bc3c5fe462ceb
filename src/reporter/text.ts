// The human-readable report: one line per finding (level, code, location, object, message), an
// optional hint line, and a summary line.
import type { InputStats } from '../parsers/index.js';
import { formatLocation, formatObject, type Diagnostic, type Severity } from './diagnostics.js';

export interface Paint {
  error(text: string): string;
  warning(text: string): string;
  info(text: string): string;
  dim(text: string): string;
}

const plain: Paint = { error: (t) => t, warning: (t) => t, info: (t) => t, dim: (t) => t };

export interface ReportSummary {
  errors: number;
  warnings: number;
  infos: number;
  /** Emitted objects by kind. */
  emitted: Record<string, number>;
  stats: InputStats;
}

export function summarize(result: { objects: readonly { kind: string }[]; diagnostics: readonly Diagnostic[]; stats: InputStats }): ReportSummary {
  const count = (s: Severity) => result.diagnostics.filter((d) => d.severity === s).length;
  const emitted: Record<string, number> = {};
  for (const o of result.objects) emitted[o.kind] = (emitted[o.kind] ?? 0) + 1;
  return { errors: count('error'), warnings: count('warning'), infos: count('info'), emitted, stats: result.stats };
}

export function formatDiagnostic(d: Diagnostic, paint: Paint = plain): string {
  const level = paint[d.severity](`${d.severity}[${d.code}]`);
  const parts = [level];
  if (d.location) parts.push(formatLocation(d.location));
  if (d.object) parts.push(`${formatObject(d.object)}:`);
  parts.push(d.message);
  const line = parts.join(' ');
  return d.hint ? `${line}\n  ${paint.dim(`hint: ${d.hint}`)}` : line;
}

export function formatTextReport(diagnostics: readonly Diagnostic[], summary: ReportSummary, paint: Paint = plain): string {
  const lines = diagnostics.map((d) => formatDiagnostic(d, paint));
  lines.push(formatSummary(summary));
  return `${lines.join('\n')}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${n === 1 ? word : word.endsWith('s') ? `${word}es` : `${word}s`}`;
}

function listCounts(counts: Record<string, number>): string {
  return Object.keys(counts)
    .sort()
    .map((k) => `${k}: ${counts[k]}`)
    .join(', ');
}

export function formatSummary(s: ReportSummary): string {
  const emittedTotal = Object.values(s.emitted).reduce((a, b) => a + b, 0);
  const read = s.stats.readKinds;
  const ignoredTotal = Object.values(s.stats.ignoredKinds).reduce((a, b) => a + b, 0);
  const parts = [
    `summary: ${plural(read['Ingress'] ?? 0, 'Ingress')} read (${plural(read['Service'] ?? 0, 'Service')}, ${plural(read['IngressClass'] ?? 0, 'IngressClass')}) from ${plural(s.stats.documents, 'document')} in ${plural(s.stats.sources, 'source')}`,
    `${plural(emittedTotal, 'object')} emitted${emittedTotal ? ` (${listCounts(s.emitted)})` : ''}`,
    `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info')}`,
  ];
  if (ignoredTotal > 0) parts.push(`${plural(ignoredTotal, 'object')} of other kinds ignored (${listCounts(s.stats.ignoredKinds)})`);
  return parts.join('; ');
}
