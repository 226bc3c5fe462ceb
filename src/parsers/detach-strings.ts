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

/**
 * detachStrings for a Kubernetes object, leaving out what no reader keeps: `status`, the
 * `managedFields` and kubectl's copy of the object (the last-applied annotation), which hold most
 * of the strings of a dumped object.
 */
export function detachObjectStrings(object: Record<string, unknown>): void {
  for (const key of Object.keys(object)) {
    if (key === 'status') continue;
    const metadata = object[key];
    if (key !== 'metadata' || !isRecord(metadata)) {
      detachField(object, key);
      continue;
    }
    for (const field of Object.keys(metadata)) {
      if (field === 'managedFields') continue;
      const annotations = metadata[field];
      if (field !== 'annotations' || !isRecord(annotations)) {
        detachField(metadata, field);
        continue;
      }
      for (const name of Object.keys(annotations)) if (name !== LAST_APPLIED_ANNOTATION) detachField(annotations, name);
    }
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
