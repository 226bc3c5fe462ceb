// A report for a pull-request comment: the summary, the findings, and every input element that
// is not plainly converted.
import { accountingStatuses } from '../accounting.js';
import { formatLocation, formatObject } from '../diagnostics.js';
import type { Report } from '../report.js';

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
  const notConverted = report.accounting.flatMap((o) => o.entries.filter((e) => e.status !== 'converted').map((e) => ({ o, e })));
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
