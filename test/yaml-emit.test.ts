// The fast YAML emitter must write exactly what `yaml` writes. Checked on every object of every
// golden output, the ADC form of every fixture, and generated values built from the characters
// where YAML is tricky.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { emitYaml, emitYamlChunks, yamlOptions } from '../src/output/yaml-emit.js';
import { serialize, sortObjects, type KubernetesObject } from '../src/output/serialize.js';
import { fixtureFiles } from './helpers/golden.js';
import { convert } from '../src/index.js';

const reference = (value: unknown): string => stringify(value, yamlOptions);

test('the emitter writes what yaml writes for every object of every golden output, and for the ADC form of every fixture', () => {
  let objects = 0;
  for (const { name, text } of fixtureFiles('expected.yaml')) {
    for (const doc of parseAllDocuments(text)) {
      const value = doc.toJS() as unknown;
      if (value === null) continue;
      objects++;
      assert.equal(emitYaml(value), reference(value), `${name}: an object differs`);
    }
  }
  for (const { name, text } of fixtureFiles('input.yaml')) {
    const adc = convert([{ name: 'input.yaml', text }], { to: 'adc' }).adc;
    if (adc) assert.equal(emitYaml(adc), reference(adc), `${name}: the ADC configuration differs`);
    if (adc) assert.equal([...emitYamlChunks(adc)].join(''), reference(adc), `${name}: the ADC configuration in pieces differs`);
  }
  assert.ok(objects > 100, `only ${objects} objects`);
});

test('the emitter matches yaml on generated values', () => {
  // Strings from characters that change YAML's quoting: indicators, digits, colons, spaces, newlines.
  const chars = fc.constantFrom(...'ab/_.-:=@%#*&!|>\'"{}[],? 0129eE+~\nxyTtNnOo'.split(''));
  const word = fc.oneof(
    fc.array(chars, { maxLength: 8 }).map((a) => a.join('')),
    fc.constantFrom('true', 'False', 'NULL', 'yes', 'on', 'y', '~', '1e3', '0x1F', '.inf', '-1', '1.5', 'a:', 'a:b', 'http://x', '---', '<<', '', 'a\n\nb\n', ' lead', 'trail '),
  );
  const scalar = fc.oneof(word, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
    list: fc.array(tie('node'), { maxLength: 4 }),
    map: fc.dictionary(word, tie('node'), { maxKeys: 4 }),
  })).node;
  fc.assert(
    fc.property(value, (v) => {
      assert.equal(emitYaml(v), reference(v));
      assert.equal([...emitYamlChunks(v)].join(''), reference(v));
      assert.equal([...emitYamlChunks({ services: [v, v], v })].join(''), reference({ services: [v, v], v }));
    }),
    { numRuns: 5000, seed: 20261122 },
  );
});

test('nested lists, empty collections, block scalars and values only yaml can write', () => {
  const cases: unknown[] = [
    { a: [[1, 2], [], {}], b: { c: [{ d: [] }, { e: { f: null } }] } },
    [[['x']], { k: 'v', l: ['m'] }],
    [['8080', 'a'], [{ '': 1 }]],
    { port: -0, weight: 1.5, text: 'line one\n\nline three\n', nested: [{ script: 'a\n  b\n', id: '0a1b' }] },
    { gone: undefined, kept: 1 },
    [1, undefined, 2],
    { when: new Date(0) },
    {},
    [],
    'plain',
    '8080',
    { ['k'.repeat(1025)]: 1, list: [{ ['k'.repeat(1025)]: [1] }] },
  ];
  for (const c of cases) {
    assert.equal(emitYaml(c), reference(c), JSON.stringify(c));
    for (const v of [c, { services: [c, c], c }]) assert.equal([...emitYamlChunks(v)].join(''), reference(v), JSON.stringify(v));
  }
});

test('an ADC file in pieces: one per service, or one whole when a value is written by yaml as a whole', () => {
  const services = Array.from({ length: 50 }, (_, i) => ({ name: `s-${i}`, routes: [{ uris: ['/a', '/b/*'], plugins: { 'proxy-rewrite': { regex_uri: ['^/a/(.*)', '/$1'] } } }], upstream: { nodes: [{ host: 'svc.ns.svc', port: 80, weight: 100 }] } }));
  const config = { services, ssls: [{ snis: ['a.example.com'], certificates: [{ certificate: 'line\nline\n', key: 'k' }] }] };
  const pieces = [...emitYamlChunks(config)];
  assert.equal(pieces.join(''), reference(config));
  assert.equal(pieces.length, 2 + services.length + 1);
  // A document marker at a line start makes `yaml` write the whole value differently: not split.
  const marked = { services: [...services, { name: 'x', description: 'a\n---\nb' }] };
  assert.deepEqual([...emitYamlChunks(marked)], [reference(marked)]);
});

test('output written object by object is the text of the whole at once (YAML stream, JSON List)', () => {
  let checked = 0;
  for (const { name, text } of fixtureFiles('expected.yaml')) {
    const objects = parseAllDocuments(text).map((d) => d.toJS() as KubernetesObject).filter((o) => o !== null);
    for (const subset of [objects, objects.slice(0, 1), []]) {
      const sorted = sortObjects(subset);
      assert.equal(serialize(subset, 'json'), `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: sorted }, null, 2)}\n`, name);
      assert.equal(serialize(subset, 'yaml'), sorted.map((o) => stringify(o, yamlOptions)).join('---\n'), name);
      checked++;
    }
  }
  assert.ok(checked > 100);
  // Large outputs are stringified in batches: across batch boundaries too.
  const many = Array.from({ length: 600 }, (_, i) => ({ apiVersion: 'v1', kind: i % 3 ? 'HTTPRoute' : 'Gateway', metadata: { name: `r-${i}`, namespace: `ns-${i % 7}` }, spec: { list: [i, { s: 'x\ny' }] } }));
  for (const n of [255, 256, 257, 512, 513, 600]) {
    const subset = many.slice(0, n);
    assert.equal(serialize(subset, 'json'), `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: sortObjects(subset) }, null, 2)}\n`, `${n} objects`);
  }
});
