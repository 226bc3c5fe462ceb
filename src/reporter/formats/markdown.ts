// A report for a pull-request comment: a summary table and the next step, then collapsible
// sections (errors; warnings and infos by code; the input elements not plainly converted) with
// every finding exactly once. GitHub refuses comments over 65,536 characters: past that the
// sections are cut and the comment says how much was left out and where the full report is.
// Everything that comes from the input is escaped: it never becomes markup.
import { accountingStatuses, type AccountEntry, type ObjectAccounting } from '../accounting.js';
import { codeInfo } from '../codes.js';
import { formatLocation, formatObject, type Diagnostic } from '../diagnostics.js';
import { findingGroups, gatewayHint, nextStep, topFinding, type NextStep } from '../next-step.js';
import { newFindings, type Report } from '../report.js';
import { annotationFamily } from '../../parsers/ingress/annotations.js';

/** GitHub's limit on the body of a comment, in characters. */
export const MARKDOWN_LIMIT = 65_536;

/**
 * Input text as inert Markdown: HTML specials as entities; Markdown punctuation that could start
 * code, emphasis, links or a table cell backslash-escaped; line breaks as spaces; other control
 * characters (and bidirectional overrides) shown as their code point.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
    .replace(/\t/g, ' ')
    .replace(/[\\`*_[\]~|]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** For text inside an HTML block (the <summary> lines), where Markdown escapes would show. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A collapsible section: its rows are what may be cut. */
interface Section {
  open: string[];
  rows: string[];
  close: string[];
  what: 'finding' | 'entry';
}

export function formatMarkdownReport(report: Report, limit = MARKDOWN_LIMIT): string {
  const { bySeverity, errors, isKnown } = findingGroups(report);
  const head = summaryLines(report, nextStep(topFinding(errors, bySeverity.warning, isKnown)), gatewayHint(report));
  const sections: Section[] = [];
  if (errors.length > 0) {
    sections.push({
      open: [`<details open><summary><b>${plural(errors.length, 'error')}</b></summary>`, '', '| code | where | object | message |', '|---|---|---|---|'],
      rows: errors.map((d) => `| \`${d.code}\` | ${where(d)} | ${object(d)} | ${message(d, isKnown(d))} |`),
      close: ['', '</details>', ''],
      what: 'finding',
    });
  }
  for (const severity of ['warning', 'info'] as const) {
    for (const g of bySeverity[severity]) {
      const info = codeInfo(g.code);
      const knownCount = g.findings.reduce((n, d) => n + (isKnown(d) ? 1 : 0), 0);
      sections.push({
        open: [
          `<details><summary>${g.findings.length} × ${severity} <code>${g.code}</code>${knownCount > 0 ? ` (${knownCount} in the baseline)` : ''}${info ? `: ${escapeHtml(info.summary)}` : ''}</summary>`,
          '',
          ...(info ? [`To do: ${info.remedy}`, ''] : []),
          '| where | object | message |',
          '|---|---|---|',
        ],
        rows: g.findings.map((d) => `| ${where(d)} | ${object(d)} | ${message(d, isKnown(d))} |`),
        close: ['', '</details>', ''],
        what: 'finding',
      });
    }
  }
  // Bookkeeping annotations (ignored by the annotation table, no finding) are counted per family, not listed.
  const bookkeeping = new Map<string, number>();
  const notConverted = report.accounting.flatMap((o) =>
    o.entries
      .filter((e) => {
        if (e.status === 'converted') return false;
        const family = e.kind === 'annotation' && e.status === 'ignored' && !e.code ? annotationFamily(e.name) : undefined;
        if (family?.status !== 'ignored') return true;
        bookkeeping.set(family.key, (bookkeeping.get(family.key) ?? 0) + 1);
        return false;
      })
      .map((e) => entryRow(o, e)),
  );
  if (bookkeeping.size > 0) {
    const families = [...bookkeeping].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, n]) => `\`${key}${key.endsWith('/') ? '*' : ''}\` ${n}`);
    head.push(`Bookkeeping annotations ignored: ${families.join(', ')}.`, '');
  }
  if (notConverted.length > 0) {
    sections.push({
      open: [`<details><summary>Not (plainly) converted: ${plural(notConverted.length, 'annotation or field', 'annotations and fields')}</summary>`, '', '| object | annotation / field | status | target support |', '|---|---|---|---|'],
      rows: notConverted,
      close: ['', '</details>', ''],
      what: 'entry',
    });
  }
  const { body, left } = fitSections(sections, limit - length(head) - NOTICE_RESERVE);
  const notice = left.finding + left.entry > 0 ? [truncationNotice(left, limit), ''] : [];
  return `${[...head, ...notice, ...body].join('\n')}\n`;
}

/** Room kept for the truncation notice (its longest form is well under this). */
const NOTICE_RESERVE = 600;
/** Room kept in each section for its "… more" line. */
const CUT_LINE_RESERVE = 80;

