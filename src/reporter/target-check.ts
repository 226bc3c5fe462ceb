// The target's support matrix applied to a conversion: input annotations the target does not
// support are said so (with the matrix's own words), and emitted resources and fields the target
// does not support, or only partly, are flagged.
import type { MatrixRow, Target } from '../matrix/targets.js';
import { annotationRow, fieldRows, resourceRow } from '../matrix/targets.js';
import type { IngressAccount } from '../ir/model.js';
import type { Diagnostic } from './diagnostics.js';
import type { DiagnosticSink } from './sink.js';

export interface EmittedObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
}

/**
 * Input annotations judged by the target's matrix: one the target does not support is said so at
 * its location (replacing a "not converted" finding there), whatever the conversion made of it;
 * for a supported one, the "not converted" finding says how the target handles it on Ingress.
 */
export function applyTargetToAnnotations(diagnostics: Diagnostic[], accounts: readonly IngressAccount[], target: Target, sink: DiagnosticSink): void {
  const notConverted = new Map<string, Diagnostic>();
  for (const d of diagnostics) if (d.code === 'annotation-not-converted' && d.annotation && d.location) notConverted.set(`${d.location.file}\u0000${d.location.doc}\u0000${d.location.path}`, d);
  for (const account of accounts) {
    for (const a of account.annotations) {
      const row = annotationRow(target, a.key);
      if (!row) continue;
      const existing = notConverted.get(`${a.location.file}\u0000${a.location.doc}\u0000${a.location.path}`);
      if (row.level === 'not-supported') {
        const message = `annotation ${a.key} is not supported by ${target.id}: ${row.note}`;
        const hint = row.alternative ? `use ${row.alternative}` : undefined;
        if (existing) {
          existing.code = 'unsupported-by-target';
          existing.message = message;
          if (hint) existing.hint = hint;
        } else {
          sink.add('unsupported-by-target', message, { location: a.location, object: account.ref, annotation: a.key, hint });
        }
      } else if (existing) {
        existing.hint = `${target.id} supports it on Ingress. ${row.note}${row.changed ? ` Changed since 1.x: ${row.changed}` : ''} The Gateway API output does not carry it`;
      }
    }
  }
}

/** Flags emitted resources and fields the target's matrix does not (fully) support: one finding per row. */
export function checkOutputAgainstTarget(objects: readonly EmittedObject[], target: Target, sink: DiagnosticSink): void {
  const byRow = new Map<MatrixRow, { names: string[]; values: Set<string> }>();
  const note = (row: MatrixRow, object: EmittedObject, value?: unknown) => {
    const entry = byRow.get(row) ?? { names: [], values: new Set<string>() };
    const name = `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
    if (!entry.names.includes(name)) entry.names.push(name);
    if (value !== undefined) entry.values.add(JSON.stringify(value));
    byRow.set(row, entry);
  };
  for (const object of objects) {
    const row = resourceRow(target, object.kind);
    if (row && (row.level !== 'supported' || row.subject.kind !== 'resource' || row.subject.apiVersion !== object.apiVersion.split('/').pop())) note(row, object);
    for (const fieldRow of fieldRows(target, object.kind)) {
      if (fieldRow.level === 'supported' || fieldRow.subject.kind !== 'field') continue;
      for (const value of valuesAt(object, fieldRow.subject.path)) if (!accepted(fieldRow, value)) note(fieldRow, object, value);
    }
  }
  for (const [row, { names, values }] of byRow) {
    const subject = row.subject.kind === 'resource' ? `${row.subject.resource}` : row.subject.kind === 'field' ? `${row.subject.resource} ${row.subject.path}` : row.subject.key;
    const where = `${names.length} object${names.length === 1 ? '' : 's'} (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})`;
    const shown = values.size > 0 ? ` = ${[...values].slice(0, 3).join(', ')}` : '';
    if (row.subject.kind === 'resource' && row.level === 'supported') {
      sink.add('target-caveat', `${target.id} reads ${subject} as ${row.subject.apiVersion}; the output uses another version in ${where}`, { hint: 'check that the version the output uses is served and watched by the controller' });
    } else if (row.level === 'not-supported') {
      sink.add('unsupported-by-target', `${subject}${shown} in ${where} is not supported by ${target.id}: ${row.note}`, row.alternative ? { hint: `use ${row.alternative}` } : {});
    } else {
      sink.add('target-caveat', `${subject}${shown} in ${where} is ${row.level === 'ignored' ? 'ignored' : 'only partly supported'} by ${target.id}: ${row.note}`, row.alternative ? { hint: row.alternative } : {});
    }
  }
}

/** Values at `spec.listeners[].tls.mode` (`[]`: every item of a list). */
export function valuesAt(root: unknown, path: string): unknown[] {
  let current: unknown[] = [root];
  for (const part of path.split('.')) {
    const many = part.endsWith('[]');
    const key = many ? part.slice(0, -2) : part;
    const next: unknown[] = [];
    for (const node of current) {
      if (node === null || typeof node !== 'object') continue;
      const value = (node as Record<string, unknown>)[key];
      if (value === undefined) continue;
      if (many && Array.isArray(value)) next.push(...value);
      else if (!many) next.push(value);
    }
    current = next;
  }
  return current;
}

/** Partly supported fields list the values that work (`accepts`); everything else is flagged. */
function accepted(row: MatrixRow, value: unknown): boolean {
  return row.level === 'partial' && row.accepts !== undefined && row.accepts.includes(value);
}
