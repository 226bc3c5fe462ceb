// Input kubectl accepts and a strict parser would not: repeated keys (the last value wins, with a
// duplicate-key finding at the key used), parser warnings as findings (never a raw Node warning).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readDocuments, type InputNote, type ParsedDocument } from '../src/input/documents.js';
import { objectsOf, type InputObject } from '../src/input/objects.js';
import { withPosition } from '../src/input/positions.js';
import { repoRoot } from './helpers/repo.js';

/** Every note of a file (documents and List items) and its objects. */
function read(name: string, text: string | Buffer): { notes: InputNote[]; objects: InputObject[]; docs: ParsedDocument[] } {
  const notes: InputNote[] = [];
  const objects: InputObject[] = [];
  const docs: ParsedDocument[] = [];
  for (const doc of readDocuments(name, text, { yamlChunkBytes: 16 })) {
    docs.push(doc);
    assert.deepEqual(doc.errors, [], `${name}: no syntax error`);
    notes.push(...doc.notes);
    for (const item of objectsOf(doc)) {
      if (item.type === 'note') notes.push(item.note);
      else if (item.type === 'object') objects.push(item.object);
      else assert.fail(`${name}: unexpected ${item.type}`);
    }
  }
  return { notes, objects, docs };
}

const annotations = (o: InputObject) => (o.value['metadata'] as { annotations: Record<string, string> }).annotations;
const where = (n: InputNote) => [n.code, n.location.doc, n.location.path, n.location.line, n.location.col];

test('YAML stream: a repeated key keeps the last value; the finding and the field are at the later key', () => {
  const text = [
    'apiVersion: v1', //                1
    'kind: ConfigMap', //               2
    'metadata: {name: first}', //       3
    '---', //                           4
    'apiVersion: networking.k8s.io/v1', // 5
    'kind: Ingress', //                 6
    'metadata:', //                     7
    '  name: web', //                   8
    '  annotations:', //                9
    '    a/b: "1"', //                  10
    '    other: x', //                  11
    '    a/b: "2"', //                  12
    'spec:', //                         13
    '  rules:', //                      14
    '  - host: one.example', //         15
    '    host: two.example', //         16
    '',
  ].join('\n');
  for (const content of [text, Buffer.from(text)]) {
    const { notes, objects } = read('s.yaml', content);
    assert.deepEqual(notes.map(where), [
      ['duplicate-key', 2, 'metadata.annotations["a/b"]', 12, 5],
      ['duplicate-key', 2, 'spec.rules[0].host', 16, 5],
    ]);
    assert.equal(notes[0]!.location.file, 's.yaml');
    assert.match(notes[0]!.message, /key "a\/b" is repeated: the value at line 12 is used, the one at line 10 is ignored/);
    const ingress = objects[1]!;
    assert.deepEqual(annotations(ingress), { 'a/b': '2', other: 'x' });
    assert.equal(((ingress.value['spec'] as { rules: { host: string }[] }).rules[0]!).host, 'two.example');
    // What the accounting locates is the surviving entry.
    assert.equal(ingress.locate(['metadata', 'annotations', 'a/b']).line, 12);
    assert.equal(ingress.locate(['spec', 'rules', 0, 'host']).line, 16);
  }
});

test('YAML List read item by item: a repeated key inside an item, and beside the items', () => {
  const text = [
    'apiVersion: v1', //                                   1
    'items:', //                                           2
    '- apiVersion: v1', //                                 3
    '  kind: ConfigMap', //                                4
    '  metadata: {name: a}', //                            5
    '- apiVersion: networking.k8s.io/v1', //               6
    '  kind: Ingress', //                                  7
    '  metadata:', //                                      8
    '    name: web', //                                    9
    '    annotations:', //                                 10
    '      k: old', //                                     11
    '      k: new', //                                     12
    'kind: List', //                                       13
    'metadata:', //                                        14
    '  resourceVersion: "1"', //                           15
    '  resourceVersion: "2"', //                           16
    '',
  ].join('\n');
  const { notes, objects, docs } = read('l.yaml', text);
  assert.ok(docs[0]!.items, 'read item by item');
  assert.deepEqual(notes.map(where).sort(), [
    ['duplicate-key', 1, 'items[1].metadata.annotations.k', 12, 7],
    ['duplicate-key', 1, 'metadata.resourceVersion', 16, 3],
  ]);
  assert.deepEqual(annotations(objects[1]!), { k: 'new' });
  assert.equal(objects[1]!.locate(['metadata', 'annotations', 'k']).line, 12);
  assert.deepEqual(docs[0]!.value, { apiVersion: 'v1', items: [], kind: 'List', metadata: { resourceVersion: '2' } });
});

