// Positions on demand. Locating a field in a JSON text means scanning the text up to it, which
// costs more than the JSON parse itself; most locations are never shown (they only matter when a
// finding is about them). A deferred location carries its document's locator instead of a line
// and column, and `withPosition` fills them in when the location is reported.
import type { SourceLocation } from '../reporter/diagnostics.js';
import type { PathSegment } from './documents.js';

export interface PositionSource {
  at(path: readonly PathSegment[]): { line: number; col: number };
}

/** Not an enumerable string key: JSON output and key walks never see it. */
const pending = Symbol('position source');

type Deferred = SourceLocation & { [pending]?: PositionSource };

export function deferredLocation(file: string, doc: number, path: string, source: PositionSource): SourceLocation {
  const location: Deferred = { file, doc, path, [pending]: source };
  return location;
}

/** The location with its line and column (a new plain object if they were deferred). */
export function withPosition(location: SourceLocation): SourceLocation {
  const source = (location as Deferred)[pending];
  if (!source) return location;
  const { line, col } = source.at(parsePath(location.path));
  return { file: location.file, doc: location.doc, path: location.path, line, col };
}

/** The location without its pending position (file, document and path), so it no longer keeps the input text. */
export function withoutPendingPosition(location: SourceLocation): SourceLocation {
  return (location as Deferred)[pending] ? { file: location.file, doc: location.doc, path: location.path } : location;
}

/**
 * `a.b[1].c` → `a`, `a.b`, `a.b[1]`, `a.b[1].c`: the element and the ones around it (`''`, the
 * whole object, is not listed).
 */
export function elementPrefixes(path: string): string[] {
  const prefixes: string[] = [];
  for (let k = 1; k < path.length; k++) if (path[k] === '.' || path[k] === '[') prefixes.push(path.slice(0, k));
  if (path !== '') prefixes.push(path);
  return prefixes;
}

/** The inverse of formatPath: `items[2].metadata.annotations["a.b/c"]` → `['items', 2, 'metadata', 'annotations', 'a.b/c']`. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = 0;
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      i++;
    } else if (c === '[') {
      if (path[i + 1] === '"') {
        const end = quotedEnd(path, i + 1);
        segments.push(JSON.parse(path.slice(i + 1, end)) as string);
        i = end + 1; // past ']'
      } else {
        const close = path.indexOf(']', i);
        segments.push(Number(path.slice(i + 1, close)));
        i = close + 1;
      }
    } else {
      let end = i;
      while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
      segments.push(path.slice(i, end));
      i = end;
    }
  }
  return segments;
}

/** End (exclusive) of the JSON string starting at `i`. */
function quotedEnd(text: string, i: number): number {
  for (i++; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}
