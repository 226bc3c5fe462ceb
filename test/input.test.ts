import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPath, readDocuments } from '../src/input/documents.js';
import { objectsOf } from '../src/input/objects.js';
import { splitYamlList } from '../src/input/list-split.js';
import { jsonValueEnd, skipJsonWs } from '../src/input/json-check.js';
import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Conversion } from '../src/index.js';

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

// ---------------------------------------------------------------------------------------------
// kubectl's YAML List, read item by item

/** Every located leaf of every object of a text, as [path, line, col]. */
function locatedLeaves(file: string, text: string): [string, number | undefined, number | undefined][] {
  const out: [string, number | undefined, number | undefined][] = [];
  for (const doc of readDocuments(file, text)) {
    for (const item of objectsOf(doc)) {
      if (item.type !== 'object') continue;
      const walk = (v: unknown, path: (string | number)[]): void => {
        const loc = item.object.locate(path);
        out.push([loc.path, loc.line, loc.col]);
        if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
      };
      walk(item.object.value, []);
    }
  }
  return out;
}

const kubectlList = [
  'apiVersion: v1',
  'items:',
  '- apiVersion: networking.k8s.io/v1',
  '  kind: Ingress',
  '  metadata:',
  '    annotations:',
  '      note: |',
  '        - not an item',
  '        items:',
  '      x: "a',
  '        - b"',
  '    name: one',
  '  spec:',
  '    rules:',
  '    - host: a.example.com',
  '# a comment between items',
  '',
  '- apiVersion: v1',
  '  kind: Service',
  '  metadata: {name: two, labels: [a,',
  '    b]}',
  '- []',
  'kind: List',
  'metadata:',
  '  resourceVersion: ""',
  '',
].join('\n');

test('a kubectl List is read item by item, with the values and positions of a whole-document parse', () => {
  const split = splitYamlList(kubectlList);
  assert.ok(split, 'the List is split');
  assert.equal(split.items.length, 3);
  const [doc] = [...readDocuments('l.yaml', kubectlList)];
  assert.ok(doc!.items, 'read item by item');
  // A document marker keeps the same text on the whole-document path, one line lower.
  const whole = locatedLeaves('l.yaml', `---\n${kubectlList}`).map(([p, l, c]) => [p, l! - 1, c]);
  assert.deepEqual(locatedLeaves('l.yaml', kubectlList), whole);
  const items = [...objectsOf(doc!)];
  assert.deepEqual(items.map((i) => i.type), ['object', 'object', 'not-an-object']);
  if (items[0]!.type !== 'object') return;
  assert.deepEqual((items[0]!.object.value['metadata'] as { annotations: unknown }).annotations, { note: '- not an item\nitems:\n', x: 'a - b' });
  // The List's own fields are located in the skeleton, on their own lines.
  assert.equal(doc!.locate(['kind']).line, 23);
  assert.equal(doc!.locate(['metadata', 'resourceVersion']).line, 25);
});

test('an item of a List that does not parse is reported at its line; the other items are read', () => {
  const text = ['apiVersion: v1', 'items:', '  - kind: A', '    apiVersion: v1', '  - kind: [B', '    apiVersion: v1', '  - kind: C', '    apiVersion: v1', 'kind: List', ''].join('\n');
  const [doc] = [...readDocuments('l.yaml', text)];
  assert.ok(doc!.items);
  const items = [...objectsOf(doc!)];
  assert.deepEqual(items.map((i) => (i.type === 'object' ? i.object.kind : i.type)), ['A', 'syntax-error', 'C']);
  const error = items[1]!;
  assert.ok(error.type === 'syntax-error' && error.location.line !== undefined && error.location.line >= 5 && error.location.line <= 7, JSON.stringify(error));
});

test('Lists the item reader cannot be sure about are parsed whole', () => {
  const anchors = 'apiVersion: v1\nitems:\n- &a {kind: A, apiVersion: v1}\n- *a\nkind: List\n';
  const markers = '---\napiVersion: v1\nitems:\n- {kind: A, apiVersion: v1}\nkind: List\n';
  const flow = 'apiVersion: v1\nitems: [{kind: A, apiVersion: v1}]\nkind: List\n';
  const nested = 'apiVersion: v1\nspec:\n  items:\n  - a\nkind: List\nitems: []\n';
  const notAList = 'apiVersion: v1\nitems:\n- a\nkind: ConfigMap\n';
  for (const text of [anchors, markers, flow, nested]) assert.equal([...readDocuments('l.yaml', text)][0]!.items, undefined, text);
  assert.ok(splitYamlList(notAList), 'split in the text…');
  assert.equal([...readDocuments('l.yaml', notAList)][0]!.items, undefined, '…but not read as a List');
  // The anchored List still expands through the whole-document parse.
  assert.deepEqual([...objectsOf([...readDocuments('l.yaml', anchors)][0]!)].map((i) => i.type), ['object', 'object']);
});

