// A report for a pull-request comment: the summary, the findings, and every input element that
// is not plainly converted.
import { accountingStatuses } from '../accounting.js';
import { formatLocation, formatObject } from '../diagnostics.js';
import type { Report } from '../report.js';
import { annotationFamily } from '../../parsers/ingress/annotations.js';

const escape = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function formatMarkdownReport(report: Report): string {
  const s = report.summary;
  const lines = [
    `## ing2gw conversion report (target \`${report.target}\`)`,
    '',
    `**${s.errors}** errors, **${s.warnings}** warnings, **${s.infos}** infos; ${Object.entries(s.emitted)
      .sort()
      .map(([k, n]) => `${n} ${k}`)
      .join(', ') || 'nothing'} emitted.`,
    '',
    '| | ' + accountingStatuses.join(' | ') + ' |',
    '|---|' + accountingStatuses.map(() => '---:').join('|') + '|',
    `| annotations | ${accountingStatuses.map((st) => s.accounting.annotations[st]).join(' | ')} |`,
    `| spec fields | ${accountingStatuses.map((st) => s.accounting.fields[st]).join(' | ')} |`,
    '',
  ];
  if (report.diagnostics.length > 0) {
    lines.push('### Findings', '', '| level | code | where | object | message |', '|---|---|---|---|---|');
    for (const d of report.diagnostics) {
      lines.push(`| ${d.severity} | \`${d.code}\` | ${d.location ? escape(formatLocation(d.location)) : ''} | ${d.object ? escape(formatObject(d.object)) : ''} | ${escape(d.message)}${d.hint ? ` _(${escape(d.hint)})_` : ''} |`);
    }
    lines.push('');
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
      .map((e) => ({ o, e })),
  );
  if (bookkeeping.size > 0) {
    lines.push(`Bookkeeping annotations ignored: ${[...bookkeeping].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, n]) => `\`${key}${key.endsWith('/') ? '*' : ''}\` ${n}`).join(', ')}.`, '');
  }
  if (notConverted.length > 0) {
    lines.push('### Not (plainly) converted', '', '| object | annotation / field | status | target support |', '|---|---|---|---|');
    for (const { o, e } of notConverted) {
      const matrix = e.matrix ? `${e.matrix.level}${e.matrix.alternative ? ` (use ${e.matrix.alternative})` : ''}` : '';
      lines.push(`| ${escape(formatObject(o.object))} | \`${escape(e.name)}\` | ${e.status}${e.code ? ` (\`${e.code}\`)` : ''} | ${escape(matrix)} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
