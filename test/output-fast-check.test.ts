// The cheap Gateway and HTTPRoute checks may only accept what the zod output schemas accept. Random
// objects are mutated at random places and both checks are asked; the fixtures' output shows the
// cheap checks carry the ordinary objects.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { isPlainGateway, isPlainHttpRoute } from '../src/converters/gateway-api/fast-check.js';
import { schemas } from '../src/converters/gateway-api/validate.js';
import { fixtureFiles } from './helpers/golden.js';
import { assertCheapWithinZod, mutationOf } from './helpers/mutate.js';

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
  assertCheapWithinZod(route, mutation, edges, isPlainHttpRoute, schemas.HTTPRoute);
});

test('the cheap route check carries most HTTPRoutes of the fixtures', () => {
  assertCarriesFixtures('HTTPRoute', isPlainHttpRoute, schemas.HTTPRoute, 50, 0.5);
});

const secretRef = fc.record({ group: fc.constant(''), kind: fc.constant('Secret'), name: fc.constantFrom('tls', 'tls-a'), namespace: fc.constantFrom('ns', 'infra') }, { requiredKeys: ['group', 'kind', 'name'] });
const listener = fc.oneof(
  fc.record({ name: fc.constantFrom('http', 'http-2'), port: fc.constantFrom(80, 8080), protocol: fc.constant('HTTP'), hostname: fc.constantFrom('a.example.com', '*.example.com'), allowedRoutes: fc.record({ namespaces: fc.record({ from: fc.constantFrom('All', 'Same') }) }) }, { requiredKeys: ['name', 'port', 'protocol'] }),
  fc.record({ name: fc.constantFrom('https-a', 'https-b'), port: fc.constant(443), protocol: fc.constant('HTTPS'), hostname: fc.constantFrom('a.example.com', 'b.example.com'), tls: fc.record({ mode: fc.constant('Terminate'), certificateRefs: fc.array(secretRef, { minLength: 1, maxLength: 2 }) }) }, { requiredKeys: ['name', 'port', 'protocol', 'tls'] }),
);
const gateway = fc.record({
  apiVersion: fc.constant('gateway.networking.k8s.io/v1'),
  kind: fc.constant('Gateway'),
  metadata: fc.record({ name: fc.constantFrom('nginx', 'nginx-2', 'a.b'), namespace: fc.constantFrom('ns', 'team-1') }),
  spec: fc.record({ gatewayClassName: fc.constantFrom('nginx', 'apisix'), listeners: fc.array(listener, { minLength: 1, maxLength: 4 }) }),
});
const gatewayEdges: Record<string, unknown[]> = {
  ...edges,
  name: ['', 'A', 'a_b', 'a'.repeat(64), 'a'.repeat(63), 'http', 'https-a', 1],
  hostname: ['', 'A.com', '*.a.com', 'a.*.com', '1.2.3.4', 'a'.repeat(254), undefined],
  protocol: ['HTTP', 'HTTPS', 'TCP', 'http'],
  mode: ['Terminate', 'Passthrough'],
  certificateRefs: [[], Array(65).fill({ group: '', kind: 'Secret', name: 'x' })],
  group: ['', 'core', undefined],
  kind: ['Secret', 'ConfigMap', 'Gateway'],
  from: ['All', 'Same', 'Selector'],
  listeners: [[], Array(65).fill({ name: 'http', port: 80, protocol: 'HTTP' })],
  gatewayClassName: ['', 'A', 'a.b'],
};
const gatewayMutation = mutationOf(awkward, ['extra', 'tls', 'hostname', 'allowedRoutes', 'namespace', 'port', 'name']);

test('the cheap Gateway check accepts only what zod accepts', () => {
  assertCheapWithinZod(gateway, gatewayMutation, gatewayEdges, isPlainGateway, schemas.Gateway);
});

test('the cheap Gateway check carries the Gateways of the fixtures', () => {
  assertCarriesFixtures('Gateway', isPlainGateway, schemas.Gateway, 30, 0.9);
});

/** The fixtures' expected objects of `kind`: at least `min` of them, a `share` of which the cheap check takes (and zod too). */
function assertCarriesFixtures(kind: string, cheap: (value: unknown) => boolean, schema: (typeof schemas)[keyof typeof schemas], min: number, share: number): void {
  let found = 0;
  let taken = 0;
  for (const { name: fixture, text } of fixtureFiles('expected.yaml')) {
    for (const doc of parseAllDocuments(text)) {
      const value = doc.toJS() as { kind?: string } | null;
      if (value?.kind !== kind) continue;
      found++;
      if (cheap(value)) {
        taken++;
        assert.ok(schema.safeParse(value).success, `${fixture}: accepted what zod rejects`);
      }
    }
  }
  assert.ok(found > min, `only ${found} ${kind}s in the fixtures`);
  assert.ok(taken / found > share, `the cheap check took ${taken} of ${found}`);
}
