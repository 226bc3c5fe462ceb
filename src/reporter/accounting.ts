// Conservation: every annotation and every spec field of every Ingress object in the input gets
// exactly one status, derived from the findings located at it (or at an object around it), the
// annotation tables, and the target's support matrix.
import { appendTo } from '../common/multimap.js';
import { elementPrefixes, withoutPendingPosition } from '../input/positions.js';
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
  /** Computed when first read (until then an enumerable getter: JSON.stringify and spreads see it). */
  entries: AccountEntry[];
}

/** Worst first: the status of an element is the first in this order among the findings at it. */
const statusOrder: readonly AccountingStatus[] = ['unsupported-by-target', 'invalid', 'unknown', 'not-converted', 'ignored', 'caveat', 'converted'];
export const accountingStatuses = statusOrder;

/** Computes an object's entries without keeping them (see buildAccounting). */
const freshEntries = Symbol('fresh entries');

type LazyAccounting = ObjectAccounting & { [freshEntries]?: () => AccountEntry[] };

/**
 * One ObjectAccounting per account. `entries` is computed when first read, then kept like any
 * property: a large dump's entries (an object and a location per field) would otherwise outweigh
 * its output, and a text report reads those of only the objects with findings. Counting goes
 * through `freshEntries`, which keeps nothing.
 */
export function buildAccounting(accounts: readonly IngressAccount[], diagnostics: readonly Diagnostic[], target: Target): ObjectAccounting[] {
  const findings = findingsByAccount(accounts, diagnostics);
  return accounts.map((account, i) => {
    // Accounting outlives the input: deferred positions are dropped rather than kept with their text.
    const location = withoutPendingPosition(account.location);
    const kept: IngressAccount = { ...account, location, annotations: account.annotations.map((a) => ({ key: a.key, value: '', location: withoutPendingPosition(a.location) })) };
    // What the statuses depend on, copied: later changes to the diagnostics do not change them.
    const at = (findings[i] ?? []).map((d): Finding => ({ code: d.code, path: d.location!.path }));
    const accounting = { object: account.ref, location } as LazyAccounting;
    const compute = () => entriesOf(kept, at, target);
    const settle = (entries: AccountEntry[]) => Object.defineProperty(accounting, 'entries', { value: entries, writable: true, enumerable: true, configurable: true });
    Object.defineProperty(accounting, 'entries', {
      enumerable: true,
      configurable: true,
      get: () => {
        const entries = compute();
        settle(entries);
        return entries;
      },
      set: settle,
    });
    Object.defineProperty(accounting, freshEntries, { value: compute }); // not enumerable: spreads and JSON skip it
    return accounting;
  });
}

/** The entries of an object, without making them stay if they were not read yet. */
function entriesForCounting(o: ObjectAccounting): readonly AccountEntry[] {
  const fresh = (o as LazyAccounting)[freshEntries];
  return fresh && Object.getOwnPropertyDescriptor(o, 'entries')?.get ? fresh() : o.entries;
}

/** A finding as the statuses need it. */
interface Finding {
  code: string;
  path: string;
}

/**
 * The findings with an accounting status located in each account's object (at it or under it), in
 * the order given. A finding belongs to an object when the object's path is the finding's path or
 * one of its prefixes at a `.` or `[`: looked up by prefix rather than by scanning every finding of
 * the document per object, which a List of thousands of items with findings makes quadratic.
 */
export function findingsByAccount(accounts: readonly IngressAccount[], diagnostics: readonly Diagnostic[]): Diagnostic[][] {
  const accountsAt = new Map<string, number[]>();
  accounts.forEach((account, i) => appendTo(accountsAt, objectKey(account.location.file, account.location.doc, account.location.path), i));
  const found: Diagnostic[][] = [];
  for (const d of diagnostics) {
    if (!d.location || !codeInfo(d.code)?.accounting) continue;
    const { file, doc, path } = d.location;
    for (const at of ['', ...elementPrefixes(path)]) for (const i of accountsAt.get(objectKey(file, doc, at)) ?? []) (found[i] ??= []).push(d);
  }
  return found;
}

function objectKey(file: string, doc: number, path: string): string {
  return `${file}\u0000${doc}\u0000${path}`;
}

/** Every annotation and spec field of one object with its status. */
function entriesOf(account: IngressAccount, findings: readonly Finding[], target: Target): AccountEntry[] {
  // An Ingress the API server would reject is not converted at all: every part of it is invalid.
  const objectInvalid = findings.find((d) => d.code === 'ingress-invalid');
  // The worst finding at each path (the first in order among equally bad ones). An element's status
  // is the worst among those at it and at the elements around it: looked up per prefix, since
  // comparing every element with every finding is quadratic in an Ingress of thousands of paths.
  const worstAt = new Map<string, { rank: number; index: number; code: string }>();
  findings.forEach((d, index) => {
    const rank = statusOrder.indexOf(codeInfo(d.code)!.accounting!);
    const known = worstAt.get(d.path);
    if (!known || rank < known.rank) worstAt.set(d.path, { rank, index, code: d.code });
  });
  const statusAt = (path: string): { status: AccountingStatus; code?: string } => {
    let best = worstAt.get('');
    if (worstAt.size > (best ? 1 : 0)) {
      for (const prefix of elementPrefixes(path)) {
        const at = worstAt.get(prefix);
        if (at && (!best || at.rank < best.rank || (at.rank === best.rank && at.index < best.index))) best = at;
      }
    }
    if (best) return { status: statusOrder[best.rank]!, code: best.code };
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
      location: annotation.location,
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
  return entries;
}

const providerKeys = new Set(apisixAnnotationKeys);

function isKnownProviderAnnotation(key: string): boolean {
  return providerKeys.has(key);
}

function matrixOf(row: MatrixRow): AccountEntry['matrix'] {
  return { level: row.level, note: row.note, ...(row.alternative ? { alternative: row.alternative } : {}), ...(row.changed ? { changed: row.changed } : {}) };
}

export type AccountingCounts = Record<AccountingStatus, number>;

/** Counts by status of annotations and of spec fields, reading each object's entries once. */
export function countAccounting(objects: readonly ObjectAccounting[]): { annotations: AccountingCounts; fields: AccountingCounts } {
  const zero = () => Object.fromEntries(statusOrder.map((s) => [s, 0])) as AccountingCounts;
  const counts = { annotations: zero(), fields: zero() };
  for (const o of objects) for (const e of entriesForCounting(o)) (e.kind === 'annotation' ? counts.annotations : counts.fields)[e.status]++;
  return counts;
}
