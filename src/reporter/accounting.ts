// Conservation: every annotation and every spec field of every Ingress object in the input gets
// exactly one status, derived from the findings located at it (or at an object around it), the
// annotation tables, and the target's support matrix.
import { withoutPendingPosition } from '../input/positions.js';
import type { IngressAccount } from '../ir/model.js';
import type { MatrixRow, Target } from '../matrix/targets.js';
import { annotationRow } from '../matrix/targets.js';
import { apisixAnnotationKeys } from '../parsers/apisix/annotations.js';
import { coreAnnotation } from '../parsers/ingress/annotations.js';
import { codeInfo, type AccountingStatus } from './codes.js';
import type { Diagnostic, ObjectRef, SourceLocation } from './diagnostics.js';

export interface AccountEntry {
  kind: 'annotation' | 'field';
  /** The annotation key, or the field's path in the document. */
  name: string;
  location: SourceLocation;
  status: AccountingStatus;
  /** The finding that decided the status, if any. */
  code?: string;
  /** The target's matrix row about it, if it has one. */
  matrix?: Pick<MatrixRow, 'level' | 'note' | 'alternative' | 'changed'>;
}

export interface ObjectAccounting {
  object: ObjectRef;
  location: SourceLocation;
  entries: AccountEntry[];
}

/** Worst first: the status of an element is the first in this order among the findings at it. */
const statusOrder: readonly AccountingStatus[] = ['unsupported-by-target', 'invalid', 'unknown', 'not-converted', 'ignored', 'caveat', 'converted'];
export const accountingStatuses = statusOrder;

function within(outer: string, inner: string): boolean {
  return outer === '' || inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
}

export function buildAccounting(accounts: readonly IngressAccount[], diagnostics: readonly Diagnostic[], target: Target): ObjectAccounting[] {
  // Findings by document, so each element only looks at its own document's findings.
  const byDocument = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (!d.location || !codeInfo(d.code)?.accounting) continue;
    const key = `${d.location.file}\u0000${d.location.doc}`;
    byDocument.set(key, [...(byDocument.get(key) ?? []), d]);
  }
  return accounts.map((account) => {
    const findings = (byDocument.get(`${account.location.file}\u0000${account.location.doc}`) ?? []).filter((d) => within(account.location.path, d.location!.path));
    // An Ingress the API server would reject is not converted at all: every part of it is invalid.
    const objectInvalid = findings.find((d) => d.code === 'ingress-invalid');
    const statusAt = (path: string): { status: AccountingStatus; code?: string } => {
      let best: { status: AccountingStatus; code?: string } | undefined;
      for (const d of findings) {
        if (!within(d.location!.path, path)) continue;
        const status = codeInfo(d.code)!.accounting!;
        if (!best || statusOrder.indexOf(status) < statusOrder.indexOf(best.status)) best = { status, code: d.code };
      }
      if (best) return best;
      return objectInvalid ? { status: 'invalid', code: objectInvalid.code } : { status: 'converted' };
    };
    const entries: AccountEntry[] = [];
    for (const annotation of account.annotations) {
      const row = annotationRow(target, annotation.key);
      const core = coreAnnotation(annotation.key);
      const decided = statusAt(annotation.location.path);
      // No finding at an annotation its provider knows means it was converted.
      const status: AccountingStatus = decided.code ? decided.status : core ? (core.status === 'ignored' ? 'ignored' : 'converted') : isKnownProviderAnnotation(annotation.key) ? 'converted' : 'unknown';
      entries.push({
        kind: 'annotation',
        name: annotation.key,
        location: withoutPendingPosition(annotation.location),
        status,
        ...(decided.code ? { code: decided.code } : {}),
        ...(row ? { matrix: matrixOf(row) } : {}),
      });
    }
    const { file, doc, path: base } = account.location;
    const positions = account.fieldPositions;
    for (let i = 0; i < account.fields.length; i++) {
      const path = base === '' ? account.fields[i]! : `${base}.${account.fields[i]!}`;
      const location: SourceLocation = positions ? { file, doc, path, line: positions[2 * i]!, col: positions[2 * i + 1]! } : { file, doc, path };
      const decided = statusAt(path);
      entries.push({ kind: 'field', name: path, location, ...decided });
    }
    // Accounting outlives the input: deferred positions are dropped rather than kept with their text.
    return { object: account.ref, location: withoutPendingPosition(account.location), entries };
  });
}

const providerKeys = new Set(apisixAnnotationKeys);

function isKnownProviderAnnotation(key: string): boolean {
  return providerKeys.has(key);
}

function matrixOf(row: MatrixRow): AccountEntry['matrix'] {
  return { level: row.level, note: row.note, ...(row.alternative ? { alternative: row.alternative } : {}), ...(row.changed ? { changed: row.changed } : {}) };
}

export type AccountingCounts = Record<AccountingStatus, number>;

export function countAccounting(objects: readonly ObjectAccounting[], kind?: AccountEntry['kind']): AccountingCounts {
  const counts = Object.fromEntries(statusOrder.map((s) => [s, 0])) as AccountingCounts;
  for (const o of objects) for (const e of o.entries) if (!kind || e.kind === kind) counts[e.status]++;
  return counts;
}
