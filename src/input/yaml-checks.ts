// What the YAML parser accepts but the user should hear about, found on a document's tree:
// repeated mapping keys, keys that are collections, and the parser's own warnings.
//
// Repeated keys follow kubectl: it turns YAML into JSON with sigs.k8s.io/yaml's YAMLToJSON, whose
// go-yaml v2 decode stores each entry into the map in order, so the last value of a key wins and
// the earlier ones are dropped without a word (the JSON sent to the API server has the key once,
// so even --validate=strict does not see it; kubernetes/kubernetes#125885). The parser is run
// with `uniqueKeys: false`, which keeps every entry; its toJS assigns them in order, last wins.
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { PathSegment } from './documents.js';

/** A finding about a document's text, before it is given a file and document number. */
export interface TreeNote {
  code: 'duplicate-key' | 'yaml-warning';
  message: string;
  offset: number;
  /** The key's path in the document, when the note is about a key. */
  path?: PathSegment[];
  hint?: string;
}

type Position = (offset: number) => { line: number; col: number };

/** Notes of one parsed document; `position` turns an offset into line and column for the messages. */
export function treeNotes(doc: Document.Parsed, position: Position): TreeNote[] {
  const notes: TreeNote[] = [];
  // Unknown directives, unresolved tags: kept by the parser as warnings, never printed by it.
  for (const warning of doc.warnings) notes.push({ code: 'yaml-warning', message: `${firstLine(warning.message)}${consequence[warning.code] ?? ''}`, offset: warning.pos[0] });
  try {
    walk(doc.contents, [], notes, position);
  } catch (e) {
    // Nested beyond the stack: the value is reported as too deep where it is read.
    if (!(e instanceof RangeError)) throw e;
  }
  return notes;
}

/** `path` is the node's path, a stack shared by the whole walk: copied only into a note. */
function walk(node: unknown, path: PathSegment[], notes: TreeNote[], position: Position): void {
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      path.push(i);
      walk(node.items[i], path, notes, position);
      path.pop();
    }
    return;
  }
  if (!isMap(node)) return;
  const entries = node.items as Pair<unknown, unknown>[];
  const names: (string | undefined)[] = [];
  // Most mappings repeat no key: a set tells, and the entries of each key are gathered only if one does.
  const seen = new Set<string>();
  let repeated = false;
  for (const entry of entries) {
    const name = keyName(entry.key);
    names.push(name);
    if (name === undefined) {
      if (isMap(entry.key) || isSeq(entry.key)) {
        notes.push({
          code: 'yaml-warning',
          message: 'a mapping key that is a collection is read as its YAML text; kubectl rejects such a document (JSON keys are strings)',
          offset: start(entry.key) ?? start(node) ?? 0,
        });
      }
    } else if (seen.has(name)) repeated = true;
    else seen.add(name);
  }
  const lastIndex = repeated ? repeatedKeys(node, entries, names, path, notes, position) : undefined;
  // Only the values that are used: what is inside a dropped value is dropped with it.
  for (let i = 0; i < entries.length; i++) {
    const name = names[i];
    if (name === undefined || (lastIndex && lastIndex.get(name) !== i)) continue;
    path.push(name);
    walk(entries[i]!.value, path, notes, position);
    path.pop();
  }
}

/** Notes for the keys a mapping repeats; returns the index of each key's last entry. */
function repeatedKeys(node: Node, entries: Pair<unknown, unknown>[], names: (string | undefined)[], path: PathSegment[], notes: TreeNote[], position: Position): Map<string, number> {
  const occurrences = new Map<string, number[]>(); // key → indexes of its entries
  names.forEach((name, i) => {
    if (name !== undefined) occurrences.set(name, [...(occurrences.get(name) ?? []), i]);
  });
  const lastIndex = new Map<string, number>();
  for (const [name, indexes] of occurrences) {
    lastIndex.set(name, indexes[indexes.length - 1]!);
    if (indexes.length < 2) continue;
    const last = entries[indexes[indexes.length - 1]!]!;
    const earlier = indexes.slice(0, -1).map((i) => position(start(entries[i]!.key) ?? 0));
    const offset = start(last.key) ?? start(node) ?? 0;
    notes.push({ code: 'duplicate-key', ...duplicateKeyMessage(name, position(offset), earlier), offset, path: [...path, name] });
  }
  return lastIndex;
}

/**
 * The message and hint for a repeated key, in YAML or JSON. The finding is located at the entry
 * used; where the ignored ones are goes in the hint (the message does not depend on layout).
 * Columns are named only to tell apart entries on one line.
 */
export function duplicateKeyMessage(name: string, used: { line: number; col: number }, earlier: { line: number; col: number }[]): { message: string; hint: string } {
  const sameLine = earlier.some((e) => e.line === used.line);
  const at = (p: { line: number; col: number }): string => (sameLine ? `${p.line}:${p.col}` : `${p.line}`);
  const message = `key "${name}" is written ${earlier.length + 1} times in one mapping: this last value is used and the earlier ${earlier.length > 1 ? 'ones are' : 'one is'} ignored, as kubectl does`;
  const hint = `${earlier.length > 1 ? 'earlier entries' : 'the earlier entry'} at ${sameLine ? '' : earlier.length > 1 ? 'lines ' : 'line '}${earlier.map(at).join(', ')}: remove ${earlier.length > 1 ? 'them' : 'it'}, or merge ${earlier.length > 1 ? 'them' : 'it'} into this one`;
  return { message, hint };
}

/** What becomes of what a parser warning is about. */
const consequence: Record<string, string> = {
  BAD_DIRECTIVE: '; the directive is ignored',
  TAG_RESOLVE_FAILED: '; the value is read as if it had no tag',
};

/**
 * The key as the parsed object has it (toJS makes a scalar key a string), or undefined for keys
 * that are not compared: collections, aliases, the `<<` merge key (each merges, none replaces),
 * and scalars whose value is an object (a timestamp or binary under a YAML 1.1 schema).
 */
function keyName(key: unknown): string | undefined {
  if (key === null || key === undefined) return '';
  if (isAlias(key) || !isScalar(key)) return undefined;
  const value = key.value;
  if (value === null) return '';
  // The merge key is read as a symbol.
  if (typeof value === 'object' || typeof value === 'symbol' || (value === '<<' && key.type === 'PLAIN')) return undefined;
  return String(value);
}

function start(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
