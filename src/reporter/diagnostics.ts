// Diagnostics are data: every finding carries a stable code, a severity and, where it comes from
// the input, the exact place (file, document, path in the object, line and column).

import { withPosition } from '../input/positions.js';

export type Severity = 'error' | 'warning' | 'info';

/** Where something was written in the input. `path` is a dotted/indexed path inside the document. */
export interface SourceLocation {
  file: string;
  /** Number of the YAML document in the file, counting from 1 like lines. */
  doc: number;
  /** Path inside the document, e.g. `items[2].spec.rules[0].http.paths[1].backend`. */
  path: string;
  /** 1-based line and column, when known. */
  line?: number;
  col?: number;
}

/** The Kubernetes object a finding is about. */
export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

export interface Diagnostic {
  severity: Severity;
  code: string;
  message: string;
  location?: SourceLocation;
  object?: ObjectRef;
  /** What the user can do about it. */
  hint?: string;
  /** The annotation key the finding is about, when it is about one. */
  annotation?: string;
}

export function formatLocation(location: SourceLocation): string {
  const loc = withPosition(location); // a deferred position is looked up when shown
  const pos = loc.line === undefined ? loc.file : `${loc.file}:${loc.line}:${loc.col ?? 1}`;
  return loc.path ? `${pos} (doc ${loc.doc}, ${loc.path})` : `${pos} (doc ${loc.doc})`;
}

export function formatObject(ref: ObjectRef): string {
  return singleLine(ref.namespace ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind} ${ref.name}`);
}

/**
 * Line breaks shown as `\n`: a finding is one line of the report, and a name, key or value from
 * the input must not start a line of its own (it could pass for another finding).
 */
export function singleLine(text: string): string {
  return text.includes('\n') ? text.replace(/\n/g, '\\n') : text;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order for reports: by file, document, line, column, then code and message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const la = a.location;
  const lb = b.location;
  if (la && lb) {
    if (la.file !== lb.file) return la.file < lb.file ? -1 : 1;
    if (la.doc !== lb.doc) return la.doc - lb.doc;
    const line = (la.line ?? 0) - (lb.line ?? 0);
    if (line !== 0) return line;
    const col = (la.col ?? 0) - (lb.col ?? 0);
    if (col !== 0) return col;
  } else if (la || lb) {
    return la ? -1 : 1;
  }
  return (
    compareStrings(a.code, b.code) ||
    severityRank[a.severity] - severityRank[b.severity] ||
    compareStrings(a.message, b.message)
  );
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
