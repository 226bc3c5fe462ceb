// A baseline is the JSON report of an earlier run. A finding it already had is "known": still
// shown, but not counted for --fail-on, so that a pipeline gates only on new findings.
// Findings match on code, object (kind, namespace, name), file and path inside the document;
// not on line, column or document number, which move when the file around them is edited.
import type { Diagnostic, ObjectRef, SourceLocation } from './diagnostics.js';

export interface Baseline {
  /** Where it was read from, as given (shown in reports). */
  file: string;
  diagnostics: Diagnostic[];
}

/** A baseline that cannot be used; the message says why, naming the file. */
export class BaselineError extends Error {}

/** Parses the text of a `--report json` report; throws BaselineError when it is not one. */
export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new BaselineError(`${file} is not JSON (${(e as Error).message}); pass the output of --report json of an earlier run`);
  }
  if (!isRecord(data)) throw new BaselineError(`${file} is not an ing2gw JSON report (expected an object); pass the output of --report json of an earlier run`);
  if (typeof data['$schema'] === 'string' && data['$schema'].includes('sarif')) {
    throw new BaselineError(`${file} is a SARIF report; pass the output of --report json of an earlier run`);
  }
  const tool = data['tool'];
  if (!isRecord(tool) || tool['name'] !== 'ing2gw' || typeof data['version'] !== 'number' || !Array.isArray(data['diagnostics'])) {
    throw new BaselineError(`${file} is not an ing2gw JSON report (no tool.name "ing2gw", version and diagnostics); pass the output of --report json of an earlier run`);
  }
  const diagnostics: Diagnostic[] = [];
  data['diagnostics'].forEach((d: unknown, i: number) => {
    if (!isRecord(d) || typeof d['code'] !== 'string' || typeof d['message'] !== 'string' || !['error', 'warning', 'info'].includes(d['severity'] as string)) {
      throw new BaselineError(`${file}: diagnostics[${i}] is not a finding (code, severity and message expected)`);
    }
    diagnostics.push(d as unknown as Diagnostic);
  });
  return { file, diagnostics };
}

export interface BaselineComparison {
  file: string;
  /** The current findings the baseline already had. */
  known: ReadonlySet<Diagnostic>;
  /** The baseline's findings that are gone. */
  absent: Diagnostic[];
}

/**
 * Pairs current findings with baseline ones by key, each baseline finding used once (two equal
 * findings in the baseline cover two now, not three). Linear: a map from key to the baseline
 * findings left under it.
 */
export function compareWithBaseline(diagnostics: readonly Diagnostic[], baseline: Baseline): BaselineComparison {
  const unmatched = new Map<string, { findings: Diagnostic[]; used: number }>();
  for (const d of baseline.diagnostics) {
    const key = baselineKey(d);
    const entry = unmatched.get(key);
    if (entry) entry.findings.push(d);
    else unmatched.set(key, { findings: [d], used: 0 });
  }
  const known = new Set<Diagnostic>();
  for (const d of diagnostics) {
    const entry = unmatched.get(baselineKey(d));
    if (!entry || entry.used === entry.findings.length) continue;
    entry.used++;
    known.add(d);
  }
  const absent = [...unmatched.values()].flatMap((e) => e.findings.slice(e.used));
  return { file: baseline.file, known, absent };
}

function baselineKey(d: { code: string; object?: Partial<ObjectRef> | undefined; location?: Partial<SourceLocation> | undefined }): string {
  const o = d.object;
  const l = d.location;
  return [d.code, o?.kind ?? '', o?.namespace ?? '', o?.name ?? '', l?.file ?? '', l?.path ?? ''].join('\u0000');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
