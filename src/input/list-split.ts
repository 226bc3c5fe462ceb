// `kubectl get … -o yaml` prints one `kind: List` document holding every object. Parsed whole,
// a 10k-Ingress List becomes one YAML tree of well over a gigabyte. This finds the items of such a
// List in the bytes, so each can be decoded, parsed, read and dropped on its own.
//
// Only the plain shape kubectl writes is split: one document, `items:` as a top-level key, a block
// sequence under it. Anything this cannot be sure about (document markers, directives, anchors an
// alias in another item could name) is left to the whole-document parse. The structure the
// scan looks for is ASCII, which UTF-8 writes as itself and never inside another character; the
// few characters it must classify beyond that (beside `&`) are decoded one at a time.
import { bufferOf, CR, decode, HASH, LF, SPACE, TAB, type InputContent } from './bytes.js';

export interface ListSplit {
  bytes: Buffer;
  /** The document with its items and their lines removed (`items: []`). */
  skeleton: string;
  /** Where in the skeleton the text after the items starts, and how many lines were removed before it. */
  tail: { start: number; removedLines: number };
  /** Byte offsets of each item: from the start of its `- ` line to the start of the next item. */
  items: { start: number; end: number }[];
}

const DASH = 45;

export function splitYamlList(content: InputContent): ListSplit | undefined {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : bufferOf(content);
  if (hasMarkerOrAnchor(bytes)) return undefined;
  const keyStart = itemsKeyLine(bytes);
  if (keyStart === undefined) return undefined;
  const keyLineEnd = bytes.indexOf(LF, keyStart);
  if (keyLineEnd < 0) return undefined; // the key line must end with a newline

  const items: { start: number; end: number }[] = [];
  let indent = -1;
  let lineStart = keyLineEnd + 1;
  let blockEnd = bytes.length;
  while (lineStart < bytes.length) {
    const nl = bytes.indexOf(LF, lineStart);
    const lineEnd = nl < 0 ? bytes.length : nl;
    let i = lineStart;
    while (i < lineEnd && bytes[i] === SPACE) i++;
    const first = bytes[i];
    const blank = i === lineEnd || first === CR || first === HASH; // empty, CR only, or a comment
    if (!blank) {
      const depth = i - lineStart;
      const entry = first === DASH && (i + 1 === lineEnd || bytes[i + 1] === SPACE || bytes[i + 1] === CR);
      if (indent < 0) {
        if (!entry) return undefined; // not a block sequence
        indent = depth;
      }
      if (depth < indent || (depth === indent && !entry)) {
        blockEnd = lineStart; // the next top-level key
        break;
      }
      if (depth === indent) {
        if (items.length > 0) items[items.length - 1]!.end = lineStart;
        items.push({ start: lineStart, end: lineEnd });
      }
    }
    lineStart = lineEnd + 1;
  }
  if (items.length === 0) return undefined;
  items[items.length - 1]!.end = blockEnd;
  // Comments and blank lines after the last item belong to no item; they are removed with it.
  // (Blank lines in their place would keep the lines where they were, but a million of them cost
  // the parser and its line table more than a whole 10k-Ingress List's IR.)
  const head = `${decode(bytes, 0, keyStart)}items: []${decode(bytes, keyLineEnd, items[0]!.start)}`;
  const skeleton = head + decode(bytes, blockEnd);
  return { bytes, skeleton, tail: { start: head.length, removedLines: countNewlines(bytes, items[0]!.start, blockEnd) }, items };
}

/**
 * What the text scan tested with regular expressions, on the bytes: a document marker (`---` or
 * `...` alone or before a blank at a line start), a directive (`%` at a line start), or an anchor
 * (`&` at the start or after a blank, `[`, `{` or `,`, before a character that is none of blank,
 * `,`, `]`, `}`). "Blank" and "line start" are JavaScript's `\s` and `^`: a non-ASCII character
 * next to `&` is decoded and tested as the regular expression did.
 */
