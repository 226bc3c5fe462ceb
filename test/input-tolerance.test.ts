// Input kubectl accepts and a strict parser would not: repeated keys (the last value wins, with a
// duplicate-key finding at the key used), parser warnings as findings (never a raw Node warning);
// and input that is not a manifest yet: Helm charts and templates, one finding each.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readDocuments, type InputNote, type ParsedDocument } from '../src/input/documents.js';
import { objectsOf, type InputObject } from '../src/input/objects.js';
import { withPosition } from '../src/input/positions.js';
import { helmFileKind, planDirectory, templateActionOffset } from '../src/input/helm.js';
import { repoRoot } from './helpers/repo.js';

const execFileAsync = promisify(execFile);

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
    assert.match(notes[0]!.message, /key "a\/b" is written 2 times in one mapping: this last value is used and the earlier one is ignored/);
    assert.equal(notes[0]!.hint, 'the earlier entry at line 10: remove it, or merge it into this one');
    const ingress = objects[1]!;
    assert.deepEqual(annotations(ingress), { 'a/b': '2', other: 'x' });
    assert.equal(((ingress.value['spec'] as { rules: { host: string }[] }).rules[0]!).host, 'two.example');
    // What the accounting locates is the surviving entry.
    assert.equal(ingress.locate(['metadata', 'annotations', 'a/b']).line, 12);
    assert.equal(ingress.locate(['spec', 'rules', 0, 'host']).line, 16);
  }
});

