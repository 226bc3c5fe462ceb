import { withPosition } from '../input/positions.js';
import { diagnosticCodes, type DiagnosticCode } from './codes.js';
import type { Diagnostic, ObjectRef, Severity, SourceLocation } from './diagnostics.js';

export interface DiagnosticDetails {
  location?: SourceLocation | undefined;
  object?: ObjectRef | undefined;
  hint?: string | undefined;
  annotation?: string | undefined;
  /** Overrides the code's default severity (e.g. an identical duplicate is milder than a differing one). */
  severity?: Severity;
}

/** Collects the diagnostics of one run. Severity defaults to the code table's. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  add(code: DiagnosticCode, message: string, details: DiagnosticDetails = {}): void {
    const diagnostic: Diagnostic = {
      severity: details.severity ?? diagnosticCodes[code].severity,
      code,
      message,
    };
    if (details.location) diagnostic.location = withPosition(details.location);
    if (details.object) diagnostic.object = details.object;
    if (details.hint) diagnostic.hint = details.hint;
    if (details.annotation) diagnostic.annotation = details.annotation;
    this.items.push(diagnostic);
  }
}
