// The human-readable report: findings grouped by the object they are about (a header line with
// that object's accounting), one self-contained line per finding (level, code, location, object,
// message) and an optional hint line; then a summary line.
import type { AccountingCounts, ObjectAccounting } from '../accounting.js';
import { accountingStatuses } from '../accounting.js';
import { formatLocation, formatObject, type Diagnostic } from '../diagnostics.js';
import type { Report, ReportSummary } from '../report.js';
import { appendTo } from '../../common/multimap.js';

export interface Paint {
  error(text: string): string;
  warning(text: string): string;
  info(text: string): string;
  dim(text: string): string;
}

export const plainPaint: Paint = { error: (t) => t, warning: (t) => t, info: (t) => t, dim: (t) => t };

export function formatDiagnostic(d: Diagnostic, paint: Paint = plainPaint): string {
  const level = paint[d.severity](`${d.severity}[${d.code}]`);
  const parts = [level];
  if (d.location) parts.push(formatLocation(d.location));
  if (d.object) parts.push(`${formatObject(d.object)}:`);
  parts.push(d.message);
  const line = parts.join(' ');
  return d.hint ? `${line}\n  ${paint.dim(`hint: ${d.hint}`)}` : line;
}

const objectKey = (d: { object?: { kind: string; namespace?: string; name: string } | undefined; location?: { file: string; doc: number } | undefined }) =>
  d.object ? `${d.object.kind}\u0000${d.object.namespace ?? ''}\u0000${d.object.name}\u0000${d.location?.file ?? ''}\u0000${d.location?.doc ?? ''}` : '';

export function formatTextReport(report: Report, paint: Paint = plainPaint): string {
  const accountingByKey = new Map<string, ObjectAccounting>();
  for (const a of report.accounting) accountingByKey.set(objectKey(a), a);
  // Groups in the order of their first finding (findings are sorted by location).
  const groups = new Map<string, Diagnostic[]>();
  for (const d of report.diagnostics) {
    const key = d.object && d.location && accountingByKey.has(objectKey(d)) ? objectKey(d) : '';
    appendTo(groups, key, d);
  }
  const lines: string[] = [];
  for (const [key, findings] of groups) {
    const account = accountingByKey.get(key);
    if (account) lines.push(paint.dim(`${formatObject(account.object)} (${account.location.file}, doc ${account.location.doc}): ${describeAccount(account)}`));
    for (const d of findings) lines.push(formatDiagnostic(d, paint));
  }
  lines.push(formatSummary(report.summary, report.target));
  return `${lines.join('\n')}\n`;
}

function describeAccount(account: ObjectAccounting): string {
  const entries = account.entries; // computed on each read
  const annotations = entries.filter((e) => e.kind === 'annotation');
  const fields = entries.filter((e) => e.kind === 'field');
  const counts: Record<string, number> = {};
  for (const e of entries) counts[e.status] = (counts[e.status] ?? 0) + 1;
  return `${plural(annotations.length, 'annotation')}, ${plural(fields.length, 'field')}: ${accountingStatuses
    .filter((s) => counts[s])
    .map((s) => `${counts[s]} ${s}`)
    .join(', ')}`;
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

function formatCounts(counts: AccountingCounts): string {
  const parts = accountingStatuses.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

export function formatSummary(s: ReportSummary, target: string): string {
  const emittedTotal = Object.values(s.emitted).reduce((a, b) => a + b, 0);
  const read = s.stats.readKinds;
  const ignoredTotal = Object.values(s.stats.ignoredKinds).reduce((a, b) => a + b, 0);
  const parts = [
    `summary: ${plural(read['Ingress'] ?? 0, 'Ingress')} read (${plural(read['Service'] ?? 0, 'Service')}, ${plural(read['IngressClass'] ?? 0, 'IngressClass')}) from ${plural(s.stats.documents, 'document')} in ${plural(s.stats.sources, 'source')}`,
    `${plural(emittedTotal, 'object')} emitted${emittedTotal ? ` (${listCounts(s.emitted)})` : ''}`,
    `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info')}`,
  ];
  if (ignoredTotal > 0) parts.push(`${plural(ignoredTotal, 'object')} of other kinds ignored (${listCounts(s.stats.ignoredKinds)})`);
  parts.push(`target ${target}: annotations ${formatCounts(s.accounting.annotations)}; fields ${formatCounts(s.accounting.fields)}`);
  return parts.join('; ');
}