test('YAML List read item by item: a repeated key inside an item, and beside the items', () => {
  // Lines 11-12: the item's annotation; 15-16: the List's own metadata.
  const text = `apiVersion: v1
items:
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: a}
- apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata:
    name: web
    annotations:
      k: old
      k: new
kind: List
metadata:
  resourceVersion: "1"
  resourceVersion: "2"
`;
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
  assert.match(notes[0]!.hint!, /^the earlier entry at 4:51:/);
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
  assert.match(doc!.notes[0]!.message, /written 3 times/);
  assert.match(doc!.notes[0]!.hint!, /^earlier entries at lines 2, 4: remove them/);
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
async function runCli(args: string[]): Promise<{ stdout: string; stderr: string; status: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const key of ['NODE_OPTIONS', 'NODE_TEST_CONTEXT']) delete env[key];
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [join(repoRoot, 'bin', 'ing2gw.js'), ...args], { cwd: repoRoot, env });
    return { stdout, stderr, status: 0 };
  } catch (e) {
    const failed = e as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, status: failed.code };
  }
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
    const run = await runCli(['convert', dir, '--verbose']);
    assert.doesNotMatch(run.stderr, /Warning:|\(node:\d+\)/, run.stderr);
    assert.match(run.stderr, /warning\[yaml-warning\] .*collection-key\.yaml:6:7/);
    assert.match(run.stderr, /warning\[yaml-warning\] .*list\.yaml:/);
    assert.match(run.stderr, /warning\[yaml-warning\] .*directives\.yaml:3:1 \(doc 1\) Unknown directive %FOO/);
    assert.match(run.stderr, /warning\[duplicate-key\] .*duplicate\.json:1:69/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------------------------------------
// Helm charts and other Go templates

test('a template action outside every YAML scalar and comment, or on a line the YAML breaks at, makes a template', () => {
  const yes: [string, number][] = [
    ['{{- if .Values.enabled }}\napiVersion: v1\n{{- end }}\n', 0],
    ['apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n', 47],
    ['spec:\n  ports:\n  - port: {{ .Values.port }}\n', 25],
    ['metadata:\n  labels:\n    {{- include "labels" . | nindent 4 }}\n', 24],
    // Inside a quoted string, but the quotes inside the action break the string: the YAML breaks there.
    ['metadata:\n  name: "{{ "web" }}"\n', 19],
  ];
  for (const [text, offset] of yes) assert.equal(templateActionOffset(text), offset, text);
  const no = [
    'metadata:\n  annotations:\n    a: "{{ .Host }}"\n    b: \'{{ .Path }}\'\n',
    'data:\n  plain: served by {{ .Host }}\n',
    'data:\n  block: |\n    {{ range .Items }}\n    {{ end }}\n',
    '# rendered from {{ .Chart.Name }}\napiVersion: v1\n',
    '{"data": {"a": "{{ b }}"}}',
    // A YAML error of its own, in a file whose only template is a quoted string: a syntax error, not a template.
    'metadata:\n  annotations:\n    a: "{{ .Host }}"\nspec: [unclosed\n',
    'apiVersion: v1\n',
  ];
  for (const text of no) assert.equal(templateActionOffset(text), undefined, text);
});

test('a template file is one document with one helm-template finding, and no syntax errors', () => {
  const text = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: {{ include "x" . }}\nspec:\n  rules:\n  {{- range .Values.hosts }}\n  - host: {{ . }}\n  {{- end }}\n';
  for (const content of [text, Buffer.from(text)]) {
    const docs = [...readDocuments('t.yaml', content)];
    assert.equal(docs.length, 1);
    assert.deepEqual(docs[0]!.errors, []);
    assert.deepEqual(docs[0]!.notes.map(where), [['helm-template', 1, '', 4, 9]]);
    assert.match(docs[0]!.notes[0]!.message, /Go template.*\{\{ include "x" \. \}\}/);
    assert.match(docs[0]!.notes[0]!.hint!, /helm template/);
    assert.deepEqual([...objectsOf(docs[0]!)], []);
  }
  // A quoted template for another tool is a value like any other.
  const annotated = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations: {t: "{{ .Host }}"}\n';
  const [doc] = [...readDocuments('a.yaml', annotated)];
  assert.deepEqual(doc!.notes, []);
  assert.deepEqual((doc!.value as { metadata: { annotations: unknown } }).metadata.annotations, { t: '{{ .Host }}' });
});

test('Helm files are known by name; a walk skips and counts them, and a chart gives one finding', () => {
  for (const name of ['Chart.yaml', 'Chart.lock', 'values.yaml', 'values.yml', 'values-prod.yaml', 'values.schema.json', 'x/values.yaml']) assert.ok(helmFileKind(name), name);
  for (const name of ['chart.yaml', 'my-values.yaml', 'values.json', 'values-prod.json', 'ingress.yaml', 'values']) assert.equal(helmFileKind(name), undefined, name);

  const plain = planDirectory('app', ['ingress.yaml', 'service.yaml']);
  assert.deepEqual(plain, { read: ['ingress.yaml', 'service.yaml'], diagnostics: [] });

  const stray = planDirectory('app', ['ingress.yaml', 'values-prod.yaml', 'values.yaml']);
  assert.deepEqual(stray.read, ['ingress.yaml']);
  assert.deepEqual(stray.diagnostics.map((d) => [d.severity, d.code]), [['info', 'helm-files-skipped']]);
  assert.match(stray.diagnostics[0]!.message, /^2 Helm files skipped in app \(values-prod\.yaml, values\.yaml\)/);

  const chart = planDirectory('web', ['Chart.lock', 'Chart.yaml', 'README.md', 'charts', 'ci', 'crds', 'templates', 'values.schema.json', 'values.yaml']);
  assert.deepEqual(chart.read, ['README.md', 'crds']);
  assert.deepEqual(chart.diagnostics.map((d) => [d.severity, d.code, d.location?.file]), [['error', 'helm-chart', join('web', 'Chart.yaml')]]);
  assert.match(chart.diagnostics[0]!.message, /charts\/, ci\/, templates\/ and 4 chart files \(Chart\.lock, Chart\.yaml, values\.schema\.json, values\.yaml\) are not read/);
  assert.match(chart.diagnostics[0]!.hint!, /helm template RELEASE web \| ing2gw convert -$/);
});

test('a Helm file named explicitly is read, and said to be what it is', () => {
  const cases: [string, string, RegExp][] = [
    ['chart/values.yaml', 'ingress:\n  host: a\n', /it is a Helm values file, not a manifest/],
    ['chart/Chart.yaml', 'apiVersion: v2\nname: web\nversion: 1.0.0\n', /it is a Helm chart's Chart\.yaml, not a manifest/],
    ['values.yaml', 'apiVersion: v1\n', /Helm values file/],
  ];
  for (const [name, text, reason] of cases) {
    const [doc] = [...readDocuments(name, text)];
    const items = [...objectsOf(doc!)];
    assert.equal(items.length, 1);
    assert.ok(items[0]!.type === 'not-an-object' && reason.test(items[0]!.reason), JSON.stringify(items[0]));
  }
  // Anything else without apiVersion and kind keeps the plain reason.
  const [doc] = [...readDocuments('config.yaml', 'a: 1\n')];
  const [item] = [...objectsOf(doc!)];
  assert.ok(item?.type === 'not-an-object' && item.reason === 'it has no apiVersion and kind');
});

test('CLI: a chart met in a walk gives one finding, not one per template; a values file named explicitly is read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ing2gw-helm-'));
  try {
    const chart = join(dir, 'web');
    mkdirSync(join(chart, 'templates'), { recursive: true });
    writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: web\nversion: 1.0.0\n');
    writeFileSync(join(chart, 'values.yaml'), 'host: a.example\n');
    for (let i = 0; i < 5; i++) writeFileSync(join(chart, 'templates', `t${i}.yaml`), `{{- if .Values.on }}\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}-${i}\n{{- end }}\n`);
    const walk = await runCli(['convert', dir]);
    assert.equal(walk.stderr.match(/error\[helm-chart\]/g)?.length, 1, walk.stderr);
    assert.doesNotMatch(walk.stderr, /yaml-syntax|helm-template|not-an-object/);
    const named = await runCli(['convert', join(chart, 'values.yaml'), join(chart, 'templates', 't0.yaml'), '--verbose']);
    assert.match(named.stderr, /warning\[not-an-object\] .*values\.yaml.* it is a Helm values file/);
    assert.match(named.stderr, /error\[helm-template\] .*t0\.yaml:1:1 /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('JSON with a second items key: parsed whole, reported, and the later List located', () => {
  const text = '{"kind": "List", "apiVersion": "v1",\n "items": [{"kind": "ConfigMap", "apiVersion": "v1"}],\n "items": [{"kind": "Service", "apiVersion": "v1", "metadata": {"name": "s"}}]}';
  const { notes, objects, docs } = read('l.json', text);
  assert.equal(docs[0]!.items, undefined);
  assert.deepEqual(notes.map(where), [['duplicate-key', 1, 'items', 3, 2]]);
  assert.deepEqual(objects.map((o) => o.kind), ['Service']);
  assert.deepEqual([objects[0]!.locate(['metadata', 'name']).line, objects[0]!.locate(['metadata', 'name']).col], [3, 65]);
});
