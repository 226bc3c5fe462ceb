// Splits an input text into YAML/JSON documents one at a time and turns each into plain
// objects that can still answer "where was this field written?".
import { isMap, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';
import { composeAll, hasAliases, isRefused, type RefusedDocument } from './yaml-stream.js';
import { expansionProblem } from './expansion.js';
import type { SourceLocation } from '../reporter/diagnostics.js';
import { JsonLocator } from './json-locate.js';
import { deferredLocation } from './positions.js';
import { countNewlines, splitYamlList, type ListSplit } from './list-split.js';
import { bufferOf, decode, startsLikeJson, textOf, yamlPieces, type InputContent } from './bytes.js';
import { duplicateKeyMessage, treeNotes, type TreeNote } from './yaml-checks.js';
import { RENDER_HINT, templateActionOffset, templateActionText } from './helm.js';
import { jsonDuplicates, type JsonDuplicate } from './json-duplicates.js';
import { jsonLimitProblem } from './json-check.js';

export type PathSegment = string | number;

/** A finding about the input text other than a syntax error (the document is still read). */
export interface InputNote {
  code: 'duplicate-key' | 'yaml-warning' | 'helm-template' | 'object-too-deep' | 'input-too-large';
  message: string;
  location: SourceLocation;
  hint?: string;
}

/** A document of an input file, parsed, with its errors and a way to locate fields. */
export interface ParsedDocument {
  file: string;
  index: number;
  /** The document's value as plain data (undefined when the document is empty or unparseable). */
  value: unknown;
  /** Syntax errors, already located. */
  errors: { message: string; location: SourceLocation }[];
  /** Repeated keys and parser warnings, located. */
  notes: InputNote[];
  locate(path: readonly PathSegment[]): SourceLocation;
  /**
   * A `kind: List` read item by item: `value` is then the List with `items: []`, and each item is
   * parsed only when this is iterated, so one item's tree is alive at a time.
   */
  items?: Iterable<ParsedItem>;
}

/** One item of a List read item by item; paths are relative to the item. */
export interface ParsedItem {
  value: unknown;
  errors: { message: string; location: SourceLocation }[];
  notes: InputNote[];
  locate(path: readonly PathSegment[]): SourceLocation;
}

export interface ReadDocumentOptions {
  /**
   * JSON locations without line and column until `withPosition` asks (see positions.ts). YAML
   * positions come from the parse tree, which is dropped after each document: they are always
   * computed.
   */
  deferJsonPositions?: boolean;
  /** Bytes decoded and parsed at a time when YAML comes as bytes (tests make it small). */
  yamlChunkBytes?: number;
}

/** Yields the documents of one input lazily, so only one document's tree is alive at a time. */
export function* readDocuments(file: string, content: InputContent, options: ReadDocumentOptions = {}): Generator<ParsedDocument> {
  if (startsLikeJson(content)) {
    // JSON positions are found in the text when asked for: the text stays whole.
    const text = textOf(content);
    yield* readJsonLike(file, text, options.deferJsonPositions === true);
    return;
  }
  yield* readYaml(file, content, options.yamlChunkBytes ?? YAML_CHUNK_BYTES);
}

function* readJsonLike(file: string, text: string, defer: boolean): Generator<ParsedDocument> {
  const jsonList = jsonListDocument(file, text, defer, /\.json$/i.test(file));
  if (jsonList) {
    yield jsonList;
    return;
  }
  const json = parseJson(text);
  if (json) {
    const problem = jsonLimitProblem(text, 0, text.length, 'the document');
    if (problem) {
      const location = { file, doc: 1, path: '', ...linesOf(text).linePos(problem.offset) };
      yield { file, index: 0, value: undefined, errors: [], notes: [{ code: problem.code, message: problem.message, location }], locate: () => location };
      return;
    }
    yield jsonDocument(file, text, json.value, defer);
    return;
  }
  // A .json file must be JSON: YAML would read `// comment` or a trailing comma as data. Other
  // inputs are YAML streams, where a flow-style `{…}` document is fine.
  const jsonError = /\.json$/i.test(file) ? jsonSyntaxError(text) : undefined;
  if (jsonError) {
    const { line, col } = linesOf(text).linePos(jsonError.offset);
    yield { file, index: 0, value: undefined, errors: [{ message: jsonError.message, location: { file, doc: 1, path: '', line, col } }], notes: [], locate: () => ({ file, doc: 1, path: '' }) };
    return;
  }
  yield* readYaml(file, text, YAML_CHUNK_BYTES);
}

function* readYaml(file: string, content: InputContent, chunkBytes: number): Generator<ParsedDocument> {
  const template = templateDocument(file, content);
  if (template) {
    yield template;
    return;
  }
  const split = (typeof content !== 'string' || mayHoldList.test(content)) && splitYamlList(content);
  const list = split && listDocument(file, split);
  if (list) {
    yield list;
    return;
  }
  const lineCounter = new LineCounter();
  const chunks = typeof content === 'string' ? [content] : yamlPieces(bufferOf(content), chunkBytes);
  let index = 0;
  const position = (offset: number): { line: number; col: number } => lineCounter.linePos(offset);
  for (const doc of composeAll(chunks, lineCounter)) yield isRefused(doc) ? refusedDocument(file, index++, doc, position) : toParsedDocument(file, index++, doc, position);
}

/** A document past a limit (see yaml-stream.ts): no value, one finding where the limit was hit. */
function refusedDocument(file: string, index: number, refused: RefusedDocument, position: (offset: number) => { line: number; col: number }): ParsedDocument {
  const location = { file, doc: index + 1, path: '', ...position(refused.offset) };
  return { file, index, value: undefined, errors: [], notes: [{ code: refused.code, message: refused.message, location }], locate: () => location };
}

/** A Go template (a Helm chart's file) as one document with one finding, instead of its YAML errors. */
function templateDocument(file: string, content: InputContent): ParsedDocument | undefined {
  const hasAction = typeof content === 'string' ? content.includes('{{') : bufferOf(content).includes('{{');
  const text = hasAction ? textOf(content) : undefined;
  const offset = text === undefined ? undefined : templateActionOffset(text);
  if (text === undefined || offset === undefined) return undefined;
  const { line, col } = linesOf(text).linePos(offset);
  const location = { file, doc: 1, path: '', line, col };
  const message = `this file is a Go template, not a manifest (${templateActionText(text, offset)} is not YAML); it is not converted`;
  return { file, index: 0, value: undefined, errors: [], notes: [{ code: 'helm-template', message, location, hint: RENDER_HINT }], locate: () => ({ file, doc: 1, path: '' }) };
}

/** Cheap test before a text is copied to bytes for the List scan. */
const mayHoldList = /^items:/m;

/** Bytes decoded and handed to the YAML parser at a time: large enough to parse fast, small next to a dump. */
const YAML_CHUNK_BYTES = 256 * 1024;

/**
 * The List kubectl prints, read item by item. The skeleton (the List without its items) is parsed
 * first; if it is not a clean List, undefined sends the text to the whole-document parse.
 */
function listDocument(file: string, split: ListSplit): ParsedDocument | undefined {
  const lineCounter = new LineCounter();
  const docs = [...composeAll([split.skeleton], lineCounter)];
  if (docs.length !== 1 || isRefused(docs[0]!)) return undefined;
  const { tail } = split;
  const position = (offset: number): { line: number; col: number } => {
    const { line, col } = lineCounter.linePos(offset);
    return offset >= tail.start ? { line: line + tail.removedLines, col } : { line, col };
  };
  const skeleton = toParsedDocument(file, 0, docs[0]!, position);
  const value = skeleton.value as Record<string, unknown> | undefined;
  if (skeleton.errors.length > 0 || !value || typeof value['kind'] !== 'string' || !value['kind'].endsWith('List')) return undefined;
  // Another `items` key beside the one split off: the last one counts; left to the whole parse.
  if (skeleton.notes.some((note) => note.code === 'duplicate-key' && note.location.path === 'items')) return undefined;
  return { ...skeleton, items: listItems(file, split) };
}

function* listItems(file: string, split: ListSplit): Generator<ParsedItem> {
  let line = 1; // line of the current item's first line
  let counted = 0; // offset up to which newlines are counted in `line`
  for (let n = 0; n < split.items.length; n++) {
    const { start, end } = split.items[n]!;
    line += countNewlines(split.bytes, counted, start);
    counted = start;
    yield listItem(file, n, decode(split.bytes, start, end), line);
  }
}

/** One List item, parsed from its own text (a one-entry sequence starting at line `firstLine`). */
function listItem(file: string, index: number, text: string, firstLine: number): ParsedItem {
  const lines = new LineCounter();
  const docs = [...composeAll([text], lines)];
  const position = (offset: number): { line: number; col: number } => {
    const { line, col } = lines.linePos(offset);
    return { line: line + firstLine - 1, col };
  };
  const doc = docs[0]!;
  if (isRefused(doc)) {
    const location = { file, doc: 1, path: itemPath(index, []), ...position(doc.offset) };
    return { value: undefined, errors: [], notes: [{ code: doc.code, message: doc.message.replace('the document', 'the List item').replace(/; it is skipped$/, '; the item is skipped'), location }], locate: () => location };
  }
  const errors = errorsOf(file, 1, doc, position);
  const offsetAt = offsetFinder(doc);
  const locate = (path: readonly PathSegment[]): SourceLocation => {
    const offset = offsetAt([0, ...path]);
    return { file, doc: 1, path: itemPath(index, path), ...position(offset) };
  };
  // The item's text is a one-entry sequence: its paths start with that entry's index, 0.
  const notes = locatedNotes(doc, position, (path) => ({ file, doc: 1, path: itemPath(index, path.slice(1)) }));
  if (errors.length > 0) return { value: undefined, errors, notes, locate };
  if (docs.length !== 1 || !isSeq(doc.contents) || doc.contents.items.length !== 1) {
    return { value: undefined, errors: [{ message: 'this List item could not be read on its own', location: locate([]) }], notes, locate };
  }
  try {
    return { value: (doc.toJS({ maxAliasCount: 1000 }) as unknown[])[0], errors, notes, locate };
  } catch (e) {
    return { value: undefined, errors: [{ message: withoutSource((e as Error).message), location: locate([]) }], notes, locate };
  }
}

/** One finding per position: yaml may explain one mistake twice. */
function errorsOf(file: string, docNumber: number, doc: Document.Parsed, position: (offset: number) => { line: number; col: number }): ParsedDocument['errors'] {
  // Its messages end with a source excerpt after the first line; the location says that better.
  const byOffset = new Map<number, string[]>();
  for (const error of doc.errors) {
    const messages = byOffset.get(error.pos[0]) ?? [];
    const message = withoutSource(error.message.split('\n')[0] ?? error.message);
    if (!messages.includes(message)) messages.push(message);
    byOffset.set(error.pos[0], messages);
  }
  return [...byOffset].map(([offset, messages]) => ({ message: messages.join('; '), location: { file, doc: docNumber, path: '', ...position(offset) } }));
}

/**
 * The YAML parser's message without the input it quotes: an unquoted `*Pa55…` in a Secret is read
 * as an alias, and the message would print the password whole. The location says where.
 */
function withoutSource(message: string): string {
  return message
    .replace(/^(Unresolved alias \(the anchor must be set before the alias\)): .*$/s, '$1')
    .replace(/^(Block scalar header includes extra characters): .*$/s, '$1')
    .replace(/^(Invalid escape sequence) .*$/s, '$1')
    .replace(/^(Not a YAML token): .*$/s, '$1')
    .replace(/^(Plain value cannot start with) .*$/s, '$1 a reserved indicator character')
    .replace(/^([^:"]+): ".*"$/s, '$1');
}

/** The notes of a document's tree, located: `where` gives file, document and path of a key's path. */
function locatedNotes(doc: Document.Parsed, position: (offset: number) => { line: number; col: number }, where: (path: PathSegment[]) => { file: string; doc: number; path: string }): InputNote[] {
  if (doc.errors.length > 0) return []; // the document is not read: its syntax errors say why
  return treeNotes(doc, position).map((note: TreeNote) => {
    const located: InputNote = { code: note.code, message: note.message, location: { ...where(note.path ?? []), ...position(note.offset) } };
    if (note.hint) located.hint = note.hint;
    return located;
  });
}

function toParsedDocument(file: string, index: number, doc: Document.Parsed, position: (offset: number) => { line: number; col: number }): ParsedDocument {
  const docNumber = index + 1;
  const offsetAt = offsetFinder(doc);
  const locate = (path: readonly PathSegment[]): SourceLocation => {
    const { line, col } = position(offsetAt(path));
    // All fields in one literal: added later they would live in a separate property store.
    return { file, doc: docNumber, path: formatPath(path), line, col };
  };
  const errors = errorsOf(file, docNumber, doc, position);
  const notes = locatedNotes(doc, position, (path) => ({ file, doc: docNumber, path: formatPath(path) }));
  let value: unknown;
  if (errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      const { line, col } = position(doc.range[0]);
      errors.push({ message: withoutSource((e as Error).message), location: { file, doc: docNumber, path: '', line, col } });
    }
    const problem = hasAliases(doc) ? expansionProblem(value) : undefined;
    if (problem) {
      notes.push({ code: problem.code, message: problem.message, location: locate(problem.path) });
      value = undefined;
    }
  }
  return { file, index, value, errors, notes, locate };
}

/**
 * JSON fast path (what `kubectl get -o json` prints): JSON.parse is many times faster than a YAML
 * parse. Positions come from a small scanner over the text instead of a YAML tree. They are computed
 * when a field is located, as plain data: the report sorts every located field by line, so a lazy
 * position would be resolved anyway, at the cost of a closure per location.
 */
function jsonDocument(file: string, text: string, value: unknown, defer: boolean, positions = jsonPositions(text), notes?: InputNote[]): ParsedDocument {
  const locate = (path: readonly PathSegment[]): SourceLocation =>
    defer ? deferredLocation(file, 1, formatPath(path), positions) : { file, doc: 1, path: formatPath(path), ...positions.at(path) };
  notes ??= jsonNotes(jsonDuplicates(text, bomLength(text), text.length, value), positions, (path) => ({ file, doc: 1, path: formatPath(path) }));
  return { file, index: 0, value, errors: [], notes, locate };
}

/** Repeated JSON keys as notes; from then on, the locator finds the last of a repeated key. */
function jsonNotes(duplicates: JsonDuplicate[], positions: JsonPositions, where: (path: PathSegment[]) => { file: string; doc: number; path: string }, shift = (offset: number) => offset): InputNote[] {
  if (duplicates.length === 0) return [];
  positions.locator().markKeysRepeat();
  return duplicates.map((d) => {
    const at = positions.pos(shift(d.offset));
    const { message, hint } = duplicateKeyMessage(String(d.path[d.path.length - 1]), at, d.earlier.map((offset) => positions.pos(shift(offset))));
    return { code: 'duplicate-key', message, hint, location: { ...where(d.path), ...at } };
  });
}

/** The line table of a text that is not run through the YAML parser (which fills one as it reads). */
function linesOf(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

/** Line and column of a path in a JSON text; the scanner and the line table are built on first use. */
function jsonPositions(text: string) {
  let locator: JsonLocator | undefined;
  let lines: LineCounter | undefined;
  return {
    locator: () => (locator ??= new JsonLocator(text)),
    at(path: readonly PathSegment[]) {
      locator ??= new JsonLocator(text);
      lines ??= linesOf(text);
      return lines.linePos(locator.offsetOf(path));
    },
    pos(offset: number) {
      lines ??= linesOf(text);
      return lines.linePos(offset);
    },
  };
}

type JsonPositions = ReturnType<typeof jsonPositions>;

/** JSON.parse is given the text without its byte-order mark. */
function bomLength(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/**
 * A JSON List (what `kubectl get -o json` prints) read item by item: each item is parsed from its
 * own span of the text, read and dropped, so the whole List never exists as objects at once. The
 * skeleton (the List with `items: []`) must parse and be a List, or the whole text takes the
 * ordinary path. The items were checked against the JSON grammar and the skeleton parsed, so the
 * whole text is JSON; anything else (YAML in flow style, comments, trailing commas) is not split.
 */
function jsonListDocument(file: string, text: string, defer: boolean, tolerant: boolean): ParsedDocument | undefined {
  const positions = jsonPositions(text);
  const span = positions.locator().topLevelList('items', tolerant);
  if (!span) return undefined;
  let skeleton: unknown;
  const skeletonText = `${text.slice(0, span.start)}[]${text.slice(span.end)}`;
  try {
    skeleton = JSON.parse(skeletonText.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  const list = skeleton as { kind?: unknown; items?: unknown } | null;
  if (!list || typeof list !== 'object' || typeof list.kind !== 'string' || !list.kind.endsWith('List')) return undefined;
  // Another `items` key later in the text would win in JSON.parse: leave that to the whole parse.
  if (!Array.isArray(list.items) || list.items.length > 0) return undefined;
  function* items(): Generator<ParsedItem> {
    for (let n = 0; n < span!.items.length; n++) {
      const { start, end, invalid } = span!.items[n]!;
      const locate = (path: readonly PathSegment[]): SourceLocation =>
        defer ? deferredLocation(file, 1, itemPath(n, path), positions) : { file, doc: 1, path: itemPath(n, path), ...positions.at(['items', n, ...path]) };
      const problem = jsonLimitProblem(text, start, end, 'the List item');
      if (problem) {
        const location = { file, doc: 1, path: itemPath(n, []), ...positions.pos(problem.offset) };
        yield { value: undefined, errors: [], notes: [{ code: problem.code, message: problem.message, location }], locate };
        continue;
      }
      if (invalid) {
        const error = jsonSyntaxError(text.slice(start, end))!;
        yield { value: undefined, errors: [{ message: `${error.message}; this List item is skipped`, location: { file, doc: 1, path: itemPath(n, []), ...positions.pos(start + error.offset) } }], notes: [], locate };
        continue;
      }
      // The span was checked against the JSON grammar when it was found.
      const value = JSON.parse(text.slice(start, end)) as unknown;
      const notes = jsonNotes(jsonDuplicates(text, start, end, value), positions, (path) => ({ file, doc: 1, path: itemPath(n, path) }));
      yield { value, errors: [], notes, locate };
    }
  }
  // The skeleton's offsets past its `[]` are those of the text past the items.
  const removed = span.end - span.start - 2;
  const shift = (offset: number): number => (offset >= span.start + 2 ? offset + removed : offset);
  const notes = jsonNotes(jsonDuplicates(skeletonText, bomLength(skeletonText), skeletonText.length, skeleton), positions, (path) => ({ file, doc: 1, path: formatPath(path) }), shift);
  return { ...jsonDocument(file, text, skeleton, defer, positions, notes), items: items() };
}

function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch {
    return undefined;
  }
}

/** undefined when the text is valid JSON; otherwise the parser's message and the offset it names. */
function jsonSyntaxError(text: string): { message: string; offset: number } | undefined {
  try {
    JSON.parse(text.replace(/^\uFEFF/, ''));
    return undefined;
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    return { message: `invalid JSON: ${withoutExcerpt(message)}`, offset: at ? Number(at[1]) : 0 };
  }
}

/**
 * The JSON parser's message without the input it quotes (`Unexpected token 'P', ..."word": Pa55"...
 * is not valid JSON`): it may be a Secret's value. The location says where; this says what kind.
 */
function withoutExcerpt(message: string): string {
  return message
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, '')
    .replace(/"[^"]*" is not valid JSON$/s, 'not valid JSON')
    .replace(/^Unexpected token '.+?'/s, 'Unexpected character')
    .replace(/^Unexpected token .(?= in JSON|$)/, 'Unexpected character');
}

/**
 * Offsets of nodes by path: for a mapping entry the key's position (where the field is written),
 * for a sequence item the item's; the deepest node that exists when the path goes further.
 * Look-ups come in walks over an object's fields, so each starts from the nodes the previous one
 * found along their common prefix.
 */
function offsetFinder(doc: Document.Parsed): (path: readonly PathSegment[]) => number {
  const segments: PathSegment[] = []; // the segments found by the last look-up
  const nodes: unknown[] = [doc.contents]; // nodes[d]: the node after d of them
  const offsets: number[] = [rangeStart(doc.contents) ?? doc.range[0]];
  return (path) => {
    let d = 0;
    while (d < segments.length && d < path.length && segments[d] === path[d]) d++;
    segments.length = d;
    for (; d < path.length; d++) {
      const found = child(nodes[d], path[d]!);
      if (!found) break;
      segments.push(path[d]!);
      nodes[d + 1] = found.node;
      offsets[d + 1] = found.offset ?? offsets[d]!;
    }
    return offsets[d]!;
  };
}

/** Mappings with more keys than this get an index, so a walk over all their keys stays linear. */
const INDEXED_MAP_SIZE = 32;
const keyIndexes = new WeakMap<object, Map<string, { node: unknown; offset: number | undefined }>>();

/** Key → entry of a large mapping; of a repeated key, the last entry (the one whose value is used). */
function keyIndex(node: { items: readonly { key: unknown; value: unknown }[] }): Map<string, { node: unknown; offset: number | undefined }> {
  let index = keyIndexes.get(node);
  if (!index) {
    index = new Map();
    for (const item of node.items) {
      if (isScalar(item.key)) index.set(String(item.key.value), { node: item.value, offset: rangeStart(item.key) });
    }
    keyIndexes.set(node, index);
  }
  return index;
}

function child(node: unknown, segment: PathSegment): { node: unknown; offset: number | undefined } | undefined {
  if (isMap(node)) {
    const wanted = String(segment);
    if (node.items.length > INDEXED_MAP_SIZE) return keyIndex(node).get(wanted);
    // From the end: of a repeated key, the last entry is the one whose value is used.
    for (let i = node.items.length - 1; i >= 0; i--) {
      const item = node.items[i]!;
      const key = item.key;
      if (isScalar(key) && (key.value === segment || String(key.value) === wanted)) return { node: item.value, offset: rangeStart(key) };
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { node: item, offset: rangeStart(item) };
  }
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

/**
 * One string per distinct path, built segment by segment from a cache by parent path: every
 * Ingress has the same `spec.rules[0].http.paths[0]…` paths, so each is formatted and stored once
 * (sharing them cut the IR of a 1k-Ingress dump by a third), and a walk over an object's fields
 * extends its parent's path instead of formatting each from scratch.
 */
const childPaths = new Map<string, Map<PathSegment, string>>();
const CACHED_PARENTS_MAX = 100_000;

/** `['spec', 'rules', 0, 'host']` → `spec.rules[0].host`. */
export function formatPath(path: readonly PathSegment[]): string {
  // Paths inside a List item start with its index and are unique: only their tail is shared.
  if (path.length >= 2 && typeof path[1] === 'number') return joinPath(`${childPath('', path[0]!)}[${path[1]}]`, path.slice(2));
  let out = '';
  for (const segment of path) out = childPath(out, segment);
  return out;
}

/** formatPath(['items', index, ...path]). */
export function itemPath(index: number, path: readonly PathSegment[]): string {
  return joinPath(`items[${index}]`, path);
}

/** A formatted prefix followed by the shared formatted `rest`. */
function joinPath(prefix: string, rest: readonly PathSegment[]): string {
  if (rest.length === 0) return prefix;
  const tail = formatPath(rest);
  return tail.startsWith('[') ? prefix + tail : `${prefix}.${tail}`;
}

const plainSegment = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** formatPath([...parent's segments, segment]), given formatPath of the parent's segments. */
export function childPath(parent: string, segment: PathSegment): string {
  let children = childPaths.get(parent);
  if (!children) {
    if (childPaths.size >= CACHED_PARENTS_MAX) childPaths.clear(); // bounded: annotation keys are open-ended
    children = new Map();
    childPaths.set(parent, children);
  }
  let path = children.get(segment);
  if (path === undefined) {
    // A key the path reads well with is `.key` (just `key` first); anything else is quoted.
    const written = typeof segment === 'number' ? `[${segment}]` : plainSegment.test(segment) ? (parent === '' ? segment : `.${segment}`) : `[${JSON.stringify(segment)}]`;
    path = parent + written;
    children.set(segment, path);
  }
  return path;
}
