// Turns parsed documents into Kubernetes objects: a document is one object, or a `List` /
// `*List` (what `kubectl get -o yaml|json` prints) whose items are objects.
import type { SourceLocation } from '../reporter/diagnostics.js';
import type { InputNote, ParsedDocument, PathSegment } from './documents.js';
import { helmFileKind } from './helm.js';

/** A Kubernetes object from the input, with a locator relative to the object itself. */
export interface InputObject {
  apiVersion: string;
  kind: string;
  value: Record<string, unknown>;
  /** Location of a field of this object (path relative to the object). */
  locate(path?: readonly PathSegment[]): SourceLocation;
}

export type DocumentItem =
  | { type: 'object'; object: InputObject }
  | { type: 'not-an-object'; location: SourceLocation; reason: string }
  /** A syntax error inside one item of a List read item by item. */
  | { type: 'syntax-error'; location: SourceLocation; message: string }
  /** A repeated key or a parser warning inside one item of a List read item by item. */
  | { type: 'note'; note: InputNote };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The objects in one document; empty documents yield nothing. */
export function* objectsOf(document: ParsedDocument): Generator<DocumentItem> {
  if (document.value === null || document.value === undefined) return;
  yield* expand(document, document.value, (path = []) => document.locate(path));
}

/** Items of a typed list (`IngressList`, as the API server returns it) may omit apiVersion and kind. */
interface ItemDefaults {
  apiVersion: string;
  kind: string;
}

type Locate = (path?: readonly PathSegment[]) => SourceLocation;

function* expand(document: ParsedDocument, value: unknown, locate: Locate, defaults?: ItemDefaults): Generator<DocumentItem> {
  if (defaults && isRecord(value)) {
    value['apiVersion'] ??= defaults.apiVersion;
    value['kind'] ??= defaults.kind;
  }
  if (!isRecord(value)) {
    yield { type: 'not-an-object', location: locate(), reason: 'the document is not a mapping' };
    return;
  }
  const { apiVersion, kind } = value;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !apiVersion || !kind) {
    // A Helm chart's own files, named on the command line, are said to be what they are.
    const helm = helmFileKind(document.file);
    yield { type: 'not-an-object', location: locate(), reason: helm ? `it is ${helm}, not a manifest (its chart must be rendered, e.g. with helm template)` : 'it has no apiVersion and kind' };
    return;
  }
  if (kind.endsWith('List') && Array.isArray(value['items'])) {
    const itemDefaults = kind === 'List' ? undefined : { apiVersion, kind: kind.slice(0, -'List'.length) };
    // A top-level List read item by item: each item has its own tree and locator.
    if (value === document.value && document.items) {
      for (const item of document.items) {
        for (const error of item.errors) yield { type: 'syntax-error', location: error.location, message: error.message };
        for (const note of item.notes) yield { type: 'note', note };
        if (item.value === undefined) continue; // unreadable, and reported above; an empty item is null
        yield* expand(document, item.value, (path = []) => item.locate(path), itemDefaults);
      }
      return;
    }
    const items = value['items'] as unknown[];
    // Not released as read: a YAML alias may share this list with another part of the document.
    for (let i = 0; i < items.length; i++) yield* expand(document, items[i], (path = []) => locate(['items', i, ...path]), itemDefaults);
    return;
  }
  yield { type: 'object', object: { apiVersion, kind, value, locate } };
}
