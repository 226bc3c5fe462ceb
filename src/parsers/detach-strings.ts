// Strings cut from the input by the parsers (yaml's scalars, items of a List) are views into the
// whole input text: V8 keeps the text alive for as long as one such string lives. The IR outlives
// the text, so the strings it keeps are copied out; a 10k-Ingress dump otherwise pins its 25 MB.

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
    const value = object[key];
    if (key === 'status') continue;
    if (key !== 'metadata' || value === null || typeof value !== 'object' || Array.isArray(value)) {
      if (typeof value === 'string') object[key] = copied(value);
      else detachStrings(value);
      continue;
    }
    const metadata = value as Record<string, unknown>;
    for (const field of Object.keys(metadata)) {
      const v = metadata[field];
      if (field === 'managedFields') continue;
      if (typeof v === 'string') metadata[field] = copied(v);
      else if (field === 'annotations' && v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const annotations = v as Record<string, unknown>;
        for (const name of Object.keys(annotations)) {
          const text = annotations[name];
          if (name !== LAST_APPLIED_ANNOTATION) {
            if (typeof text === 'string') annotations[name] = copied(text);
            else detachStrings(text);
          }
        }
      } else detachStrings(v);
    }
  }
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
