// Inputs given as bytes (what the CLI reads from files and standard input) are decoded a piece at
// a time: a YAML stream is fed to the parser in line-aligned pieces, a kubectl List is split in
// the bytes. Both must read exactly what the whole text reads.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { readDocuments, type ParsedDocument, type ParsedItem } from '../src/input/documents.js';
import { objectsOf } from '../src/input/objects.js';
import { splitYamlList } from '../src/input/list-split.js';
import { startsLikeJson } from '../src/input/bytes.js';
import { convert, sourceOf } from '../src/index.js';
import { repoRoot, sharedDir } from './helpers/repo.js';

/** Everything a reader can learn from a document: values, errors, every leaf's location, items. */
function dump(docs: Iterable<ParsedDocument>): unknown[] {
  const out: unknown[] = [];
  const leaves = (d: ParsedDocument | ParsedItem, value: unknown): unknown[] => {
    const found: unknown[] = [];
    const walk = (v: unknown, path: (string | number)[]): void => {
      found.push(d.locate(path));
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(value, []);
    return found;
  };
  for (const doc of docs) {
    out.push({ index: doc.index, value: doc.value, errors: doc.errors, leaves: leaves(doc, doc.value), list: doc.items !== undefined });
    if (doc.items) for (const item of doc.items) out.push({ value: item.value, errors: item.errors, leaves: leaves(item, item.value) });
    for (const item of objectsOf(doc)) if (item.type === 'object') out.push(item.object.kind);
  }
  return out;
}

const read = (text: string) => dump(readDocuments('in.yaml', text));
const readBytes = (text: string, chunk: number) => dump(readDocuments('in.yaml', Buffer.from(text, 'utf8'), { yamlChunkBytes: chunk }));

function manifests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? manifests(path) : /\.(ya?ml|json)$/.test(name) ? [path] : [];
  });
}

test('every fixture and real-world manifest reads the same from bytes in pieces as from its text', () => {
  const files = [...manifests(join(repoRoot, 'fixtures')), ...(sharedDir ? manifests(join(sharedDir, 'realworld')) : [])];
  assert.ok(files.length > 50, `${files.length} files`);
  let pieces = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const whole = read(text);
    for (const chunk of [1, 7, 100, 1 << 20]) {
      assert.deepEqual(readBytes(text, chunk), whole, `${file}, pieces of ${chunk} bytes`);
      pieces++;
    }
  }
  assert.ok(pieces > 200);
});

/** Lines that stress a parser fed piece by piece: scalars, collections and quotes across lines, markers, errors. */
const yamlLine = fc.constantFrom(
  'kind: Ingress', 'apiVersion: networking.k8s.io/v1', 'metadata:', '  name: a', '  annotations:', '    k: |', '      block', '      - more', '    f: >-',
  '      folded', '    q: "multi', '      line"', "    s: 'it''s", "      there'", '  plain: a', '    continued plain', 'spec: {rules: [', '  {host: h},', '  ]}',
  '- item', '  - nested', '---', '--- # c', '...', '# comment', '', '   ', 'x: [unclosed', 'y: "unclosed', 'key: value # tail', '? complex', ': value',
  'émoji: ✓ ü', 'tab:\tx', 'a: &anchor 1', 'b: *anchor', '%YAML 1.2', 'items:', '- {kind: A, apiVersion: v1}', 'kind: List', '\uFEFFkind: X',
  '--- |', '--- {a: 1,', '  b: 2}', '|', 'at column zero', '"', "'", '[', ']', '{', '}', '---\t', '---  # after blanks', '---#not a comment', '--- x', '... # end',
  '---', '---', 'a: [1,', '2]',
);

test('random YAML streams read the same from bytes in any pieces as from their text', () => {
  fc.assert(
    fc.property(fc.array(yamlLine, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), fc.integer({ min: 1, max: 64 }), fc.boolean(), (lines, eol, chunk, finalNewline) => {
      const text = lines.join(eol) + (finalNewline ? eol : '');
      assert.deepEqual(readBytes(text, chunk), read(text));
    }),
    { seed: 7, numRuns: 1500 },
  );
});

