// Helm charts and other Go templates met among the inputs. A template is not a manifest: read as
// YAML it gives dozens of syntax errors, or worse, objects named `{{ .Release.Name }}`. It is
// reported once, with the command that renders it.
//
// When is a file a template? `{{` alone proves nothing: an annotation may hold a template for
// another tool (`"{{ .Host }}"`, a block scalar of configuration). The rule: a `{{` that the YAML
// lexer reads outside every scalar and comment (there it can only open two flow mappings, which
// no manifest writes: kubectl rejects a mapping as a key), or one on a line where the YAML breaks.
import { basename, join } from 'node:path';
import { Composer, Lexer, LineCounter, Parser } from 'yaml';
import type { DiagnosticCode } from '../reporter/codes.js';
import type { Diagnostic } from '../reporter/diagnostics.js';

/** Files above this size are not checked: a template is a small file, a cluster dump is not. */
const TEMPLATE_CHECK_MAX = 1 << 20;

/** Control tokens of the yaml lexer: they mark a position and stand for no source text. */
const CONTROL_TOKENS = new Set(['\u0002', '\u0018', '\u001f']);

/**
 * The offset of the first Go template action that is not inside a YAML scalar or comment, or
 * that sits on a line where the YAML has a syntax error; undefined for text that is YAML.
 */
export function templateActionOffset(text: string): number | undefined {
  if (text.length > TEMPLATE_CHECK_MAX) return undefined;
  const last = text.lastIndexOf('{{');
  if (last < 0) return undefined;
  let offset = 0;
  let previous = '';
  for (const token of new Lexer().lex(text)) {
    if (CONTROL_TOKENS.has(token)) continue;
    if (token === '{' && previous === '{') return offset - 1;
    previous = token;
    offset += token.length;
    if (offset > last + 1) break; // no `{{` left to read
  }
  return brokenTemplateLine(text);
}

/** A `{{` on a line where (or just after which) the YAML parser reports an error. */
function brokenTemplateLine(text: string): number | undefined {
  const lines = new LineCounter();
  const parser = new Parser(lines.addNewLine);
  const composer = new Composer({ uniqueKeys: false, logLevel: 'silent' });
  const errors: number[] = [];
  for (const token of parser.parse(text)) for (const doc of composer.next(token)) errors.push(...doc.errors.map((e) => e.pos[0]));
  for (const doc of composer.end()) errors.push(...doc.errors.map((e) => e.pos[0]));
  for (const position of errors) {
    const { line } = lines.linePos(position);
    for (const candidate of [line, line - 1]) {
      const start = lines.lineStarts[candidate - 1];
      if (start === undefined) continue;
      const end = lines.lineStarts[candidate] ?? text.length;
      const at = text.indexOf('{{', start);
      if (at >= 0 && at < end) return at;
    }
  }
  return undefined;
}

/** The template action starting at `offset`, shortened for a message. */
export function templateActionText(text: string, offset: number): string {
  const close = text.indexOf('}}', offset);
  const lineEnd = text.indexOf('\n', offset);
  const end = close >= 0 && (lineEnd < 0 || close < lineEnd) ? close + 2 : lineEnd < 0 ? text.length : lineEnd;
  const action = text.slice(offset, end);
  return action.length > 60 ? `${action.slice(0, 57)}...` : action;
}

export const RENDER_HINT = 'render it first and convert the result: helm template RELEASE CHART | ing2gw convert - (for a kustomize overlay: kustomize build DIR | ing2gw convert -)';

/** What a Helm chart file is, by its name, or undefined for any other file. */
export function helmFileKind(file: string): string | undefined {
  const name = basename(file);
  if (name === 'Chart.yaml') return "a Helm chart's Chart.yaml";
  if (name === 'Chart.lock') return "a Helm chart's Chart.lock";
  if (name === 'values.schema.json') return "a Helm chart's values schema";
  if (/^values(-[^/]*)?\.ya?ml$/.test(name)) return 'a Helm values file';
  return undefined;
}

/** Directories of a chart that hold no manifests to read: templates, subcharts, chart-testing values. */
const chartDirectories = new Set(['templates', 'charts', 'ci']);

/**
 * What a directory walk reads of a directory (given its entries' names, sorted): Helm chart files
 * are left out, counted, and a chart's templates give one finding for the chart.
 */
export function planDirectory(dir: string, names: readonly string[]): { read: string[]; diagnostics: Diagnostic[] } {
  const chart = names.includes('Chart.yaml');
  const skipped = names.filter((name) => helmFileKind(name) !== undefined);
  const read = names.filter((name) => helmFileKind(name) === undefined && !(chart && chartDirectories.has(name)));
  const diagnostics: (Diagnostic & { code: DiagnosticCode })[] = [];
  const files = `${skipped.length} chart file${skipped.length === 1 ? '' : 's'} (${skipped.join(', ')})`;
  if (chart) {
    const parts = names.filter((name) => chartDirectories.has(name)).map((name) => `${name}/`);
    diagnostics.push({
      severity: 'error',
      code: 'helm-chart',
      message: `${dir} is a Helm chart: ${parts.length > 0 ? `${parts.join(', ')} and ` : ''}${files} are not read; its manifests exist only once rendered`,
      location: { file: join(dir, 'Chart.yaml'), doc: 1, path: '' },
      hint: `render the chart and convert the result: helm template RELEASE ${dir} | ing2gw convert -`,
    });
  } else if (skipped.length > 0) {
    diagnostics.push({ severity: 'info', code: 'helm-files-skipped', message: `${skipped.length} Helm file${skipped.length === 1 ? '' : 's'} skipped in ${dir} (${skipped.join(', ')}): a chart's files, not manifests` });
  }
  return { read, diagnostics };
}
