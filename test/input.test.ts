import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPath, readDocuments } from '../src/input/documents.js';
import { objectsOf } from '../src/input/objects.js';

test('documents are numbered from 1, fields are located at their key', () => {
  const text = 'a: 1\n---\nkind: X\napiVersion: v1\nspec:\n  rules:\n    - host: h\n      x: 2\n';
  const docs = [...readDocuments('f.yaml', text)];
  assert.equal(docs.length, 2);
  const loc = docs[1]!.locate(['spec', 'rules', 0, 'x']);
  assert.deepEqual(loc, { file: 'f.yaml', doc: 2, path: 'spec.rules[0].x', line: 8, col: 7 });
});

test('a syntax error stays in its document; later documents still parse', () => {
  const text = 'kind: A\napiVersion: v1\n---\nkind: [\n---\nkind: C\napiVersion: v1\n';
  const docs = [...readDocuments('f.yaml', text)];
  assert.equal(docs.length, 3);
  assert.ok(docs[1]!.errors.length > 0);
  // yaml reports the unclosed flow sequence where it notices it: at its line or the next `---`.
  assert.ok([4, 5].includes(docs[1]!.errors[0]!.location.line!));
  assert.deepEqual(docs[2]!.value, { kind: 'C', apiVersion: 'v1' });
});

test('List and typed lists expand into located objects', () => {
  const text = JSON.stringify({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressList', items: [{ metadata: { name: 'a' } }] }, null, 2);
  const [doc] = [...readDocuments('l.json', text)];
  const items = [...objectsOf(doc!)];
  assert.equal(items.length, 1);
  const item = items[0]!;
  assert.equal(item.type, 'object');
  if (item.type !== 'object') return;
  assert.equal(item.object.kind, 'Ingress');
  assert.equal(item.object.apiVersion, 'networking.k8s.io/v1');
  assert.equal(item.object.locate(['metadata', 'name']).path, 'items[0].metadata.name');
  assert.equal(item.object.locate(['metadata', 'name']).line, 7);
});

test('formatPath quotes keys that are not identifiers', () => {
  assert.equal(formatPath(['metadata', 'annotations', 'kubernetes.io/ingress.class']), 'metadata.annotations["kubernetes.io/ingress.class"]');
  assert.equal(formatPath(['items', 3, 'spec']), 'items[3].spec');
});

test('JSON fast path locates every field where a YAML parse of the same text does', () => {
  const value = {
    apiVersion: 'v1',
    kind: 'List',
    items: [
      { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'a', annotations: { 'k8s.apisix.apache.org/x': '{"y": [1]}', 'q\\"k': 'v' } }, spec: { rules: [{ host: 'h', http: { paths: [{ path: '/', backend: {} }, { path: '/[' }] } }] } },
      { kind: 'Service', spec: { ports: [[1, 2], { name: 'p"q' }] }, items: [] },
    ],
  };
  const paths: (string | number)[][] = [['nope'], ['items', 7], ['items', 0, 'spec', 'nope', 'x'], ['items', 1, 'spec', 'ports', 0, 5], ['items', 0, 'metadata', 'name', 'deeper']];
  const walk = (v: unknown, path: (string | number)[]): void => {
    paths.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(value, []);
  for (const text of [JSON.stringify(value, null, 2), JSON.stringify(value), JSON.stringify(value, null, '\t')]) {
    const [fast] = [...readDocuments('f.json', text)];
    // A leading comment makes the same text a YAML stream, read with the full parser.
    const [slow] = [...readDocuments('f.yaml', `# c\n${text}`)];
    for (const path of paths) {
      const a = fast!.locate(path);
      const b = slow!.locate(path);
      assert.deepEqual([a.path, a.line, a.col], [b.path, b.line! - 1, b.col], `${a.path} in ${text.slice(0, 20)}`);
    }
  }
});
