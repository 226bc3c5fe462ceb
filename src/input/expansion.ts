// What a document's YAML aliases make of it. The parser turns an alias into the very object its
// anchor names, so a small text can stand for a huge object (one rule of 2,000 paths aliased 999
// times is two million paths to read and convert), or for an infinite one (a node holding an alias
// to itself, e.g. a List among its own items). Both are found here, before anything reads the value.
import type { PathSegment } from './documents.js';
import { MAX_ALIAS_EXPANDED_NODES, MAX_DEPTH } from './limits.js';

export interface ExpansionProblem {
  code: 'object-too-deep' | 'input-too-large';
  message: string;
  /** Where the limit was hit. */
  path: PathSegment[];
}

interface Frame {
  node: object;
  keys: string[] | undefined; // undefined for an array
  next: number;
  /** Reached through an alias: everything under it is a copy. */
  copy: boolean;
}

/**
 * Walks the value as its readers will, each alias as a copy of its anchor's node; stops at the
 * first limit hit. Only needed for documents with aliases: without, the text bounds the value.
 */
export function expansionProblem(root: unknown): ExpansionProblem | undefined {
  if (root === null || typeof root !== 'object') return undefined;
  const seen = new Set<object>();
  const open = new Set<object>(); // the nodes on the path: one met again contains itself
  const frames: Frame[] = [];
  const path: PathSegment[] = [];
  let copies = 0;
  const enter = (node: object, copy: boolean): ExpansionProblem | undefined => {
    if (open.has(node)) return { code: 'object-too-deep', message: 'the document contains itself through a YAML alias (a node holds an alias to its own anchor), which makes it infinitely deep; it is skipped', path: [...path] };
    if (frames.length >= MAX_DEPTH) return { code: 'object-too-deep', message: `the document is nested more than ${MAX_DEPTH} levels deep once its aliases are expanded, the limit; it is skipped`, path: [...path] };
    const isCopy = copy || seen.has(node);
    seen.add(node);
    open.add(node);
    frames.push({ node, keys: Array.isArray(node) ? undefined : Object.keys(node), next: 0, copy: isCopy });
    return undefined;
  };
  enter(root, false);
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    const length = frame.keys ? frame.keys.length : (frame.node as unknown[]).length;
    if (frame.next >= length) {
      frames.pop();
      open.delete(frame.node);
      path.pop();
      continue;
    }
    const key: PathSegment = frame.keys ? frame.keys[frame.next]! : frame.next;
    frame.next++;
    const child = (frame.node as Record<string | number, unknown>)[key];
    path.push(key);
    const isObject = child !== null && typeof child === 'object';
    if (frame.copy || (isObject && seen.has(child))) {
      if (++copies > MAX_ALIAS_EXPANDED_NODES) {
        return { code: 'input-too-large', message: `the document's aliases expand to more than ${MAX_ALIAS_EXPANDED_NODES} nodes, the limit for one document; it is skipped`, path: [...path] };
      }
    }
    if (!isObject) {
      path.pop();
      continue;
    }
    const problem = enter(child, frame.copy);
    if (problem) return problem;
  }
  return undefined;
}
