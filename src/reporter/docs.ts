// Markdown tables for the README, generated from the same data the tool uses.
import { APISIX_ANNOTATION_PREFIX, apisixAnnotations, familyConversions } from '../parsers/apisix/annotations.js';
import { annotationTable } from '../parsers/ingress/annotations.js';
import { supportOverviewMarkdown } from '../matrix/format.js';
import { diagnosticCodes } from './codes.js';

export function diagnosticCodesTable(): string {
  const rows = Object.entries(diagnosticCodes).map(([code, info]) => `| \`${code}\` | ${info.severity} | ${info.summary} | ${info.remedy} |`);
  return ['| code | level | meaning | what to do |', '|---|---|---|---|', ...rows].join('\n');
}

export function coreAnnotationsTable(): string {
  const rows = annotationTable.map((row) => `| \`${row.key}${row.key.endsWith('/') ? '*' : ''}\` | ${row.status} | ${row.description}${row.instead ? ` Instead: ${row.instead}.` : ''} |`);
  return ['| annotation | status | what happens |', '|---|---|---|', ...rows, '| any other annotation | reported | `annotation-not-converted` warning, with its value and location |'].join('\n');
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->`. */
export function replaceSection(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`README has no ${name} section`);
  return `${text.slice(0, i + start.length)}\n${content}\n${text.slice(j)}`;
}

/** What each APISIX annotation becomes, per target, from the provider's own table. */
export function apisixAnnotationsTable(): string {
  const rows = apisixAnnotations.map((a) => {
    const c = familyConversions[a.family];
    return `| \`${APISIX_ANNOTATION_PREFIX}${a.name}\` | ${a.family} | ${c.generic} | ${c.apisixIngressController2} |`;
  });
  return ['| annotation | family | `--target generic` (standard Gateway API) | `--target apisix-ingress-controller@2` |', '|---|---|---|---|', ...rows].join('\n');
}

export const generatedSections: Record<string, () => string> = {
  codes: diagnosticCodesTable,
  annotations: coreAnnotationsTable,
  support: supportOverviewMarkdown,
  'apisix-annotations': apisixAnnotationsTable,
};
