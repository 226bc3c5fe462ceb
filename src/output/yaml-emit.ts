// A fast YAML emitter for the plain data this tool writes (maps, lists, strings, numbers,
// booleans, null). `yaml`'s stringify builds a node tree per object and was a fifth of a large
// run; this writes the text directly. Where a value's YAML form is not obvious (quoted or
// multi-line strings, floats, odd keys) that one map entry or list item is written by `yaml` and
// indented into place, so the bytes are always what `yaml` writes for the whole (a test compares
// the two on every fixture and on generated values).
import { stringify } from 'yaml';

export const yamlOptions = { lineWidth: 0, aliasDuplicateObjects: false } as const;

/** Characters a plain scalar may be made of here; anything else takes the `yaml` path. */
const plainText = /^[A-Za-z_/][A-Za-z0-9_./:=@%-]*$/;
/** Plain-looking words YAML would read as booleans or null, under the 1.1 or the 1.2 schema. */
const reserved = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

function plainScalar(s: string): boolean {
  // `a:` or `a:b` are fine as text, but a colon at the end makes a key of it.
  return plainText.test(s) && !reserved.test(s) && !s.endsWith(':');
}

/**
 * Collects the text in pieces, joined every few thousand: a large document (an ADC file of
 * thousands of services) is otherwise millions of small strings until the end.
 */
class Out {
  private readonly joined: string[] = [];
  private parts: string[] = [];

  push(...pieces: string[]): void {
    for (const piece of pieces) this.parts.push(piece);
    if (this.parts.length >= 8192) {
      this.joined.push(this.parts.join(''));
      this.parts = [];
    }
  }

  text(): string {
    this.joined.push(this.parts.join(''));
    this.parts = [];
    return this.joined.join('');
  }
}

/** Thrown for values whose handling depends on the whole document (undefined, class instances). */
class NotPlainData extends Error {}

/** `value` as block YAML with a trailing newline: exactly `stringify(value, yamlOptions)`. */
export function emitYaml(value: unknown): string {
  try {
    const out = new Out();
    if (isMap(value) && Object.keys(value).length > 0) emitMap(value, '', out);
    else if (Array.isArray(value) && value.length > 0) emitSeq(value, '', out);
    else return stringify(value, yamlOptions);
    return out.text();
  } catch (e) {
    if (e instanceof NotPlainData) return stringify(value, yamlOptions);
    throw e;
  }
}

/**
 * emitYaml's text in pieces: top-level entry by entry, and a top-level list item by item, so a
 * large ADC file is written as it is made instead of being held whole (and once more in parts).
 * A value the emitter would hand to `yaml` whole (see NotPlainData) comes in one piece.
 */
export function* emitYamlChunks(value: unknown): Generator<string> {
  if (!isMap(value) || Object.keys(value).length === 0 || !emitsPiecewise(value)) {
    yield emitYaml(value);
    return;
  }
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const entry = value[key];
    if (Array.isArray(entry) && entry.length > 0 && plainScalar(key) && key.length <= 1024) {
      // What emitMap writes for this entry: the key line, then each item at two spaces.
      yield `${key}:\n`;
      for (const item of entry) {
        const itemOut = new Out();
        emitSeq([item], '  ', itemOut);
        yield itemOut.text();
      }
      continue;
    }
    const out = new Out();
    emitMap({ [key]: entry }, '', out);
    yield out.text();
  }
}

/** Would emitting `value` never throw NotPlainData (no non-data values, holes or document markers)? */
function emitsPiecewise(value: unknown): boolean {
  if (typeof value === 'string') return !documentMarker.test(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !plainValue(value[i]) || !emitsPiecewise(value[i])) return false;
    return true;
  }
  if (isMap(value)) {
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      if (documentMarker.test(key) || !plainValue(value[key]) || !emitsPiecewise(value[key])) return false;
    }
  }
  return true;
}


