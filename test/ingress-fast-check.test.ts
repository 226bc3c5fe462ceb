// The cheap Ingress check may only accept what the zod schema accepts, with the same data. Random
// Ingresses are mutated at random places (keys removed, added, values swapped for awkward ones)
// and both checks are asked; the fixtures show the cheap check carries the ordinary cases.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { isPlainIngressV1 } from '../src/parsers/ingress/fast-check.js';
import { ingressV1Schema } from '../src/parsers/ingress/schema.js';
import { dropNulls } from '../src/parsers/drop-nulls.js';
import { fixtureFiles } from './helpers/golden.js';
import { assertCheapWithinZod, mutationOf } from './helpers/mutate.js';

const awkward: unknown[] = ['', 'x', 'web', 0, 1, 80, 65535, 65536, -1, 1.5, Number.NaN, true, null, undefined, [], {}, ['a'], { a: 1 }, '/', '/a//b', '/a/..', 'a', 'A.example.com', '1.2.3.4', '*.x.com', 'x.*.com', 'a'.repeat(254), 'Exact', 'Prefix', 'ImplementationSpecific', 'Foo', 'networking.k8s.io/v1beta1', 'Ingress'];

const backend = fc.oneof(
  fc.record({ service: fc.record({ name: fc.constantFrom('web', 'api'), port: fc.oneof(fc.record({ number: fc.constantFrom(80, 8080) }), fc.record({ name: fc.constantFrom('http', 'grpc') })) }) }),
  fc.record({ resource: fc.record({ apiGroup: fc.constantFrom('k8s.example.com', ''), kind: fc.constant('Bucket'), name: fc.constant('b') }, { requiredKeys: ['kind', 'name'] }) }),
);
const ingress = fc.record({
  apiVersion: fc.constant('networking.k8s.io/v1'),
  kind: fc.constant('Ingress'),
  metadata: fc.record({ name: fc.constantFrom('a', 'b'), namespace: fc.constantFrom('ns', 'other'), annotations: fc.dictionary(fc.constantFrom('k8s.apisix.apache.org/enable-cors', 'x'), fc.constantFrom('true', '')), managedFields: fc.constant([{ manager: 'kubectl' }]) }, { requiredKeys: ['name'] }),
  spec: fc.record(
    {
      ingressClassName: fc.constantFrom('nginx', 'apisix'),
      defaultBackend: backend,
      rules: fc.array(fc.record({ host: fc.constantFrom('a.example.com', '*.example.com', ''), http: fc.record({ paths: fc.array(fc.record({ path: fc.constantFrom('/', '/api', ''), pathType: fc.constantFrom('Exact', 'Prefix', 'ImplementationSpecific'), backend }, { requiredKeys: ['pathType', 'backend'] }), { minLength: 1, maxLength: 3 }) }) }, { requiredKeys: [] }), { maxLength: 3 }),
      tls: fc.array(fc.record({ hosts: fc.array(fc.constantFrom('a.example.com', '*.example.com'), { maxLength: 2 }), secretName: fc.constant('tls') }, { requiredKeys: [] }), { maxLength: 2 }),
    },
    { requiredKeys: [] },
  ),
  status: fc.constant({ loadBalancer: {} }),
});

/** Values at the edge of what the schema allows for a field, tried in place of that field's value. */
const edges: Record<string, unknown[]> = {
  number: [0, 1, 65535, 65536, 80.5, '80'],
  host: ['1.2.3.4', '999.1.1.1', 'A.example.com', '*.example.com', 'a.*.com', '-a.com', 'a'.repeat(254), ''],
  hosts: [['1.2.3.4'], ['*.a.com'], ['A.com'], []],
  path: ['', 'a', '/a//b', '/a/./b', '/a/..', '/%2F', '/ok'],
  pathType: ['Exact', 'Prefix', 'ImplementationSpecific', 'exact', ''],
  name: ['', 'x', 1],
  paths: [[]],
  kind: ['', 'Bucket'],
};
const mutation = mutationOf(awkward, ['extra', 'name', 'port', 'path', 'host', 'hosts', 'number']);

test('the cheap check accepts only what zod accepts, with the same data', () => {
  assertCheapWithinZod(ingress, mutation, edges, isPlainIngressV1, ingressV1Schema, true);
});

test('the cheap check carries the valid v1 Ingresses of the fixtures', () => {
  let valid = 0;
  let cheap = 0;
  for (const { name, text } of fixtureFiles('input.yaml')) {
    for (const doc of parseAllDocuments(text)) {
      const items = ((v: unknown) => (v && typeof v === 'object' && Array.isArray((v as { items?: unknown }).items) ? (v as { items: unknown[] }).items : [v]))(doc.toJS());
      for (const item of items) {
        if (!item || typeof item !== 'object' || (item as { kind?: unknown }).kind !== 'Ingress') continue;
        const raw = dropNulls(item);
        const parsed = ingressV1Schema.safeParse(raw);
        if (isPlainIngressV1(raw)) {
          cheap++;
          assert.ok(parsed.success, `${name}: accepted what zod rejects`);
        }
        if (parsed.success) valid++;
      }
    }
  }
  assert.ok(valid > 50, `only ${valid} valid Ingresses in the fixtures`);
  assert.ok(cheap / valid > 0.95, `the cheap check took ${cheap} of ${valid}`);
});
