// Source positions in a JSON text without a full YAML parse: a small scanner that walks to one
// path, skipping every value it does not need. The elements of the largest top-level list (the
// `items` of a `kubectl -o json` List) are indexed on first use, so each lookup scans one object.
import type { PathSegment } from './documents.js';

const WS = new Set([32, 9, 10, 13]);

function skipWs(text: string, i: number): number {
  while (i < text.length && WS.has(text.charCodeAt(i))) i++;
  return i;
}

function skipString(text: string, i: number): number {
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

export class JsonLocator {
  private readonly itemStarts = new Map<string, number[]>();

  constructor(private readonly text: string) {}

  /** Offset of the key (in an object) or the value (in an array) at `path`; the deepest found. */
  offsetOf(path: readonly PathSegment[]): number {
    let i = skipWs(this.text, 0);
    let at = i;
    for (let depth = 0; depth < path.length; depth++) {
      const segment = path[depth]!;
      const c = this.text[i];
      if (c === '{' && typeof segment === 'string') {
        const found = this.findKey(i, segment);
        if (!found) return at;
        at = found.key;
        i = found.value;
      } else if (c === '[' && typeof segment === 'number') {
        const starts = depth === 1 ? this.listStarts(path.slice(0, 1), i) : undefined;
        const start = starts ? starts[segment] : this.findIndex(i, segment);
        if (start === undefined) return at;
        at = start;
        i = start;
      } else {
        return at;
      }
    }
    return at;
  }

  private findKey(i: number, key: string): { key: number; value: number } | undefined {
    i = skipWs(this.text, i + 1);
    while (i < this.text.length && this.text[i] !== '}') {
      const keyStart = i;
      const keyEnd = skipString(this.text, i);
      const name = JSON.parse(this.text.slice(keyStart, keyEnd)) as string;
      i = skipWs(this.text, skipWs(this.text, keyEnd) + 1); // past ':'
      if (name === key) return { key: keyStart, value: i };
      i = skipWs(this.text, skipValue(this.text, i));
      if (this.text[i] === ',') i = skipWs(this.text, i + 1);
    }
    return undefined;
  }

  private findIndex(i: number, index: number): number | undefined {
    i = skipWs(this.text, i + 1);
    for (let n = 0; i < this.text.length && this.text[i] !== ']'; n++) {
      if (n === index) return i;
      i = skipWs(this.text, skipValue(this.text, i));
      if (this.text[i] === ',') i = skipWs(this.text, i + 1);
    }
    return undefined;
  }

  /** Start offsets of every element of a top-level list, computed once. */
  private listStarts(path: readonly PathSegment[], i: number): number[] {
    const key = JSON.stringify(path);
    let starts = this.itemStarts.get(key);
    if (!starts) {
      starts = [];
      i = skipWs(this.text, i + 1);
      while (i < this.text.length && this.text[i] !== ']') {
        starts.push(i);
        i = skipWs(this.text, skipValue(this.text, i));
        if (this.text[i] === ',') i = skipWs(this.text, i + 1);
      }
      this.itemStarts.set(key, starts);
    }
    return starts;
  }
}