test('a typed IngressList read item by item still gives its items apiVersion and kind', () => {
  const text = 'apiVersion: networking.k8s.io/v1\nitems:\n- metadata:\n    name: a\nkind: IngressList\n';
  const [doc] = [...readDocuments('l.yaml', text)];
  assert.ok(doc!.items);
  const [item] = [...objectsOf(doc!)];
  assert.ok(item!.type === 'object' && item!.object.kind === 'Ingress' && item!.object.apiVersion === 'networking.k8s.io/v1');
  if (item!.type === 'object') assert.deepEqual([item!.object.locate(['metadata', 'name']).path, item!.object.locate(['metadata', 'name']).line], ['items[0].metadata.name', 4]);
});

// ---------------------------------------------------------------------------------------------
// kubectl's JSON List, read item by item

test('a JSON List is read item by item, with the values and positions of the whole-text parse', () => {
  const value = {
    apiVersion: 'v1',
    items: [
      { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'a', annotations: { 'x/y': 'a ] } [ {' } }, spec: { rules: [{ host: 'h', http: { paths: [{ path: '/"]', pathType: 'Prefix' }] } }] } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }] } },
      [],
    ],
    kind: 'List',
    metadata: { resourceVersion: '' },
  };
  for (const [bom, body] of [['', JSON.stringify(value, null, 2)], ['', JSON.stringify(value)], ['\uFEFF', JSON.stringify(value, null, 4)]] as const) {
    const text = bom + body;
    const [doc] = [...readDocuments('l.json', text)];
    assert.ok(doc!.items, 'read item by item');
    assert.deepEqual(doc!.value, { ...value, items: [] });
    // A leading comment sends the same text through the YAML parser, one line lower.
    const whole = locatedLeaves('l.yaml', `${bom}# c\n${body}`).map(([p, l, c]) => [p, l! - 1, c]);
    assert.deepEqual(locatedLeaves('l.json', text), whole);
    assert.deepEqual([...objectsOf(doc!)].map((i) => i.type), ['object', 'object', 'not-an-object']);
  }
});

test('JSON-looking text that is not strictly JSON is never split into items', () => {
  const kinds = (name: string, text: string) => [...readDocuments(name, text)].flatMap((d) => [...objectsOf(d)].map((i) => (i.type === 'object' ? i.object.kind : i.type)));
  const trailingComma = '{\n  "apiVersion": "v1",\n  "items": [\n    {"kind": "A", "apiVersion": "v1"},\n    {"kind": "B", "apiVersion": "v1",},\n    {"kind": "C", "apiVersion": "v1"}\n  ],\n  "kind": "List"\n}\n';
  const missingComma = '{"kind": "List", "apiVersion": "v1", "items": [{"kind": "A", "apiVersion": "v1"} {"kind": "B", "apiVersion": "v1"}]}';
  const listTrailingComma = '{"kind": "List", "apiVersion": "v1", "items": [{"kind": "A", "apiVersion": "v1"},]}';
  const stray = '{"kind":"List","apiVersion":"v1","items":[}]}';
  // YAML in flow style: single quotes around brackets, a comment with a quote in it.
  const flowYaml = `{"kind": "List", "apiVersion": "v1", "items": [{'apiVersion': 'v1', 'kind': 'ConfigMap', 'metadata': {'name': 'b]'}}, # "first"\n {"kind": "B", "apiVersion": "v1"}]}`;
  for (const text of [trailingComma, missingComma, listTrailingComma, stray, flowYaml]) {
    for (const name of ['x.json', '-']) if (!(name === 'x.json' && text === trailingComma)) assert.equal([...readDocuments(name, text)][0]!.items, undefined, text);
  }
  // As before: a .json file must be JSON; other input may be YAML.
  for (const text of [missingComma, listTrailingComma, stray]) assert.deepEqual(kinds('x.json', text), [], text);
  // One item that is not JSON in a .json List: that item is an error, the others are read.
  assert.deepEqual(kinds('x.json', trailingComma), ['A', 'syntax-error', 'C']);
  assert.ok([...readDocuments('x.json', stray)][0]!.errors.length > 0);
  assert.deepEqual(kinds('-', trailingComma), ['A', 'B', 'C']);
  assert.deepEqual(kinds('-', flowYaml), ['ConfigMap', 'B']);
});