test('YAML List with a second items key: parsed whole, the last items win', () => {
  const text = 'apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\nitems:\n- {apiVersion: v1, kind: Service, metadata: {name: b}}\n';
  const { notes, objects, docs } = read('l.yaml', text);
  assert.equal(docs[0]!.items, undefined);
  assert.deepEqual(objects.map((o) => o.kind), ['Service']);
  assert.deepEqual(notes.map(where), [['duplicate-key', 1, 'items', 5, 1]]);
});

test('YAML parsed whole (anchors): repeated keys in a List item are reported and the last wins', () => {
  const text = 'apiVersion: v1\nkind: List\nitems:\n- &x {apiVersion: v1, kind: ConfigMap, metadata: {name: a, name: b}}\n- *x\n';
  const { notes, objects, docs } = read('l.yaml', text);
  assert.equal(docs[0]!.items, undefined);
  assert.deepEqual(objects.map((o) => (o.value['metadata'] as { name: string }).name), ['b', 'b']);
  assert.deepEqual(notes.map(where), [['duplicate-key', 1, 'items[0].metadata.name', 4, 60]]);
  assert.match(notes[0]!.message, /the value at 4:60 is used, the one at 4:51 is ignored/);
});

test('three entries of a key give one finding; what a dropped value holds is not reported; merge keys are not repeats', () => {
  const text = [
    'base: &b {x: 1}',
    'a: 1',
    'dropped: {y: 1, y: 2}',
    'a: 2',
    'dropped: {}',
    'a: 3',
    'm:',
    '  <<: *b',
    '  <<: {z: 1}',
    '',
  ].join('\n');
  const [doc] = [...readDocuments('m.yaml', text)];
  assert.deepEqual(doc!.notes.map(where), [
    ['duplicate-key', 1, 'a', 6, 1],
    ['duplicate-key', 1, 'dropped', 5, 1],
  ]);
  assert.match(doc!.notes[0]!.message, /the value at line 6 is used, the ones at lines 2, 4 are ignored/);
  assert.deepEqual(doc!.value, { base: { x: 1 }, a: 3, dropped: {}, m: { x: 1, z: 1 } });
});

test('JSON: a repeated key keeps the last value; the finding and the field are at the later key', () => {
  const text = '{\n  "apiVersion": "networking.k8s.io/v1",\n  "kind": "Ingress",\n  "metadata": {"name": "a", "annotations": {"k": "1", "k": "2"}},\n  "spec": {"rules": [{"host": "a.example"}]},\n  "spec": {"rules": [{"host": "b.example"}]}\n}\n';
  for (const defer of [false, true]) {
    const [doc] = [...readDocuments('o.json', text, { deferJsonPositions: defer })];
    assert.deepEqual(doc!.notes.map(where), [
      ['duplicate-key', 1, 'metadata.annotations.k', 4, 55],
      ['duplicate-key', 1, 'spec', 6, 3],
    ]);
    assert.deepEqual((doc!.value as { spec: unknown }).spec, { rules: [{ host: 'b.example' }] });
    const [item] = [...objectsOf(doc!)];
    assert.ok(item?.type === 'object');
    assert.equal(withPosition(item.object.locate(['spec', 'rules', 0, 'host'])).line, 6);
    assert.equal(withPosition(item.object.locate(['metadata', 'annotations', 'k'])).col, 55);
  }
});

