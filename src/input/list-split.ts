// `kubectl get … -o yaml` prints one `kind: List` document holding every object. Parsed whole,
// a 10k-Ingress List becomes one YAML tree of well over a gigabyte. This finds the items of such a
// List in the text, so each can be parsed, read and dropped on its own.
//
// Only the plain shape kubectl writes is split: one document, `items:` as a top-level key, a block
// sequence under it. Anything this cannot be sure about (document markers, directives, anchors or
// aliases that could reach across items) is left to the whole-document parse.

export interface ListSplit {
  text: string;
  /** The document with its items removed (`items: []`), the same lines in the same places. */
  skeleton: string;
  /** Where each item is written: from the start of its `- ` line to the start of the next item. */
  items: { start: number; end: number }[];
}

const documentMarker = /^(?:---|\.\.\.)(?:[ \t]|$)|^%/m;
/** `&anchor` or `*alias` where a token can start (not inside words such as `a&b` or `'*.x'`). */
const anchorOrAlias = /(?:^|[\s[{,])[&*][^\s,\]}]/;
const itemsKey = /^items:[ \t]*(?:#.*)?$/m;

export function splitYamlList(text: string): ListSplit | undefined {
  if (documentMarker.test(text) || anchorOrAlias.test(text)) return undefined;
  const key = itemsKey.exec(text);
  if (!key) return undefined;
  const keyLineEnd = key.index + key[0].length;
  if (text[keyLineEnd] !== '\n') return undefined;

  const items: { start: number; end: number }[] = [];
  let indent = -1;
  let lineStart = keyLineEnd + 1;
  let blockEnd = text.length;
  while (lineStart < text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    let i = lineStart;
    while (i < lineEnd && text.charCodeAt(i) === 32) i++;
    const first = text.charCodeAt(i);
    const blank = i === lineEnd || first === 13 || first === 35; // empty, CR only, or a comment
    if (!blank) {
      const depth = i - lineStart;
      const entry = first === 45 && (i + 1 === lineEnd || text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 13);
      if (indent < 0) {
        if (!entry) return undefined; // not a block sequence
        indent = depth;
      }
      if (depth < indent || (depth === indent && !entry)) {
        blockEnd = lineStart; // the next top-level key
        break;
      }
      if (depth === indent) {
        if (items.length > 0) items[items.length - 1]!.end = lineStart;
        items.push({ start: lineStart, end: lineEnd });
      }
    }
    lineStart = lineEnd + 1;
  }
  if (items.length === 0) return undefined;
  items[items.length - 1]!.end = blockEnd;
  // Comments and blank lines after the last item belong to no item; they stay in the skeleton's
  // line count either way.
  const removedLines = countNewlines(text, items[0]!.start, blockEnd);
  const skeleton = `${text.slice(0, key.index)}items: []${text.slice(keyLineEnd, items[0]!.start)}${'\n'.repeat(removedLines)}${text.slice(blockEnd)}`;
  return { text, skeleton, items };
}

/** Newlines in text[from, to). */
export function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
