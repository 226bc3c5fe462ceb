// An input held as its UTF-8 bytes. A Buffer lives outside the JavaScript heap: a 25 MB dump
// held as a string would sit in the heap for the whole read, and V8 sizes the heap it lets grow
// before the next full collection as a multiple of what is alive, so the text would cost several
// times its size. Held as bytes, it is decoded a document or a List item at a time.

/** A source's content: text, or UTF-8 bytes (a file as read, standard input as received). */
export type InputContent = string | Uint8Array;

/** The ASCII bytes the input scans look for (UTF-8 never uses them inside another character). */
export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const HASH = 0x23;

export function bufferOf(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The text of bytes[start, end), decoded as `readFileSync(…, 'utf8')` would (a BOM is kept). */
export function decode(bytes: Buffer, start = 0, end = bytes.length): string {
  return bytes.toString('utf8', start, end);
}

export function textOf(content: InputContent): string {
  return typeof content === 'string' ? content : decode(bufferOf(content));
}

/**
 * A YAML stream in pieces of at least `size` bytes, each cut just after a line that is a document
 * marker alone (`---`, maybe a comment). Fed a piece at a time, the parser then waits at the start
 * of a document, where it holds no state a line break could lose: cut inside a flow collection, it
 * forgets the indentation of the next line and reads malformed input differently.
 */
export function* yamlPieces(bytes: Buffer, size: number): Generator<string> {
  let start = 0;
  for (let at = bytes.indexOf('\n---', size); at >= 0; at = bytes.indexOf('\n---', Math.max(at + 1, start + size))) {
    const end = markerLineEnd(bytes, at + 4);
    if (end === undefined || end >= bytes.length) continue;
    yield decode(bytes, start, end);
    start = end;
  }
  if (start < bytes.length || bytes.length === 0) yield decode(bytes, start);
}

/** After `---` at i: the offset past the line's break when nothing but blanks and a comment follows. */
function markerLineEnd(bytes: Buffer, i: number): number | undefined {
  let blanks = 0;
  while (bytes[i] === SPACE || bytes[i] === TAB) {
    i++;
    blanks++;
  }
  if (bytes[i] === HASH && blanks > 0) {
    const nl = bytes.indexOf(LF, i);
    return nl < 0 ? undefined : nl + 1;
  }
  if (bytes[i] === CR) i++;
  return bytes[i] === LF ? i + 1 : undefined;
}

/**
 * Does the content start (after a BOM and white space) with `{` or `[`, as JSON does? The bytes
 * are decoded only when a non-ASCII character comes first (it may be white space to `\s`).
 */
export function startsLikeJson(content: InputContent): boolean {
  if (typeof content === 'string') return firstIsBracket(content);
  const bytes = bufferOf(content);
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === SPACE || (b >= TAB && b <= CR)) continue;
    if (b >= 0x80) return firstIsBracket(decode(bytes, i));
    return b === 0x7b || b === 0x5b;
  }
  return false;
}

function firstIsBracket(text: string): boolean {
  const first = /\S/.exec(text.replace(/^\uFEFF/, ''));
  return first !== null && (first[0] === '{' || first[0] === '[');
}
