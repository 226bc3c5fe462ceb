// The human-readable report, for a person to act on: errors first, each on its full line (level,
// code, location, object, message, hint); warnings grouped by code; infos counted; the summary and
// the next step. With --verbose, first every finding grouped by the object it is about (a header
// line with that object's accounting, one self-contained line per finding).
import type { AccountingCounts, ObjectAccounting } from '../accounting.js';
import { accountingStatuses } from '../accounting.js';
import { codeInfo } from '../codes.js';
import { formatLocation, formatObject, singleLine, type Diagnostic, type SourceLocation } from '../diagnostics.js';
import { findingGroups, gatewayHint, nextStep, topFinding, type GroupOfFindings, type NextStep } from '../next-step.js';
import { newFindings, type Report, type ReportSummary } from '../report.js';
import { withPosition } from '../../input/positions.js';
import { appendTo } from '../../common/multimap.js';
import { forTerminal } from './terminal.js';

export interface Paint {
  error(text: string): string;
  warning(text: string): string;
  info(text: string): string;
  dim(text: string): string;
}

export const plainPaint: Paint = { error: (t) => t, warning: (t) => t, info: (t) => t, dim: (t) => t };

export function formatDiagnostic(d: Diagnostic, paint: Paint = plainPaint, known = false): string {
  const level = paint[d.severity](`${d.severity}[${d.code}]`);
  const parts = [level];
  if (known) parts.push(paint.dim('(in the baseline)'));
  if (d.location) parts.push(formatLocation(d.location));
  if (d.object) parts.push(`${formatObject(d.object)}:`);
  parts.push(singleLine(d.message));
  const line = parts.join(' ');
  return d.hint ? `${line}\n  ${paint.dim(`hint: ${singleLine(d.hint)}`)}` : line;
}

const objectKey = (d: { object?: { kind: string; namespace?: string; name: string } | undefined; location?: { file: string; doc: number } | undefined }) =>
  d.object ? `${d.object.kind}\u0000${d.object.namespace ?? ''}\u0000${d.object.name}\u0000${d.location?.file ?? ''}\u0000${d.location?.doc ?? ''}` : '';

export interface TextOptions {
  /** Every finding, grouped by object, before the overview; infos are shown in the overview too. */
  verbose?: boolean;
}

/** Width the overview's examples and remedies are fitted to (findings with errors keep their full line). */
export const OVERVIEW_WIDTH = 100;

/**
 * Leads with what to fix: every error on its full line; then warnings grouped by code (count, the
 * first by location as example, the code's remedy); infos counted; the summary; the next step.
 * With `verbose`, the per-object details (every finding) come first.
 */
export function formatTextReport(report: Report, paint: Paint = plainPaint, options: TextOptions = {}): string {
  // Escaped once here, for every line: names, keys and values in findings come from the input.
  return forTerminal((p) => renderTextReport(report, p, options), paint === plainPaint ? undefined : paint);
}

function renderTextReport(report: Report, paint: Paint, options: TextOptions): string {
  const verbose = options.verbose === true;
  const { bySeverity, errors, isKnown } = findingGroups(report);
  const sections: string[][] = [];
  if (verbose) sections.push(formatDetails(report, paint, isKnown));
  if (errors.length > 0) {
    const header = paint.error(`${plural(errors.length, 'error')}${verbose ? ', by code' : ''}:`);
    sections.push([header, ...(verbose ? formatGroups(bySeverity.error, paint, isKnown) : errors.map((d) => formatDiagnostic(d, paint, isKnown(d))))]);
  }
  if (bySeverity.warning.length > 0) sections.push([paint.warning(`${plural(report.summary.warnings, 'warning')}, by code:`), ...formatGroups(bySeverity.warning, paint, isKnown)]);
  if (bySeverity.info.length > 0) {
    if (verbose) sections.push([paint.info(`${plural(report.summary.infos, 'info')}, by code:`), ...formatGroups(bySeverity.info, paint, isKnown)]);
    else {
      const counts = bySeverity.info.map((g) => `${g.code} ${g.findings.length}`).join(', ');
      sections.push(wrap(`${plural(report.summary.infos, 'info')} hidden (${counts}): --verbose shows them, and every finding per object`, OVERVIEW_WIDTH, '', '  ').map(paint.dim));
    }
  }
  const closing = [formatSummary(report.summary, report.target)];
  const baseline = report.summary.baseline;
  if (baseline) closing.push(...wrap(formatBaselineLine(baseline, report.summary), OVERVIEW_WIDTH, '', '  '));
  const gateways = gatewayHint(report);
  if (gateways) closing.push(...formatStep('gateways', gateways));
  closing.push(...formatStep('next step', nextStep(topFinding(errors, bySeverity.warning, isKnown))));
  sections.push(closing);
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/** Today's layout: findings grouped by the object they are about, each on its full line. */
function formatDetails(report: Report, paint: Paint, isKnown: (d: Diagnostic) => boolean): string[] {
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
    for (const d of findings) lines.push(formatDiagnostic(d, paint, isKnown(d)));
  }
  if (lines.length === 0) lines.push(paint.dim('no findings'));
  return lines;
}