/** The List scan as it was written over text, with regular expressions: the reference for the byte scan. */
function splitText(text: string): { skeleton: string; tail: { start: number; removedLines: number }; items: [number, number][] } | undefined {
  if (/^(?:---|\.\.\.)(?:[ \t]|$)|^%/m.test(text) || /(?:^|[\s[{,])&[^\s,\]}]/.test(text)) return undefined;
  const key = /^items:[ \t]*(?:#.*)?$/m.exec(text);
  if (!key) return undefined;
  const keyLineEnd = key.index + key[0].length;
  if (text[keyLineEnd] !== '\n') return undefined;
  const lines: [number, number][] = [];
  for (let start = keyLineEnd + 1; start < text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    lines.push([start, end]);
    start = end + 1;
  }
  const items: [number, number][] = [];
  let indent = -1;
  let blockEnd = text.length;
  for (const [start, end] of lines) {
    const line = text.slice(start, end);
    const depth = /^ */.exec(line)![0].length;
    const rest = line.slice(depth);
    if (rest === '' || rest.startsWith('\r') || rest.startsWith('#')) continue;
    const entry = /^-( |\r|$)/.test(rest);
    if (indent < 0) {
      if (!entry) return undefined;
      indent = depth;
    }
    if (depth < indent || (depth === indent && !entry)) {
      blockEnd = start;
      break;
    }
    if (depth === indent) {
      if (items.length > 0) items[items.length - 1]![1] = start;
      items.push([start, end]);
    }
  }
  if (items.length === 0) return undefined;
  items[items.length - 1]![1] = blockEnd;
  const removedLines = text.slice(items[0]![0], blockEnd).split('\n').length - 1;
  const head = `${text.slice(0, key.index)}items: []${text.slice(keyLineEnd, items[0]![0])}`;
  return { skeleton: head + text.slice(blockEnd), tail: { start: head.length, removedLines }, items };
}

const listLine = fc.constantFrom(
  'apiVersion: v1', 'items:', 'items: # all of them', 'items:\r', 'items: []', 'items:x', ' items:', '- kind: A', '  apiVersion: v1', '-', '- ', '-\r', '  - nested',
  '    deeper', '# between', '', '\r', 'kind: List', 'metadata:', '  resourceVersion: ""', '---', '--- x', '---x', '...', '%TAG', 'a: &x 1', 'b: *x', 'c: a&b',
  "d: '*.example.com'", 'e: [&y 1]', 'f: {*y: 1}', 'g: [a,*y]', '---\r', '...\u2028', 'é: &z', 'g: x\u00a0&w', 'h: ü*', 'items: # ü', 'i:\u2028items:', 'j: x\r---', '\tk: tab',
  'note: "研究&開発"', 'n: é*x', 'n: \u3000&a', 'n: x\ufeff*b', 'n: 😀&c', 'n: &\u00a0d', 'n: *\u2029', 'items: é', 'items: # café', 'items: # a\u2028b', '\u2028items:',
  'x\ritems:', '---\u2028', '...\u00a0', 'n: [a,\u00a0&e]',
);

/** A kubectl-shaped List, with lines that may break the shape mixed in. */
const listText = fc
  .record({
    head: fc.subarray(['apiVersion: v1', '# listed by kubectl', '']),
    key: fc.constantFrom('items:', 'items:  ', 'items: # all of them', 'items:\t# x'),
    indent: fc.constantFrom('', '  '),
    items: fc.array(fc.tuple(fc.constantFrom('- kind: A', '-', '- ', '- apiVersion: v1'), fc.subarray(['  apiVersion: v1', '  name: é', '', '# c', '  - nested', '    deep: x', '  note: 研究&開発', '  x: ü*y'])), { minLength: 1, maxLength: 5 }),
    tail: fc.subarray(['kind: List', 'metadata:', '  resourceVersion: ""']),
    noise: fc.array(fc.tuple(listLine, fc.nat()), { maxLength: 2 }),
    finalNewline: fc.boolean(),
  })
  .map(({ head, key, indent, items, tail, noise, finalNewline }) => {
    const lines = [...head, key, ...items.flatMap(([entry, body]) => [entry, ...body].map((l) => (l === '' || l.startsWith('#') ? l : indent + l))), ...tail];
    for (const [line, at] of noise) lines.splice(at % (lines.length + 1), 0, line);
    return lines.join('\n') + (finalNewline ? '\n' : '');
  });

test('the List scan over bytes splits exactly where the text scan did, non-ASCII text and Unicode blanks and line breaks included', () => {
  let splits = 0;
  fc.assert(
    fc.property(fc.oneof(listText, fc.array(listLine, { maxLength: 25 }).map((l) => l.join('\n'))), (text) => {
      const expected = splitText(text);
      const actual = splitYamlList(Buffer.from(text, 'utf8'));
      const offsetOf = (byte: number) => Buffer.from(text, 'utf8').subarray(0, byte).toString('utf8').length;
      const got = actual && { skeleton: actual.skeleton, tail: actual.tail, items: actual.items.map((i): [number, number] => [offsetOf(i.start), offsetOf(i.end)]) };
      assert.deepEqual(got, expected, JSON.stringify(text));
      if (got) splits++;
    }),
    { seed: 11, numRuns: 5000 },
  );
  assert.ok(splits > 1000, `only ${splits} of 5000 texts were split: the generator no longer makes Lists`);
});

test('the List scan reads bytes that are not UTF-8 next to & and * as the text scan read their decoded text', () => {
  const odd = [[0xff], [0xc3], [0xe2, 0x80], [0x80], [0xc2, 0xa0], [0xe3, 0x80, 0x80], [0xf0, 0x9f, 0x98], [0xe2, 0x80, 0xa8], [0xef, 0xbb, 0xbf]];
  let splits = 0;
  for (const bytes of odd) {
    for (const [before, after] of [[bytes, [0x78]], [[0x78], bytes], [bytes, bytes]]) {
      const line = Buffer.concat([Buffer.from('  note: a'), Buffer.from(before!), Buffer.from('&'), Buffer.from(after!), Buffer.from('\n')]);
      const list = Buffer.concat([Buffer.from('apiVersion: v1\nitems:\n- kind: A\n'), line, Buffer.from('- kind: B\nkind: List\n')]);
      const text = list.toString('utf8');
      const expected = splitText(text);
      const actual = splitYamlList(list);
      const offsetOf = (byte: number) => list.subarray(0, byte).toString('utf8').length;
      assert.deepEqual(actual && { skeleton: actual.skeleton, tail: actual.tail, items: actual.items.map((i): [number, number] => [offsetOf(i.start), offsetOf(i.end)]) }, expected, JSON.stringify(text));
      if (actual) splits++;
    }
  }
  assert.ok(splits > 5 && splits < 27, `${splits} of 27 split`);
});

test('JSON is recognised in bytes as in text: after a BOM and white space, Unicode white space included', () => {
  for (const text of ['{}', '  \n[1]', '\uFEFF{"a":1}', '\u00a0{', '\u2028[', 'a: {', '', '   ', '\uFEFF', '# {', 'é{']) {
    assert.equal(startsLikeJson(Buffer.from(text, 'utf8')), startsLikeJson(text), JSON.stringify(text));
  }
  assert.equal(startsLikeJson('\u00a0{'), true);
});

test('a conversion from bytes is the conversion from text', () => {
  const text = readFileSync(join(repoRoot, 'fixtures', 'basic-prefix-exact', 'input.yaml'), 'utf8');
  const fromText = convert([{ name: 'in.yaml', text }]);
  const fromBytes = convert([{ name: 'in.yaml', bytes: new Uint8Array(Buffer.from(text, 'utf8')) }]);
  assert.deepEqual(fromBytes, fromText);
  assert.ok(fromText.objects.length > 0);
});

test('sourceOf keeps YAML as bytes and decodes JSON, whose text is kept whole while it is read', () => {
  const yaml = Buffer.from('kind: List\n', 'utf8');
  assert.deepEqual(sourceOf('a.yaml', yaml), { name: 'a.yaml', bytes: yaml });
  assert.deepEqual(sourceOf('a.json', Buffer.from('\uFEFF {"kind": "List"}', 'utf8')), { name: 'a.json', text: '\uFEFF {"kind": "List"}' });
  assert.deepEqual(sourceOf('a.yaml', 'kind: List\n'), { name: 'a.yaml', text: 'kind: List\n' });
});