test('a repeated items key: the last one counts, as in JSON.parse', () => {
  const one = '{"kind": "ConfigMap", "apiVersion": "v1"}';
  for (const [later, expected] of [['[{"kind": "Service", "apiVersion": "v1"}]', ['Service']], ['[]', []], ['null', ['List']]] as const) {
    for (const key of ['items', '\\u0069tems']) {
      const text = `{"kind": "List", "apiVersion": "v1", "items": [${one}], "${key}": ${later}, "metadata": {}}`;
      const [doc] = [...readDocuments('x.json', text)];
      assert.equal(doc!.items, undefined, text);
      assert.deepEqual([...objectsOf(doc!)].map((i) => i.type === 'object' && i.object.kind), expected, text);
    }
  }
});

test('a JSON List item nested too deep to check is split off and refused; the other items are read', () => {
  const deep = `${'['.repeat(20000)}${']'.repeat(20000)}`;
  for (const name of ['x.json', '-']) {
    const text = `{"kind": "List", "apiVersion": "v1", "items": [${deep}, {"kind": "A", "apiVersion": "v1"}]}`;
    const [doc] = [...readDocuments(name, text)];
    const items = [...objectsOf(doc!)];
    assert.deepEqual(items.map((i) => (i.type === 'note' ? [i.note.code, i.note.location.path, i.note.location.col] : i.type)), [['object-too-deep', 'items[0]', 248], 'object']);
  }
});

test('empty and null List items are reported, whichever way the List is read', () => {
  const yamlList = 'apiVersion: v1\nitems:\n- \n- null\n- {kind: ConfigMap, apiVersion: v1}\nkind: List\n';
  const jsonList = '{"apiVersion": "v1", "items": [null, {"kind": "ConfigMap", "apiVersion": "v1"}], "kind": "List"}';
  for (const [name, text, expected] of [['l.yaml', yamlList, 3], ['l.json', jsonList, 2]] as const) {
    const [doc] = [...readDocuments(name, text)];
    assert.ok(doc!.items, name);
    const items = [...objectsOf(doc!)];
    assert.equal(items.length, expected);
    assert.deepEqual(items.map((i) => i.type).slice(0, -1), Array(expected - 1).fill('not-an-object'));
  }
});

test('a List reached twice through a YAML alias yields its items both times', () => {
  const text = 'apiVersion: v1\nkind: List\nitems:\n- &inner\n  apiVersion: v1\n  kind: List\n  items:\n  - {kind: ConfigMap, apiVersion: v1, metadata: {name: a}}\n- *inner\n';
  const [doc] = [...readDocuments('l.yaml', text)];
  assert.deepEqual([...objectsOf(doc!)].map((i) => i.type), ['object', 'object']);
});

test('JSON that is not a clean List keeps the whole-text path', () => {
  for (const text of ['{"kind": "List", "items": {}}', '{"kind": "ConfigMap", "apiVersion": "v1", "items": [1]}', '[{"kind": "List"}]', '{"kind": "List", "items": [1], }']) {
    const docs = [...readDocuments('x.json', text)];
    assert.equal(docs[0]!.items, undefined, text);
  }
});

/**
 * Heap kept by a Conversion after `read` adds a large source to it (the source's text must not be
 * kept), and the Conversion to finish.
 */
async function retainedAfterReading(read: (conversion: Conversion) => void): Promise<{ retained: number; conversion: Conversion }> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const conversion = new Conversion();
  gc();
  const before = process.memoryUsage().heapUsed;
  read(conversion);
  // V8 may hold on to the most recent parse for a moment (a function being optimized in the
  // background keeps the last document's scope; the last regex match keeps its subject), which is
  // not the IR's doing: let background work finish and match something else first.
  await new Promise((resolve) => setTimeout(resolve, 200));
  /./.exec(`${Math.random()}`);
  gc();
  return { retained: process.memoryUsage().heapUsed - before, conversion };
}