/** One block per code: count, the first finding (shortened to the width), the code's remedy. */
function formatGroups(groups: readonly GroupOfFindings[], paint: Paint, isKnown: (d: Diagnostic) => boolean): string[] {
  const lines: string[] = [];
  for (const g of groups) {
    const first = g.findings[0]!;
    const knownCount = g.findings.reduce((n, d) => n + (isKnown(d) ? 1 : 0), 0);
    const inBaseline = knownCount > 0 ? ` (${knownCount === g.findings.length ? (knownCount === 1 ? 'it is' : 'all') : knownCount} in the baseline)` : '';
    const where = [first.location ? shortLocation(first.location) : '', first.object ? formatObject(first.object) : ''].filter(Boolean).join(' ');
    // Starts with the count, so that only single findings start with "level[": grep-able in --verbose too.
    lines.push(`${g.findings.length} × ${paint[first.severity](`${first.severity}[${g.code}]`)}${inBaseline}${where ? `${g.findings.length === 1 ? '' : ','} ${g.findings.length === 1 ? 'at' : 'first at'} ${where}` : ''}:`);
    lines.push(...fitMessage(oneLine(first.message)));
    const annotations = annotationCounts(g.findings);
    if (annotations) lines.push(...wrapWords(['annotations:', ...annotations], OVERVIEW_WIDTH, '  ', '    '));
    const remedy = codeInfo(g.code)?.remedy;
    if (remedy) lines.push(...wrap(`to do: ${remedy}`, OVERVIEW_WIDTH, '  ', '    ').map(paint.dim));
  }
  return lines;
}

/** The words wrapped; the command on a line of its own, whole, to copy. */
function formatStep(label: string, step: NextStep): string[] {
  const lines = wrap(`${label}: ${step.text}${step.command ? ':' : ''}`, OVERVIEW_WIDTH, '', '  ');
  return step.command ? [...lines, `  ${step.command}`] : lines;
}

/** "key (3), other (1)" for the annotations a group's findings are about, most frequent first, as words to wrap (a key with its count); none when fewer than two keys. */
function annotationCounts(findings: readonly Diagnostic[]): string[] | undefined {
  const counts = new Map<string, number>();
  for (const d of findings) if (d.annotation !== undefined) counts.set(d.annotation, (counts.get(d.annotation) ?? 0) + 1);
  if (counts.size < 2) return undefined;
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = sorted.slice(0, MAX_KEYS).map(([key, n], i) => `${key} (${n})${i < counts.size - 1 ? ',' : ''}`);
  return sorted.length > MAX_KEYS ? [...shown, `and ${sorted.length - MAX_KEYS} more`] : shown;
}

const MAX_KEYS = 5;

function formatBaselineLine(baseline: NonNullable<ReportSummary['baseline']>, summary: ReportSummary): string {
  const knownTotal = baseline.known.error + baseline.known.warning + baseline.known.info;
  const fresh = newFindings(summary);
  const parts = [`baseline ${baseline.file}: ${plural(knownTotal, 'known finding')} (${plural(baseline.known.error, 'error')}, ${plural(baseline.known.warning, 'warning')}, ${plural(baseline.known.info, 'info')}), not counted for --fail-on`];
  parts.push(`new: ${plural(fresh.error, 'error')}, ${plural(fresh.warning, 'warning')}, ${plural(fresh.info, 'info')}`);
  if (baseline.absent > 0) parts.push(`${plural(baseline.absent, 'finding')} of the baseline gone`);
  return parts.join('; ');
}

/** file:line:col, or with the document and path when the line is not known. */
function shortLocation(location: SourceLocation): string {
  const loc = withPosition(location);
  return loc.line === undefined ? formatLocation(loc) : `${loc.file}:${loc.line}:${loc.col ?? 1}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

/** A message in at most two indented lines of the overview's width, cut with "…" past that. */
function fitMessage(message: string): string[] {
  const lines = wrap(message, OVERVIEW_WIDTH, '  ', '  ');
  if (lines.length <= MESSAGE_LINES) return lines;
  const kept = lines.slice(0, MESSAGE_LINES);
  kept[MESSAGE_LINES - 1] = shorten(`${kept[MESSAGE_LINES - 1]!} ${lines[MESSAGE_LINES]!.trimStart()}`, OVERVIEW_WIDTH);
  return kept;
}

const MESSAGE_LINES = 2;

/** Cuts at a word boundary near the width, marking the cut. */
export function shorten(text: string, width: number): string {
  if (text.length <= width) return text;
  const cut = text.slice(0, width - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > width * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** Word-wraps to the width; a word longer than a line stays whole. */
export function wrap(text: string, width: number, firstIndent: string, restIndent: string): string[] {
  return wrapWords(text.split(' '), width, firstIndent, restIndent);
}

/** Wraps between the given words (each may hold spaces: it is never split). */
function wrapWords(words: readonly string[], width: number, firstIndent: string, restIndent: string): string[] {
  const lines: string[] = [];
  let line = firstIndent;
  let empty = true;
  for (const word of words) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = restIndent + word;
    } else {
      line = empty ? line + word : `${line} ${word}`;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
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
