// The converter's own output check: a bad object becomes an internal-error diagnostic, never output.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GatewayApiObject, HTTPRoute } from '../src/converters/gateway-api/types.js';
import { checkEmitted } from '../src/converters/gateway-api/validate.js';
import { DiagnosticSink } from '../src/reporter/sink.js';

const route = (patch: (r: HTTPRoute) => void): HTTPRoute => {
  const r: HTTPRoute = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { parentRefs: [{ name: 'nginx' }], hostnames: ['shop.example.com'], rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'web', port: 80 }] }] },
  };
  patch(r);
  return r;
};

test('valid objects pass untouched', () => {
  const sink = new DiagnosticSink();
  const ok = route(() => {});
  assert.deepEqual(checkEmitted([ok], sink), [ok]);
  assert.equal(sink.items.length, 0);
});

const broken: [string, (r: HTTPRoute) => void, RegExp][] = [
  ['upper-case hostname', (r) => (r.spec.hostnames = ['Shop.example.com']), /hostname/],
  ['Service backendRef without port', (r) => delete r.spec.rules[0]!.backendRefs[0]!.port, /Must have port/],
  ['path outside the whitelist', (r) => (r.spec.rules[0]!.matches[0]!.path.value = '/a b'), /path rules/],
  ['17 rules', (r) => (r.spec.rules = Array.from({ length: 17 }, (_, i) => ({ matches: [{ path: { type: 'Exact', value: `/${i}` } }], backendRefs: [{ name: 'w', port: 1 }] }))), /16/],
  ['invalid name', (r) => (r.metadata.name = 'Web_1'), /DNS-1123/],
  ['an unmodelled field', (r) => ((r.spec as Record<string, unknown>)['retry'] = {}), /retry|Unrecognized/],
];

for (const [what, patch, reason] of broken) {
  test(`an HTTPRoute with ${what} is reported as internal-error and not emitted`, () => {
    const sink = new DiagnosticSink();
    const bad: GatewayApiObject = route(patch);
    assert.deepEqual(checkEmitted([bad], sink), []);
    assert.equal(sink.items.length, 1);
    assert.equal(sink.items[0]!.code, 'internal-error');
    assert.match(sink.items[0]!.message, reason);
  });
}