/**
 * Every section's frame (its summary, remedy and table header) is kept, so that each code shows
 * with its count; rows fill the rest of `budget` characters in order (errors first). Past the first
 * row that does not fit, no more rows are shown: each cut section says how many it left out, and
 * the totals go to the notice. Only when the frames alone do not fit are whole sections dropped
 * from the end.
 */
function fitSections(sections: readonly Section[], budget: number): { body: string[]; left: { finding: number; entry: number } } {
  const frame = (section: Section) => length(section.open) + length(section.close) + CUT_LINE_RESERVE;
  const left = { finding: 0, entry: 0 };
  let kept = sections.length;
  let remaining = budget - sections.reduce((n, section) => n + frame(section), 0);
  while (remaining < 0 && kept > 0) {
    kept--;
    remaining += frame(sections[kept]!);
    left[sections[kept]!.what] += sections[kept]!.rows.length;
  }
  const body: string[] = [];
  let cut = false;
  for (const section of sections.slice(0, kept)) {
    body.push(...section.open);
    let shown = 0;
    for (const row of section.rows) {
      if (cut || row.length + 1 > remaining) {
        cut = true;
        break;
      }
      body.push(row);
      remaining -= row.length + 1;
      shown++;
    }
    if (shown < section.rows.length) {
      const more = section.rows.length - shown;
      left[section.what] += more;
      body.push(`| … ${more} more not shown (see the note at the top) |`);
    }
    body.push(...section.close);
  }
  return { body, left };
}

function truncationNotice(left: { finding: number; entry: number }, limit: number): string {
  const parts = [left.finding > 0 ? plural(left.finding, 'finding') : '', left.entry > 0 ? plural(left.entry, 'not plainly converted annotation or field', 'not plainly converted annotations and fields') : ''].filter(Boolean);
  return `> **Truncated:** ${parts.join(' and ')} left out, to stay within GitHub's ${limit.toLocaleString('en-US')}-character comment limit. The full report: run \`ing2gw report … --report json\` (or \`--report text --verbose\`) on the same input, or see the report file.`;
}

function summaryLines(report: Report, step: NextStep, gateways: NextStep | undefined): string[] {
  const s = report.summary;
  const emitted = Object.entries(s.emitted)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const lines = [
    `## ing2gw conversion report (target \`${report.target}\`)`,
    '',
    '| | errors | warnings | infos |',
    '|---|---:|---:|---:|',
    `| findings | ${s.errors} | ${s.warnings} | ${s.infos} |`,
  ];
  if (s.baseline) {
    const fresh = newFindings(s);
    lines.push(`| new (not in the baseline) | ${fresh.error} | ${fresh.warning} | ${fresh.info} |`);
  }
  lines.push(
    '',
    `${plural(s.stats.readKinds['Ingress'] ?? 0, 'Ingress', 'Ingresses')} read; ${emitted || 'nothing'} emitted.`,
    '',
    '| | ' + accountingStatuses.join(' | ') + ' |',
    '|---|' + accountingStatuses.map(() => '---:').join('|') + '|',
    `| annotations | ${accountingStatuses.map((st) => s.accounting.annotations[st]).join(' | ')} |`,
    `| spec fields | ${accountingStatuses.map((st) => s.accounting.fields[st]).join(' | ')} |`,
    '',
  );
  if (s.baseline) {
    const knownTotal = s.baseline.known.error + s.baseline.known.warning + s.baseline.known.info;
    lines.push(`Baseline ${escapeMarkdown(s.baseline.file)}: ${plural(knownTotal, 'known finding')} (not counted for \`--fail-on\`)${s.baseline.absent > 0 ? `; ${plural(s.baseline.absent, 'finding')} of the baseline gone` : ''}.`, '');
  }
  if (gateways) lines.push(`**Gateways:** ${stepText(gateways)}`, '');
  lines.push(`**Next step:** ${stepText(step)}`, '');
  return lines;
}

/** Our own words (the step tables), with the command as code. */
function stepText(step: NextStep): string {
  return step.command ? `${escapeMarkdown(step.text)}: \`${step.command}\`` : escapeMarkdown(step.text);
}

function where(d: Diagnostic): string {
  return d.location ? escapeMarkdown(formatLocation(d.location)) : '';
}

function object(d: Diagnostic): string {
  return d.object ? escapeMarkdown(formatObject(d.object)) : '';
}

function message(d: Diagnostic, known: boolean): string {
  return `${known ? '(in the baseline) ' : ''}${escapeMarkdown(d.message)}${d.hint ? ` <i>(${escapeMarkdown(d.hint)})</i>` : ''}`;
}

function entryRow(o: ObjectAccounting, e: AccountEntry): string {
  const matrix = e.matrix ? `${e.matrix.level}${e.matrix.alternative ? ` (use ${e.matrix.alternative})` : ''}` : '';
  return `| ${escapeMarkdown(formatObject(o.object))} | <code>${escapeMarkdown(e.name)}</code> | ${e.status}${e.code ? ` (\`${e.code}\`)` : ''} | ${escapeMarkdown(matrix)} |`;
}

function length(lines: readonly string[]): number {
  return lines.reduce((n, l) => n + l.length + 1, 0);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