function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** Plain data: no undefined, functions, symbols, bigints or class instances. */
function plainValue(value: unknown): boolean {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') return false;
  return typeof value !== 'object' || value === null || Array.isArray(value) || isMap(value);
}

function checkPlain(value: unknown): void {
  if (!plainValue(value)) throw new NotPlainData();
}

function scalarText(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value === '' ? '""' : plainScalar(value) ? value : undefined;
    case 'number':
      return Number.isSafeInteger(value) && !Object.is(value, -0) ? String(value) : undefined;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return value === null ? 'null' : undefined;
    default:
      return undefined;
  }
}

/** The value after `key:` or `- `: inline for plain scalars and empty collections, else undefined. */
function inlineText(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : undefined;
  if (isMap(value)) return Object.keys(value).length === 0 ? '{}' : undefined;
  return scalarText(value);
}

/**
 * `yaml`'s text for a one-entry map or one-item list, moved right by `indent` (the first line
 * starting with `firstPrefix` instead). YAML without line folding is the same at any depth once
 * shifted; empty lines (inside block scalars) stay empty, as `yaml` writes them.
 */
function viaYaml(single: unknown, indent: string, out: Out, firstPrefix?: string): void {
  // `yaml` writes text holding `---`, `...` or `%` at a line start differently at the top level
  // than nested: such a value is not the same once shifted, so the whole value goes to `yaml`.
  if (hasDocumentMarker(single)) throw new NotPlainData();
  const lines = stringify(single, yamlOptions).split('\n');
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i]!;
    out.push(i === 0 && firstPrefix !== undefined ? firstPrefix : line === '' ? '' : indent, line, '\n');
  }
}

const documentMarker = /^(?:%|---|\.\.\.)/m;

function hasDocumentMarker(value: unknown): boolean {
  if (typeof value === 'string') return documentMarker.test(value);
  if (Array.isArray(value)) return value.some(hasDocumentMarker);
  if (isMap(value)) return Object.entries(value).some(([k, v]) => documentMarker.test(k) || hasDocumentMarker(v));
  return false;
}

/** Writes the pairs of a non-empty map, each line starting with `indent`. */
function emitMap(map: Record<string, unknown>, indent: string, out: Out, firstPrefix?: string): void {
  let first = true;
  for (const key in map) {
    if (!Object.prototype.hasOwnProperty.call(map, key)) continue;
    const value = map[key];
    checkPlain(value);
    const prefix = first && firstPrefix !== undefined ? firstPrefix : indent;
    first = false;
    const inline = inlineText(value);
    // yaml writes keys over 1024 characters as explicit keys (`? key`).
    if (!plainScalar(key) || key.length > 1024 || (inline === undefined && (typeof value !== 'object' || value === null))) {
      viaYaml({ [key]: value }, indent, out, prefix);
      continue;
    }
    out.push(prefix, key, ':');
    if (inline !== undefined) {
      out.push(' ', inline, '\n');
      continue;
    }
    out.push('\n');
    const nested = `${indent}  `;
    if (Array.isArray(value)) emitSeq(value, nested, out);
    else emitMap(value as Record<string, unknown>, nested, out);
  }
}

/** Writes the items of a non-empty list, each `- ` at `indent`. */
function emitSeq(items: readonly unknown[], indent: string, out: Out): void {
  for (let i = 0; i < items.length; i++) {
    if (!(i in items)) throw new NotPlainData(); // holes are not data
    const item = items[i];
    checkPlain(item);
    const inline = inlineText(item);
    if (inline !== undefined) {
      out.push(indent, '- ', inline, '\n');
      continue;
    }
    const nested = `${indent}  `;
    if (Array.isArray(item)) {
      // `- - a`: the inner list starts on the same line.
      const inner = new Out();
      emitSeq(item, nested, inner);
      out.push(indent, '- ', inner.text().slice(nested.length));
    } else if (isMap(item)) {
      emitMap(item, nested, out, `${indent}- `);
    } else {
      viaYaml([item], indent, out);
    }
  }
}
