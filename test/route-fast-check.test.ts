// The cheap HTTPRoute check may only accept what the zod output schema accepts. Random routes are
// mutated at random places and both checks are asked; the fixtures' output shows the cheap check
// carries the ordinary routes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { isPlainHttpRoute } from '../src/converters/gateway-api/fast-check.js';
import { schemas } from '../src/converters/gateway-api/validate.js';
import { fixtureFiles } from './helpers/golden.js';
import { mutate, mutationOf } from './helpers/mutate.js';

const awkward: unknown[] = ['', 'x', 'web', 0, 1, 80, 65535, 65536, -1, 1.5, true, null, undefined, [], {}, ['a'], { a: 1 }, '/', '/a//b', '/a/..', 'A.example.com', '*.x.com', 'x.*.com', 'a'.repeat(254), 'Exact', 'PathPrefix', 'RegularExpression', 'GET', 'POST', 'Service', ''];

const name = fc.constantFrom('web', 'api-1', 'a.b');
const backend = fc.record({ name, namespace: fc.constantFrom('ns', 'other'), port: fc.constantFrom(80, 8080) }, { requiredKeys: ['name'] });
const match = fc.record({ path: fc.record({ type: fc.constantFrom('Exact', 'PathPrefix', 'RegularExpression'), value: fc.constantFrom('/', '/api', '/a/b', '/x.*') }), method: fc.constantFrom('GET', 'HEAD') }, { requiredKeys: ['path'] });
const route = fc.record({
  apiVersion: fc.constant('gateway.networking.k8s.io/v1'),
  kind: fc.constant('HTTPRoute'),
  metadata: fc.record({ name, namespace: fc.constantFrom('ns', 'team-1') }),
  spec: fc.record(
    {
      parentRefs: fc.array(fc.record({ name: fc.constantFrom('gw', 'nginx'), namespace: fc.constantFrom('ns', 'infra'), sectionName: fc.constantFrom('http', 'https-a-example-com'), port: fc.constantFrom(80, 443) }, { requiredKeys: ['name'] }), { minLength: 1, maxLength: 2 }),
      hostnames: fc.array(fc.constantFrom('a.example.com', '*.example.com'), { minLength: 1, maxLength: 2 }),
      rules: fc.array(fc.record({ matches: fc.array(match, { minLength: 1, maxLength: 3 }), backendRefs: fc.array(backend, { minLength: 1, maxLength: 2 }) }), { minLength: 1, maxLength: 3 }),
    },
    { requiredKeys: ['parentRefs', 'rules'] },
  ),
});

const edges: Record<string, unknown[]> = {
  port: [0, 1, 65535, 65536, 80.5, '80', undefined],
  name: ['', 'A', 'a_b', 'a'.repeat(254), 'a'.repeat(253), 1],
  namespace: ['', 'a.b', 'a'.repeat(64), 'A'],
  value: ['', 'a', '/a//b', '/a/./b', '/a/..', '/%2F', '/ok', `/${'a'.repeat(1024)}`],
  type: ['Exact', 'PathPrefix', 'RegularExpression', 'Prefix', ''],
  method: ['GET', 'HEAD', 'POST', 'get'],
  hostnames: [[], ['A.com'], ['*.a.com'], Array(17).fill('a.com')],
  matches: [[], Array(65).fill({ path: { type: 'Exact', value: '/' } })],
  backendRefs: [[], Array(17).fill({ name: 'a', port: 80 })],
  sectionName: ['', 'A', 'a.b'],
  apiVersion: ['gateway.networking.k8s.io/v1beta1'],
  kind: ['Gateway'],
};
const mutation = mutationOf(awkward, ['extra', 'filters', 'timeouts', 'group', 'kind', 'name', 'port', 'method', 'hostnames']);

test('the cheap route check accepts only what zod accepts', () => {
  let accepted = 0;
  let rejected = 0;
  fc.assert(
    fc.property(route, fc.array(mutation, { maxLength: 3 }), (base, mutations) => {
      const value = mutate(base, mutations, edges);
      if (!isPlainHttpRoute(value)) {
        rejected++;
        return;
      }
      accepted++;
      const parsed = schemas.HTTPRoute.safeParse(value);
      assert.ok(parsed.success, `cheap check accepted what zod rejects: ${JSON.stringify(value)}\n${parsed.error?.message}`);
    }),
    { numRuns: 4000, seed: 20261122 },
  );
  assert.ok(accepted > 500 && rejected > 500, `accepted ${accepted}, rejected ${rejected}`);
});

test('the cheap route check carries most HTTPRoutes of the fixtures', () => {
  let routes = 0;
  let cheap = 0;
  for (const { name: fixture, text } of fixtureFiles('expected.yaml')) {
    for (const doc of parseAllDocuments(text)) {
      const value = doc.toJS() as { kind?: string } | null;
      if (value?.kind !== 'HTTPRoute') continue;
      routes++;
      if (isPlainHttpRoute(value)) {
        cheap++;
        assert.ok(schemas.HTTPRoute.safeParse(value).success, `${fixture}: accepted what zod rejects`);
      }
    }
  }
  assert.ok(routes > 50, `only ${routes} HTTPRoutes in the fixtures`);
  assert.ok(cheap / routes > 0.5, `the cheap check took ${cheap} of ${routes}`);
});
