// Accounting: entries are computed when read, and the findings of each object are found by path
// prefix; both must give what the plain definition gives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { convert } from '../src/index.js';
import type { IngressAccount } from '../src/ir/model.js';
import { findingsByAccount } from '../src/reporter/accounting.js';
import type { Diagnostic } from '../src/reporter/diagnostics.js';

/** The definition: a finding is in an object when the object's path is '', the finding's, or a prefix of it ending before `.` or `[`. */
function within(outer: string, inner: string): boolean {
  return outer === '' || inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

test('findings are assigned to the objects they are in, as a scan of every finding per object would', () => {
  const r = rng(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const segments = ['items[0]', 'items[1]', 'items[10]', 'spec', 'rules[0]', 'metadata', 'annotations["a.b/c[1]"]', 'annotations["x"]', 'host'];
  const randomPath = () => Array.from({ length: Math.floor(r() * 5) }, () => pick(segments)).join('.').replace(/\.(?=\w+\[|\[)/g, (m) => (r() < 0.5 ? m : '.'));
  for (let round = 0; round < 300; round++) {
    const accounts = Array.from({ length: 1 + Math.floor(r() * 6) }, (): IngressAccount => ({
      ref: { kind: 'Ingress', name: 'x' },
      location: { file: pick(['a.yaml', 'b.yaml']), doc: 1 + Math.floor(r() * 2), path: pick(['', 'items[0]', 'items[1]', 'items[10]', 'items[1].items[0]', randomPath()]) },
      annotations: [],
      fields: [],
    }));
    const diagnostics = Array.from({ length: Math.floor(r() * 12) }, (): Diagnostic => ({
      severity: 'warning',
      code: pick(['unknown-field', 'annotation-caveat', 'no-such-code', 'duplicate-object']),
      message: '',
      ...(r() < 0.9 ? { location: { file: pick(['a.yaml', 'b.yaml']), doc: 1 + Math.floor(r() * 2), path: r() < 0.5 ? randomPath() : `${pick(accounts).location.path}${pick(['', '.spec', '[0]', 'x', '.metadata.annotations["k.io/a"]'])}` } } : {}),
    }));
    const found = findingsByAccount(accounts, diagnostics);
    accounts.forEach((account, i) => {
      const expected = diagnostics.filter((d) => d.location && ['unknown-field', 'annotation-caveat', 'duplicate-object'].includes(d.code) && d.location.file === account.location.file && d.location.doc === account.location.doc && within(account.location.path, d.location.path));
      assert.deepEqual(found[i] ?? [], expected, `round ${round}, account ${account.location.path}`);
    });
  }
});

test('entries: computed when first read, then an ordinary property; counting keeps none; later changes to diagnostics change nothing', async () => {
  const { buildReport } = await import('../src/index.js');
  const text = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: a\n  annotations:\n    x.io/y: "1"\nspec:\n  rules:\n  - host: a.example.com\n    http:\n      paths:\n      - path: /\n        pathType: ImplementationSpecific\n        backend: {service: {name: s, port: {number: 80}}}\n';
  const result = convert([{ name: 'a.yaml', text }]);
  const [object] = result.accounting;
  assert.ok(object);
  buildReport(result, 'x'); // counts every entry
  assert.ok(Object.getOwnPropertyDescriptor(object, 'entries')?.get, 'counting did not keep the entries');
  for (const d of result.diagnostics) d.code = 'unknown-field'; // a caller changing findings afterwards
  assert.ok(Object.keys(object).includes('entries'));
  const viaJson = JSON.parse(JSON.stringify(object)) as { entries: unknown[] };
  assert.deepEqual(viaJson.entries, JSON.parse(JSON.stringify(object.entries)));
  assert.deepEqual({ ...object }.entries, object.entries);
  assert.equal(object.entries, object.entries, 'the same array once read');
  assert.equal(Object.getOwnPropertyDescriptor(object, 'entries')?.get, undefined, 'a data property once read');
  assert.deepEqual(Object.keys({ ...object }), ['object', 'location', 'entries']);
  const [other] = convert([{ name: 'a.yaml', text }]).accounting;
  other!.entries = [];
  assert.deepEqual(other!.entries, [], 'assignable before it is read');
  assert.deepEqual(
    object.entries.map((e) => `${e.kind} ${e.name} ${e.status}${e.code ? ` ${e.code}` : ''}`),
    [
      'annotation x.io/y not-converted annotation-not-converted',
      'field spec.rules[0].host converted',
      // the finding is about the path element: every field under it shares its status
      'field spec.rules[0].http.paths[0].path caveat implementation-specific-path',
      'field spec.rules[0].http.paths[0].pathType caveat implementation-specific-path',
      'field spec.rules[0].http.paths[0].backend.service.name caveat implementation-specific-path',
      'field spec.rules[0].http.paths[0].backend.service.port.number caveat implementation-specific-path',
    ],
  );
});
