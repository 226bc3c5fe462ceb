// Source positions in a JSON text without a full YAML parse: a small scanner that walks to one
// path, skipping every value it does not need. The elements of the largest top-level list (the
// `items` of a `kubectl -o json` List) are indexed on first use, so each lookup scans one object.
import type { PathSegment } from './documents.js';
import { jsonValueEnd, looseValueEnd, skipJsonWs } from './json-check.js';

/** Past a byte-order mark, which JSON.parse is given the text without. */
function startOf(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

export function skipString(text: string, i: number): number {
  // text[i] === '"'
  i++;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 92) i += 2;
    else if (c === 34) return i + 1;
    else i++;
  }
  return i;
}

/** End offset of the JSON value starting at `i`. */
function skipValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return skipString(text, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    while (i < text.length) {
      const ch = text.charCodeAt(i);
      if (ch === 34) {
        i = skipString(text, i);
        continue;
      }
      if (ch === 123 || ch === 91) depth++;
      else if (ch === 125 || ch === 93) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    return i;
  }
  while (i < text.length && !',}] \t\r\n'.includes(text[i]!)) i++;
  return i;
}

/**
 * Positions of one JSON value. Its children (an object's entries by key, a list's by index) are
 * indexed when first asked for: look-ups visit `spec` and the annotations, never the large
 * `managedFields` or `status`, which are then skipped without building anything.
 */
interface JsonNode {
  /** The key's offset for an object entry, the value's for a list item. */
  at: number;
  /** Where the value starts. */
  value: number;
  keys?: Map<string, JsonNode>;
  items?: JsonNode[];
}

export class JsonLocator {
  private readonly itemStarts = new Map<string, number[]>();
  /** The element last asked about, indexed whole: lookups come one object at a time. */
  private element: { list: string; index: number; node: JsonNode } | undefined;
  /**
   * Set when the text is known to repeat a key: look-ups then find a key's last entry, whose value
   * JSON.parse keeps. Otherwise the first is the only one, and the rest of the object is not read.
   */
  private keysRepeat = false;
  /** Entries of the top-level object by key: with keysRepeat, each look-up reads the whole object. */
  private readonly rootKeys = new Map<string, { key: number; value: number } | undefined>();

  markKeysRepeat(): void {
    this.keysRepeat = true;
    this.rootKeys.clear();
  }

  constructor(private readonly text: string) {}

  /** Offset of the key (in an object) or the value (in an array) at `path`; the deepest found. */
  offsetOf(path: readonly PathSegment[]): number {
    // `items[n]…` of a List: index that element once, in one pass, and answer from the index.
    if (path.length >= 2 && typeof path[0] === 'string' && typeof path[1] === 'number') {
      let node = this.element?.list === path[0] && this.element.index === path[1] ? this.element.node : undefined;
      if (!node) {
        const start = this.scan(path.slice(0, 2));
        if (start.depth === 2) {
          node = { at: start.at, value: start.at };
          this.element = { list: path[0], index: path[1], node };
        }
      }
      if (node) {
        let found: JsonNode = node;
        for (let d = 2; d < path.length; d++) {
          const segment = path[d]!;
          indexChildren(this.text, found);
          const child: JsonNode | undefined = typeof segment === 'number' ? found.items?.[segment] : found.keys?.get(segment);
          if (!child) break;
          found = child;
        }
        return found.at;
      }
    }
    return this.scan(path).at;
  }

  /**
   * Where the top-level list under `key` is written: the brackets' span and each element's span.
   * Undefined unless the text is an object whose `key` holds a list of JSON values. The text
   * around the list is not checked: the caller parses it.
   */
  /**
   * `tolerant`: an item that is not JSON (NaN, a bare word) is kept, marked `invalid`, and the
   * others are still split; otherwise such an item means the text is not split. An item nested
   * too deep to check is kept and marked either way (it is refused where it is read).
   */
  topLevelList(key: string, tolerant = false): { start: number; end: number; items: { start: number; end: number; invalid?: boolean }[] } | undefined {
    const root = skipJsonWs(this.text, startOf(this.text));
    if (this.text[root] !== '{') return undefined;
    const found = this.findKey(root, key);
    if (!found || this.text[found.value] !== '[') return undefined;
    // Each element is checked against the JSON grammar as its end is found: only JSON is split.
    const items: { start: number; end: number; invalid?: boolean }[] = [];
    let i = skipJsonWs(this.text, found.value + 1);
    if (this.text[i] !== ']') {
      for (;;) {
        let end = checkedEnd(this.text, i);
        if (end === TOO_DEEP || (end < 0 && tolerant)) {
          end = looseValueEnd(this.text, i);
          while (end > i && /\s/.test(this.text[end - 1]!)) end--;
          if (end <= i) return undefined; // no item there (`[a,]`, `[}]`): not a List to split
          items.push({ start: i, end, invalid: true });
        } else if (end < 0) return undefined;
        else items.push({ start: i, end });
        i = skipJsonWs(this.text, end);
        if (this.text[i] === ']') break;
        if (this.text[i] !== ',') return undefined;
        i = skipJsonWs(this.text, i + 1);
      }
    }
    // A second `key` later in the object would be the one JSON.parse keeps: not a case to split.
    if (this.findKey(i, key, true)) return undefined;
    // The same starts `scan` would compute for `items[n]`: one pass over the list serves both.
    this.itemStarts.set(JSON.stringify([key]), items.map((item) => item.start));
    return { start: found.value, end: i + 1, items };
  }

