// The fast YAML emitter must write exactly what `yaml` writes, or decline. Checked on every object
// of every golden output and on generated values built from the characters where YAML is tricky.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { emitYaml } from '../src/output/yaml-emit.js';
import { serialize, sortObjects, yamlOptions, type KubernetesObject } from '../src/output/serialize.js';
import { repoRoot } from './helpers/repo.js';

const reference = (value: unknown): string => stringify(value, yamlOptions);

test('the emitter writes what yaml writes for every object of every golden output, and handles most of them', () => {
  let objects = 0;
  let fast = 0;
  const fixtures = join(repoRoot, 'fixtures');
  for (const name of readdirSync(fixtures).sort()) {
    let text: string;
    try {
      text = readFileSync(join(fixtures, name, 'expected.yaml'), 'utf8');
    } catch {
      continue;
    }
    for (const doc of parseAllDocuments(text)) {
      const value = doc.toJS() as unknown;
      if (value === null) continue;
      objects++;
      const emitted = emitYaml(value);
      if (emitted === undefined) continue;
      fast++;
      assert.equal(emitted, reference(value), `${name}: an object differs`);
    }
  }
  assert.ok(objects > 100, `only ${objects} objects`);
  // Most output is names, hosts and paths: the fast path must carry it, or it is pointless.
  assert.ok(fast / objects > 0.7, `fast path took ${fast} of ${objects}`);
});

test('the emitter matches yaml or declines on generated values', () => {
  // Strings from characters that change YAML's quoting: indicators, digits, colons, spaces.
  const chars = fc.constantFrom(...'ab/_.-:=@%#*&!|>\'"{}[],? 0129eE+~\nxyTtNnOo'.split(''));
  const word = fc.oneof(
    fc.array(chars, { maxLength: 8 }).map((a) => a.join('')),
    fc.constantFrom('true', 'False', 'NULL', 'yes', 'on', 'y', '~', '1e3', '0x1F', '.inf', '-1', '1.5', 'a:', 'a:b', 'http://x', '---', '<<', ''),
  );
  const scalar = fc.oneof(word, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
    list: fc.array(tie('node'), { maxLength: 4 }),
    map: fc.dictionary(word, tie('node'), { maxKeys: 4 }),
  })).node;
  let fast = 0;
  fc.assert(
    fc.property(value, (v) => {
      const emitted = emitYaml(v);
      if (emitted === undefined) return;
      fast++;
      assert.equal(emitted, reference(v));
    }),
    { numRuns: 3000, seed: 20261122 },
  );
  assert.ok(fast > 300, `fast path took only ${fast} values`);
});

test('nested lists, empty collections and the -0/float/undefined cases', () => {
  const cases: unknown[] = [
    { a: [[1, 2], [], {}], b: { c: [{ d: [] }, { e: { f: null } }] } },
    [[['x']], { k: 'v', l: ['m'] }],
    { port: -0 },
    { weight: 1.5 },
    { gone: undefined },
    {},
    [],
    'plain',
  ];
  for (const c of cases) {
    const emitted = emitYaml(c);
    if (emitted !== undefined) assert.equal(emitted, reference(c), JSON.stringify(c));
  }
  assert.equal(emitYaml({ port: -0 }), undefined);
  assert.equal(emitYaml({ weight: 1.5 }), undefined);
  assert.equal(emitYaml({ gone: undefined }), undefined);
});

test('output written object by object is the text of the whole at once (YAML stream, JSON List)', () => {
  const fixtures = join(repoRoot, 'fixtures');
  let checked = 0;
  for (const name of readdirSync(fixtures).sort()) {
    let text: string;
    try {
      text = readFileSync(join(fixtures, name, 'expected.yaml'), 'utf8');
    } catch {
      continue;
    }
    const objects = parseAllDocuments(text).map((d) => d.toJS() as KubernetesObject).filter((o) => o !== null);
    for (const subset of [objects, objects.slice(0, 1), []]) {
      const sorted = sortObjects(subset);
      assert.equal(serialize(subset, 'json'), `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: sorted }, null, 2)}\n`, name);
      assert.equal(serialize(subset, 'yaml'), sorted.map((o) => stringify(o, yamlOptions)).join('---\n'), name);
      checked++;
    }
  }
  assert.ok(checked > 100);
});
