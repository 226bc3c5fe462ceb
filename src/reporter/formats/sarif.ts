// SARIF 2.1.0, so code-scanning UIs show findings inline: rules are the diagnostic codes, results
// carry file/line/column.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnosticCodes } from '../codes.js';
import type { Diagnostic, Severity } from '../diagnostics.js';
import type { Report } from '../report.js';

/** The project home, as package.json's homepage names it (a test holds them equal). */
export const PROJECT_HOME = 'https://github.com/ing2gw/ing2gw';

const levels: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF messages should be sentences. */
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

export function formatSarifReport(report: Report): string {
  const ruleIndex = new Map(Object.keys(diagnosticCodes).map((id, i) => [id, i]));
  const rules = Object.entries(diagnosticCodes).map(([id, info]) => ({
    id,
    name: id.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase()),
    shortDescription: { text: sentence(info.summary) },
    fullDescription: { text: sentence(info.summary) },
    help: { text: sentence(info.remedy) },
    defaultConfiguration: { level: levels[info.severity] },
  }));
  const known = report.baseline?.known;
  const result = (d: Diagnostic, baselineState?: 'new' | 'unchanged' | 'absent') => ({
    ruleId: d.code,
    ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code)! } : {}),
    level: levels[d.severity],
    message: { text: sentence(d.hint ? `${d.message} (${d.hint})` : d.message) },
    ...(d.location
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toUri(d.location.file) },
                ...(d.location.line ? { region: { startLine: d.location.line, startColumn: d.location.col ?? 1 } } : {}),
              },
              ...(d.location.path ? { logicalLocations: [{ fullyQualifiedName: d.location.path, kind: 'member' }] } : {}),
            },
          ],
        }
      : {}),
    ...(baselineState ? { baselineState } : {}),
  });
  // With a baseline every result says whether it is new; the baseline's findings that are gone follow as "absent".
  const results = known
    ? [...report.diagnostics.map((d) => result(d, known.has(d) ? 'unchanged' : 'new')), ...report.baseline!.absent.map((d) => result(d, 'absent'))]
    : report.diagnostics.map((d) => result(d));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: report.tool.name, version: report.tool.version, semanticVersion: report.tool.version, informationUri: PROJECT_HOME, rules } },
        results,
        properties: { target: report.target },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** Relative paths as relative URIs (forward slashes, percent-encoded), absolute ones as file: URIs. */
function toUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file
    .split(/[\\/]/)
    .map((part) => encodeURIComponent(part))
    .join('/');
}
