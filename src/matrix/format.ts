// The support matrix as text, JSON or Markdown (`ing2gw matrix`, and the README's tables).
import { targets, type MatrixRow, type MatrixSubject, type Target } from './targets.js';

export type MatrixFormat = 'text' | 'json' | 'markdown';

export function subjectName(s: MatrixSubject): string {
  return s.kind === 'resource' ? `${s.resource} (${s.apiVersion})` : s.kind === 'field' ? `${s.resource} ${s.path}` : s.key;
}

const escape = (text: string) => text.replace(/\|/g, '\\|');

function describeRow(row: MatrixRow): string {
  return [row.note, row.alternative ? `Instead: ${row.alternative}.` : '', row.changed ? `Changed: ${row.changed}` : ''].filter(Boolean).join(' ');
}

export function formatMatrix(selected: readonly Target[], format: MatrixFormat): string {
  if (format === 'json') return `${JSON.stringify({ version: 1, targets: selected }, null, 2)}\n`;
  if (format === 'markdown') {
    return `${selected
      .map((t) =>
        [`### ${t.title} (\`${t.id}\`)`, '', `Source: ${t.source}.`, '', '| subject | support | note |', '|---|---|---|', ...t.rows.map((r) => `| \`${escape(subjectName(r.subject))}\` | ${r.level} | ${escape(describeRow(r))} |`)].join('\n'),
      )
      .join('\n\n')}\n`;
  }
  return `${selected
    .map((t) => [`${t.id}: ${t.title}`, `  source: ${t.source}`, ...t.rows.map((r) => `  ${r.level.padEnd(13)} ${subjectName(r.subject)}${r.alternative ? ` (instead: ${r.alternative})` : ''}`)].join('\n'))
    .join('\n\n')}\n`;
}

/** One table over every target: what each supports, for the README. */
export function supportOverviewMarkdown(): string {
  const subjects = new Map<string, MatrixSubject>();
  for (const t of targets) for (const r of t.rows) if (r.subject.kind !== 'annotation') subjects.set(subjectKey(r.subject), r.subject);
  const cell = (t: Target, key: string) => t.rows.find((r) => subjectKey(r.subject) === key)?.level ?? '—';
  const header = `| resource / field | ${targets.map((t) => `\`${t.id}\``).join(' | ')} |`;
  const rows = [...subjects].map(([key, s]) => `| ${escape(s.kind === 'resource' ? s.resource : s.kind === 'field' ? `${s.resource} \`${s.path}\`` : s.key)} | ${targets.map((t) => cell(t, key)).join(' | ')} |`);
  const annotationTargets = targets.filter((t) => t.rows.some((r) => r.subject.kind === 'annotation'));
  const annotationKeys = [...new Set(annotationTargets.flatMap((t) => t.rows.filter((r) => r.subject.kind === 'annotation').map((r) => (r.subject as { key: string }).key)))];
  const annotationHeader = `| annotation | ${annotationTargets.map((t) => `\`${t.id}\``).join(' | ')} |`;
  const annotationRows = annotationKeys.map((key) => `| \`${key}\` | ${annotationTargets.map((t) => t.rows.find((r) => r.subject.kind === 'annotation' && r.subject.key === key)?.level ?? '—').join(' | ')} |`);
  return [
    header,
    `|---|${targets.map(() => '---').join('|')}|`,
    ...rows,
    '',
    annotationHeader,
    `|---|${annotationTargets.map(() => '---').join('|')}|`,
    ...annotationRows,
  ].join('\n');
}

function subjectKey(s: MatrixSubject): string {
  return s.kind === 'resource' ? `resource:${s.resource}` : s.kind === 'field' ? `field:${s.resource}:${s.path}` : `annotation:${s.key}`;
}
