// Strings cut from the input by the parsers (yaml's scalars, items of a List) are views into the
// whole input text: V8 keeps the text alive for as long as one such string lives. The IR outlives
// the text, so the strings it keeps are copied out; a 10k-Ingress dump otherwise pins its 25 MB.

import { isRecord } from '../input/objects.js';
import { LAST_APPLIED_ANNOTATION } from './ingress/annotations.js';

/** V8 makes a view rather than a copy for substrings of 13 characters or more. */
const VIEW_MIN_LENGTH = 13;

/** A copy of `s` that shares no storage with the text it was cut from. */
function copied(s: string): string {
  // Concatenating and slicing forces a new flat string; the slice then points into that copy.
  return s.length < VIEW_MIN_LENGTH ? s : ` ${s}`.slice(1);
}

/** What a level of an object leaves out, and the field under it that leaves out more. */
interface Pruning {
  skip: string;
  into?: { key: string; pruning: Pruning };
}

/** `status`; under `metadata`, `managedFields`; under its `annotations`, kubectl's copy of the object. */
const unread: Pruning = { skip: 'status', into: { key: 'metadata', pruning: { skip: 'managedFields', into: { key: 'annotations', pruning: { skip: LAST_APPLIED_ANNOTATION } } } } };

/**
 * detachStrings for a Kubernetes object, leaving out what no reader keeps: `status`, the
 * `managedFields` and kubectl's copy of the object (the last-applied annotation), which hold most
 * of the strings of a dumped object.
 */
export function detachObjectStrings(object: Record<string, unknown>): void {
  detachPruned(object, unread);
}

function detachPruned(record: Record<string, unknown>, pruning: Pruning): void {
  for (const key of Object.keys(record)) {
    if (key === pruning.skip) continue;
    const value = record[key];
    if (pruning.into && key === pruning.into.key && isRecord(value)) detachPruned(value, pruning.into.pruning);
    else detachField(record, key);
  }
}

/** The field's string copied, or the strings under it. */
function detachField(record: Record<string, unknown>, key: string): void {
  const value = record[key];
  if (typeof value === 'string') record[key] = copied(value);
  else detachStrings(value);
}

/** Replaces, in place, every long string in `value` (objects and arrays, any depth) by a copy. */
export function detachStrings<T>(value: T): T {
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v: unknown = node[i];
        if (typeof v === 'string') node[i] = copied(v);
        else visit(v);
      }
      return;
    }
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const v = record[key];
      if (typeof v === 'string') record[key] = copied(v);
      else visit(v);
    }
  };
  visit(value);
  return value;
}