function hasMarkerOrAnchor(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    // `%`, `-` or `.` first: the line-start test runs on few bytes of a large List.
    if ((b === 0x25 || b === DASH || b === 0x2e) && startsLine(bytes, i)) {
      if (b === 0x25) return true; // %
      if ((b === DASH || b === 0x2e) && bytes[i + 1] === b && bytes[i + 2] === b && (bytes[i + 3] === SPACE || bytes[i + 3] === TAB || lineEndsAt(bytes, i + 3))) return true;
    }
    if (b === 0x26) {
      // & (an alias `*` alone cannot reach across items: with no anchor anywhere it names nothing,
      // in a whole parse as in a split one, so a `*` in a snippet no longer costs the split)
      const before = i === 0 ? undefined : charBefore(bytes, i);
      const after = charAt(bytes, i + 1);
      const tokenStart = before === undefined || blank.test(before) || before === '[' || before === '{' || before === ',';
      const named = after !== undefined && !blank.test(after) && after !== ',' && after !== ']' && after !== '}';
      if (tokenStart && named) return true;
    }
  }
  return false;
}

const blank = /^\s$/;

/** The character that ends just before bytes[i] (decoded from at most the 4 bytes before it). */
function charBefore(bytes: Buffer, i: number): string {
  if (bytes[i - 1]! < 0x80) return String.fromCharCode(bytes[i - 1]!);
  const text = decode(bytes, Math.max(0, i - 4), i);
  const last = text.codePointAt(text.length - 1);
  // A surrogate pair ends the text: its two units are the character.
  return last !== undefined && last >= 0xdc00 && last <= 0xdfff ? text.slice(-2) : text.slice(-1);
}

/** The character that starts at bytes[i], or undefined at the end. */
function charAt(bytes: Buffer, i: number): string | undefined {
  if (i >= bytes.length) return undefined;
  if (bytes[i]! < 0x80) return String.fromCharCode(bytes[i]!);
  return String.fromCodePoint(decode(bytes, i, Math.min(bytes.length, i + 4)).codePointAt(0)!);
}

/** Does a line end (for `$`: LF, CR, U+2028, U+2029) or the text at bytes[i]? */
function lineEndsAt(bytes: Buffer, i: number): boolean {
  const b = bytes[i];
  return b === undefined || b === LF || b === CR || (b === 0xe2 && bytes[i + 1] === 0x80 && (bytes[i + 2] === 0xa8 || bytes[i + 2] === 0xa9));
}

/**
 * Where the first line `items:` starts (at a line start for `^`; then spaces or tabs, maybe a `#`
 * comment, then the end of the line), or undefined when there is none, or when that line does not
 * end with a line feed.
 */
function itemsKeyLine(bytes: Buffer): number | undefined {
  for (let at = bytes.indexOf('items:'); at >= 0; at = bytes.indexOf('items:', at + 1)) {
    if (!startsLine(bytes, at)) continue;
    let i = at + 6;
    while (bytes[i] === SPACE || bytes[i] === TAB) i++;
    if (bytes[i] === HASH) while (!lineEndsAt(bytes, i)) i++;
    if (!lineEndsAt(bytes, i)) continue; // something else follows: not this line
    return bytes[i] === LF || i === bytes.length ? at : undefined;
  }
  return undefined;
}

/** Does a line start at bytes[i], for any line break JavaScript's `^` knows (LF, CR, U+2028, U+2029)? */
function startsLine(bytes: Buffer, i: number): boolean {
  if (i === 0) return true;
  const before = bytes[i - 1];
  return before === LF || before === CR || ((before === 0xa8 || before === 0xa9) && bytes[i - 2] === 0x80 && bytes[i - 3] === 0xe2);
}

/** Newlines in bytes[from, to). */
export function countNewlines(bytes: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = bytes.indexOf(LF, from); i >= 0 && i < to; i = bytes.indexOf(LF, i + 1)) n++;
  return n;
}
