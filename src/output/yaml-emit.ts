// A fast YAML emitter for the plain data this tool writes (maps, lists, strings, integers,
// booleans, null). `yaml`'s stringify builds a node tree per object and was a fifth of a large
// run; this writes the text directly. It only handles values whose YAML form is unambiguous and
// returns undefined for anything else (quoted or multi-line strings, floats, odd keys), so the
// caller falls back to `yaml` and the bytes are always what `yaml` would write (a test compares
// the two on every fixture and on generated values).

/** Characters a plain scalar may be made of here; anything else takes the `yaml` path. */
const plainText = /^[A-Za-z_/][A-Za-z0-9_./:=@%-]*$/;
/** Plain-looking words YAML would read as booleans or null, under the 1.1 or the 1.2 schema. */
const reserved = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

function plainScalar(s: string): boolean {
  // `a:` or `a:b` are fine as text, but a colon at the end makes a key of it.
  return plainText.test(s) && !reserved.test(s) && !s.endsWith(':');
}

/** `value` as block YAML (with a trailing newline), or undefined when it needs the `yaml` library. */
export function emitYaml(value: unknown): string | undefined {
  const out: string[] = [];
  if (isMap(value)) {
    if (Object.keys(value).length === 0) return '{}\n';
    return emitMap(value, '', out) ? out.join('') : undefined;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]\n';
    return emitSeq(value, '', out) ? out.join('') : undefined;
  }
  const scalar = scalarText(value);
  return scalar === undefined ? undefined : `${scalar}\n`;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
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

/** The value after `key:` or `- `: inline for scalars and empty collections, else undefined. */
function inlineText(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : undefined;
  if (isMap(value)) return Object.keys(value).length === 0 ? '{}' : undefined;
  return scalarText(value);
}

/** Writes the pairs of a non-empty map, each line starting with `indent`. */
function emitMap(map: Record<string, unknown>, indent: string, out: string[], firstPrefix?: string): boolean {
  let first = true;
  for (const key in map) {
    if (!Object.prototype.hasOwnProperty.call(map, key)) continue;
    const value = map[key];
    if (!plainScalar(key) || value === undefined) return false;
    out.push(first && firstPrefix !== undefined ? firstPrefix : indent, key, ':');
    first = false;
    const inline = inlineText(value);
    if (inline !== undefined) {
      out.push(' ', inline, '\n');
      continue;
    }
    if (typeof value !== 'object' || value === null) return false;
    out.push('\n');
    const nested = `${indent}  `;
    if (Array.isArray(value) ? !emitSeq(value, nested, out) : !isMap(value) || !emitMap(value, nested, out)) return false;
  }
  return true;
}

/** Writes the items of a non-empty list, each `- ` at `indent`. */
function emitSeq(items: readonly unknown[], indent: string, out: string[]): boolean {
  for (let i = 0; i < items.length; i++) {
    if (!(i in items)) return false; // holes are not data
    const item = items[i];
    const inline = inlineText(item);
    if (inline !== undefined) {
      out.push(indent, '- ', inline, '\n');
      continue;
    }
    const nested = `${indent}  `;
    if (Array.isArray(item)) {
      // `- - a`: the inner list starts on the same line.
      out.push(indent, '- ');
      const inner: string[] = [];
      if (!emitSeq(item, nested, inner)) return false;
      out.push(inner.join('').slice(nested.length));
    } else if (isMap(item)) {
      if (!emitMap(item, nested, out, `${indent}- `)) return false;
    } else {
      return false;
    }
  }
  return true;
}