test('the model read from an input does not keep the input text alive', async () => {
  const { retained, conversion } = await retainedAfterReading((conversion) => {
    // Values of 13 characters or more are where V8 would hand out views into the text; a 40 MB
    // comment makes a pinned text show in the heap.
    const docs = Array.from({ length: 50 }, (_, i) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ingress-number-${i}\n  annotations:\n    example.com/long-annotation: value-long-enough-${i}\nspec:\n  ingressClassName: a-long-class-name\n  rules:\n  - host: host-${i}.example.com\n    http:\n      paths:\n      - path: /some/long/path/${i}\n        pathType: Prefix\n        backend:\n          service:\n            name: a-long-service-name-${i}\n            port:\n              number: 80\n`);
    conversion.addSource({ name: 'big.yaml', text: `${docs.join('---\n')}# ${'x'.repeat(40_000_000)}\n` });
  });
  assert.ok(retained < 10_000_000, `${(retained / 1e6).toFixed(1)} MB kept after reading`);
  assert.equal(conversion.finish().objects.filter((o) => o.kind === 'HTTPRoute').length, 50);
});

test('a JSON List read does not keep its text alive either (status, managedFields and kubectl copies included)', async () => {
  const { retained, conversion } = await retainedAfterReading((conversion) => {
    const items = Array.from({ length: 50 }, (_, i) => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name: `ingress-number-${i}`,
        creationTimestamp: '2024-01-01T00:00:00Z',
        annotations: { 'example.com/long-annotation': `value-long-enough-${i}`, 'kubectl.kubernetes.io/last-applied-configuration': `{"kind":"Ingress","spec":{"rules":[${i}]}}` },
        managedFields: [{ manager: 'kubectl-client-side-apply', time: '2024-01-01T00:00:00Z', fieldsV1: { 'f:spec': { 'f:ingressClassName': {} } } }],
      },
      spec: { ingressClassName: 'a-long-class-name', rules: [{ host: `host-${i}.example.com`, http: { paths: [{ path: `/some/long/path/${i}`, pathType: 'Prefix', backend: { service: { name: `a-long-service-name-${i}`, port: { number: 80 } } } }] } }] },
      status: { loadBalancer: { ingress: [{ hostname: `load-balancer-${i}.example.com` }] } },
    }));
    conversion.addSource({ name: 'big.json', text: JSON.stringify({ apiVersion: 'v1', kind: 'List', items, padding: 'x'.repeat(40_000_000) }, null, 2) });
  });
  assert.ok(retained < 10_000_000, `${(retained / 1e6).toFixed(1)} MB kept after reading`);
  assert.equal(conversion.finish().objects.filter((o) => o.kind === 'HTTPRoute').length, 50);
});

test('the JSON grammar check agrees with JSON.parse', () => {
  const piece = fc.constantFrom('{', '}', '[', ']', ',', ':', '"a"', '"\\u00e9"', '"\\x"', '"\\"', '"\t"', '1', '-0', '01', '1.', '1.5e+3', '.5', 'true', 'nul', 'null', ' ', '\n', "'a'", '#');
  const text = fc.oneof(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), fc.jsonValue().map((v) => JSON.stringify(v, null, 1)));
  fc.assert(
    fc.property(text, (t) => {
      let valid = true;
      try {
        JSON.parse(t);
      } catch {
        valid = false;
      }
      const start = skipJsonWs(t, 0);
      const end = start < t.length ? jsonValueEnd(t, start) : -1;
      assert.equal(end >= 0 && skipJsonWs(t, end) === t.length, valid, JSON.stringify(t));
    }),
    { numRuns: 5000, seed: 20261122 },
  );
});

test('a List with "*" in a value (a snippet) is still read item by item; a real alias without an anchor loses only its own item', () => {
  const item = (name: string, annotation: string) => `- apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata:
    name: ${name}
    namespace: n
    annotations:
      ${annotation}
  spec:
    ingressClassName: nginx
    defaultBackend: {service: {name: s, port: {number: 80}}}
`;
  const snippet = `a.io/snippet: |\n        more_set_headers "X: *\\"";`;
  const list = `apiVersion: v1\nkind: List\nitems:\n${item('a', snippet)}${item('b', 'a.io/x: y')}`;
  assert.ok(splitYamlList(list), 'split: a "*" alone names no anchor, in a whole parse as in a split one');
  const alias = `apiVersion: v1\nkind: List\nitems:\n${item('a', 'a.io/x: *nowhere')}${item('b', 'a.io/x: y')}`;
  const conversion = new Conversion();
  conversion.addSource({ name: 'list.yaml', text: alias });
  const result = conversion.finish();
  assert.deepEqual(result.objects.filter((o) => o.kind === 'HTTPRoute').map((o) => o.metadata.name), ['b-default-backend']);
  assert.ok(result.diagnostics.some((d) => d.code === 'yaml-syntax' && d.location?.path.startsWith('items[0]')), JSON.stringify(result.diagnostics));
});