test('JSON List read item by item: repeated keys in an item and after the items are located in the text', () => {
  const item = (name: string, extra: string) => `{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "${name}"${extra}}}`;
  const text = [
    '{"apiVersion": "v1", "items": [', //                                      1
    `  ${item('a', '')},`, //                                                   2
    `  ${item('b', ', "annotations": {"q": "x", "q": "y"}')}`, //              3
    '], "kind": "List", "metadata": {"r": "1", "r": "2"}}', //                  4
  ].join('\n');
  const { notes, objects, docs } = read('l.json', text);
  assert.ok(docs[0]!.items, 'read item by item');
  assert.deepEqual(notes.map(where), [
    ['duplicate-key', 1, 'metadata.r', 4, 43],
    ['duplicate-key', 1, 'items[1].metadata.annotations.q', 3, 97],
  ]);
  assert.deepEqual(annotations(objects[1]!), { q: 'y' });
  assert.equal(objects[1]!.locate(['metadata', 'annotations', 'q']).col, 97);
});

test('JSON without repeated keys gives no finding (escaped quotes and colons in strings included)', () => {
  const text = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', annotations: { 'x\\"': 'a": "b', y: '\\', z: '"k": 1' } }, data: { a: [{ b: 1 }, { b: 2 }] } });
  const [doc] = [...readDocuments('o.json', text)];
  assert.deepEqual(doc!.notes, []);
});

test('parser warnings are findings at their place: a collection as a key, an unknown directive, an unresolved tag', () => {
  const text = '%FOO bar\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  ? [a, b]\n  : c\n  t: !custom x\n';
  const [doc] = [...readDocuments('w.yaml', text)];
  assert.deepEqual(doc!.notes.map(where), [
    ['yaml-warning', 1, '', 1, 1],
    ['yaml-warning', 1, '', 9, 6],
    ['yaml-warning', 1, '', 7, 5],
  ]);
  assert.match(doc!.notes[0]!.message, /Unknown directive %FOO; the directive is ignored/);
  assert.match(doc!.notes[2]!.message, /collection/);
});

/** The CLI, spawned, so that what Node itself prints on stderr is seen. */
function runCli(args: string[]): Promise<{ stdout: string; stderr: string; status: number | null }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env['NODE_OPTIONS'];
    delete env['NODE_TEST_CONTEXT'];
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'ing2gw.js'), ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout, stderr, status }));
  });
}

test('no raw Node warning reaches stderr, whatever the YAML parser warns about', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ing2gw-warn-'));
  try {
    const ingress = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    ? {a: b}\n    : x\nspec:\n  defaultBackend: {service: {name: s, port: {number: 80}}}\n';
    const inputs: Record<string, string> = {
      'collection-key.yaml': ingress,
      'directives.yaml': `%YAML 1.1\n%TAG !e! tag:example.com,2000:\n%FOO x\n---\n${ingress.replace('name: web', 'name: web2\n  labels: {a: !e!x b, b: !!binary aGVsbG8=, c: !unknown y, d: 2001-12-14}')}`,
      'list.yaml': `apiVersion: v1\nkind: List\nitems:\n- ${ingress.replace('name: web', 'name: web3').replace(/\n/g, '\n  ')}`,
      'duplicate.json': '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a", "name": "b"}}',
    };
    for (const [name, text] of Object.entries(inputs)) writeFileSync(join(dir, name), text);
    const run = await runCli(['convert', dir]);
    assert.doesNotMatch(run.stderr, /Warning:|\(node:\d+\)/, run.stderr);
    assert.match(run.stderr, /warning\[yaml-warning\] .*collection-key\.yaml:6:7/);
    assert.match(run.stderr, /warning\[yaml-warning\] .*list\.yaml:/);
    assert.match(run.stderr, /warning\[yaml-warning\] .*directives\.yaml:3:1 \(doc 1\) Unknown directive %FOO/);
    assert.match(run.stderr, /warning\[duplicate-key\] .*duplicate\.json:1:69/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
