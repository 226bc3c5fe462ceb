// Repeated keys in a JSON text. JSON.parse keeps the last value of a key, as kubectl does (its
// decoders store entries in order; see yaml-checks.ts), but says nothing. Finding them means
// reading every key of the text, so a cheap count comes first: the keys written in the text
// against the keys the parsed value has. They differ exactly when a key is repeated; only then is
// the text scanned to say where.
import type { PathSegment } from './documents.js';
import { skipJsonWs } from './json-check.js';
import { keyName, skipString } from './json-locate.js';

export interface JsonDuplicate {
  /** Path of the repeated key, relative to the value scanned. */
  path: PathSegment[];
  /** Offset of its last occurrence (the one used). */
  offset: number;
  /** Offsets of the earlier ones (ignored). */
  earlier: number[];
}

/** Repeated keys of the JSON value written at text[start, end) and parsed as `value`. */
export function jsonDuplicates(text: string, start: number, end: number, value: unknown): JsonDuplicate[] {
  try {
    if (keysWritten(text, start, end) === keysParsed(value)) return [];
    const found: JsonDuplicate[] = [];
    const dropped: [number, number][] = [];
    scan(text, skipJsonWs(text, start), [], found, dropped);
    // What is inside a dropped value is dropped with it.
    return found.filter((d) => !dropped.some(([from, to]) => d.offset >= from && d.offset < to));
  } catch (e) {
    if (e instanceof RangeError) return []; // nested beyond the stack: reported where it is read
    throw e;
  }
}

/** Strings followed by `:` in valid JSON: its keys. indexOf finds the quotes, far faster than a loop. */
function keysWritten(text: string, start: number, end: number): number {
  let keys = 0;
  for (let open = text.indexOf('"', start); open >= 0 && open < end; open = text.indexOf('"', open + 1)) {
    let close = text.indexOf('"', open + 1);
    while (close > 0 && escaped(text, close)) close = text.indexOf('"', close + 1);
    if (close < 0) break;
    if (text.charCodeAt(skipJsonWs(text, close + 1)) === 58) keys++; // ':'
    open = close;
  }
  return keys;
}

/** Is the quote at `i` escaped (an odd number of backslashes before it)? */
function escaped(text: string, i: number): boolean {
  let n = 0;
  while (text.charCodeAt(i - 1 - n) === 92) n++;
  return n % 2 === 1;
}

function keysParsed(value: unknown): number {
  if (Array.isArray(value)) {
    let n = 0;
    for (const item of value) n += keysParsed(item);
    return n;
  }
  if (value === null || typeof value !== 'object') return 0;
  let n = 0;
  for (const key of Object.keys(value)) n += 1 + keysParsed((value as Record<string, unknown>)[key]);
  return n;
}

/** Walks the valid JSON value at `i`, recording repeated keys; returns where the value ends. */
function scan(text: string, i: number, path: PathSegment[], found: JsonDuplicate[], dropped: [number, number][]): number {
  const c = text.charCodeAt(i);
  if (c === 34) return skipString(text, i);
  if (c !== 123 && c !== 91) {
    while (i < text.length && !',}] \t\r\n'.includes(text[i]!)) i++;
    return i;
  }
  const close = c === 123 ? 125 : 93;
  const entries = new Map<string, { key: number; value: [number, number] }[]>();
  i = skipJsonWs(text, i + 1);
  for (let index = 0; text.charCodeAt(i) !== close; index++) {
    if (c === 123) {
      const keyStart = i;
      const keyEnd = skipString(text, i);
      const name = keyName(text, keyStart, keyEnd);
      i = skipJsonWs(text, skipJsonWs(text, keyEnd) + 1); // past ':'
      const valueEnd = scan(text, i, [...path, name], found, dropped);
      const seen = entries.get(name) ?? [];
      seen.push({ key: keyStart, value: [i, valueEnd] });
      entries.set(name, seen);
      i = valueEnd;
    } else {
      i = scan(text, i, [...path, index], found, dropped);
    }
    i = skipJsonWs(text, i);
    if (text.charCodeAt(i) === 44) i = skipJsonWs(text, i + 1);
  }
  for (const [name, seen] of entries) {
    if (seen.length < 2) continue;
    const earlier = seen.slice(0, -1);
    found.push({ path: [...path, name], offset: seen[seen.length - 1]!.key, earlier: earlier.map((e) => e.key) });
    for (const e of earlier) dropped.push(e.value);
  }
  return i + 1;
}