  /** Walks to `path` skipping what it does not need; `depth` says how many segments were found. */
  private scan(path: readonly PathSegment[]): { at: number; depth: number } {
    let i = skipJsonWs(this.text, startOf(this.text));
    let at = i;
    for (let depth = 0; depth < path.length; depth++) {
      const segment = path[depth]!;
      const c = this.text[i];
      if (c === '{' && typeof segment === 'string') {
        let found = depth === 0 ? this.rootKeys.get(segment) : undefined;
        if (found === undefined && !(depth === 0 && this.rootKeys.has(segment))) {
          found = this.findKey(i, segment, false, this.keysRepeat);
          if (depth === 0) this.rootKeys.set(segment, found);
        }
        if (!found) return { at, depth };
        at = found.key;
        i = found.value;
      } else if (c === '[' && typeof segment === 'number') {
        const starts = depth === 1 ? this.listStarts(path.slice(0, 1), i) : undefined;
        const start = starts ? starts[segment] : this.findIndex(i, segment);
        if (start === undefined) return { at, depth };
        at = start;
        i = start;
      } else {
        return { at, depth };
      }
    }
    return { at, depth: path.length };
  }

  /**
   * The first entry named `key` of the object at `i` (or, `continued`, of the rest of an object
   * after the entry ending at `i`); its last entry with `last`.
   */
  private findKey(i: number, key: string, continued = false, last = false): { key: number; value: number } | undefined {
    i = skipJsonWs(this.text, i + 1);
    if (continued) {
      if (this.text[i] !== ',') return undefined;
      i = skipJsonWs(this.text, i + 1);
    }
    let found: { key: number; value: number } | undefined;
    while (i < this.text.length && this.text[i] !== '}') {
      const keyStart = i;
      const keyEnd = skipString(this.text, i);
      i = skipJsonWs(this.text, skipJsonWs(this.text, keyEnd) + 1); // past ':'
      if (keyName(this.text, keyStart, keyEnd) === key) {
        found = { key: keyStart, value: i };
        if (!last) return found;
      }
      i = skipJsonWs(this.text, skipValue(this.text, i));
      if (this.text[i] === ',') i = skipJsonWs(this.text, i + 1);
    }
    return found;
  }

  private findIndex(i: number, index: number): number | undefined {
    i = skipJsonWs(this.text, i + 1);
    for (let n = 0; i < this.text.length && this.text[i] !== ']'; n++) {
      if (n === index) return i;
      i = skipJsonWs(this.text, skipValue(this.text, i));
      if (this.text[i] === ',') i = skipJsonWs(this.text, i + 1);
    }
    return undefined;
  }

  /** Start offsets of every element of a top-level list, computed once. */
  private listStarts(path: readonly PathSegment[], i: number): number[] {
    const key = JSON.stringify(path);
    let starts = this.itemStarts.get(key);
    if (!starts) {
      starts = [];
      i = skipJsonWs(this.text, i + 1);
      while (i < this.text.length && this.text[i] !== ']') {
        starts.push(i);
        i = skipJsonWs(this.text, skipValue(this.text, i));
        if (this.text[i] === ',') i = skipJsonWs(this.text, i + 1);
      }
      this.itemStarts.set(key, starts);
    }
    return starts;
  }
}

/**
 * The name of the key written at text[start..end) (quotes included). The text may not be JSON at
 * all (YAML in flow style starts with `{` too): a key that does not parse is taken as written.
 */
export function keyName(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(text.slice(start, end)) as string;
  } catch {
    return raw;
  }
}

const TOO_DEEP = -2;

/** jsonValueEnd, or TOO_DEEP for text nested too deep to check. */
function checkedEnd(text: string, i: number): number {
  try {
    return jsonValueEnd(text, i);
  } catch (e) {
    if (e instanceof RangeError) return TOO_DEEP;
    throw e;
  }
}

/** Indexes the entries or items of the object or list at `node` (once), skipping their values. */
function indexChildren(text: string, node: JsonNode): void {
  if (node.keys || node.items) return;
  let i = node.value;
  const c = text.charCodeAt(i);
  if (c !== 123 && c !== 91) return;
  if (c === 123) node.keys = new Map();
  else node.items = [];
  const close = c === 123 ? 125 : 93;
  i = skipJsonWs(text, i + 1);
  while (i < text.length && text.charCodeAt(i) !== close) {
    let child: JsonNode;
    if (c === 123) {
      const keyStart = i;
      const keyEnd = skipString(text, i);
      i = skipJsonWs(text, skipJsonWs(text, keyEnd) + 1); // past ':'
      child = { at: keyStart, value: i };
      node.keys!.set(keyName(text, keyStart, keyEnd), child); // a repeated key: the last wins, as in JSON.parse
    } else {
      child = { at: i, value: i };
      node.items!.push(child);
    }
    i = skipJsonWs(text, skipValue(text, i));
    if (text.charCodeAt(i) === 44) i = skipJsonWs(text, i + 1);
  }
}
