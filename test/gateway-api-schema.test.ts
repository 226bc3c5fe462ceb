/**
 * Tests for the Gateway API schema helper (test/helpers/gateway-api-schema.ts) with small hand-written objects:
 * valid objects pass, and each invalid one is rejected for its intended reason (closed schema, defaults, list
 * semantics, CEL, metadata). Skipped, with a clear reason, when ../shared (the official CRDs) is absent.
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gatewayApiCrdDir, loadGatewayApiValidator } from './helpers/gateway-api-schema.js';
import type { SchemaValidator } from './helpers/gateway-api-schema.js';
import { sharedSkip } from './helpers/shared.js';

const GROUP_V1 = 'gateway.networking.k8s.io/v1';

const skip = sharedSkip('gatewayApiSchema');

type Obj = Record<string, unknown>;
type Rule = Obj;

function httpRoute(rules: Rule[], extraSpec: Obj = {}): Obj {
  return {
    apiVersion: GROUP_V1,
    kind: 'HTTPRoute',
    metadata: { name: 'foo', namespace: 'default' },
    spec: { parentRefs: [{ name: 'web' }], hostnames: ['foo.example.com'], rules, ...extraSpec },
  };
}

function prefixRule(path: string, extra: Rule = {}): Rule {
  return { matches: [{ path: { type: 'PathPrefix', value: path } }], backendRefs: [{ name: 'foo-svc', port: 8080 }], ...extra };
}

function gateway(listeners: Obj[], name = 'web'): Obj {
  return {
    apiVersion: GROUP_V1,
    kind: 'Gateway',
    metadata: { name, namespace: 'default' },
    spec: { gatewayClassName: 'apisix', listeners },
  };
}

const httpListener = { name: 'http', port: 80, protocol: 'HTTP' };
const httpsListener = {
  name: 'https-foo',
  port: 443,
  protocol: 'HTTPS',
  hostname: 'foo.example.com',
  tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'foo-tls' }] },
};

/** Asserts that validation fails and some error contains every given fragment. */
function assertRejected(v: SchemaValidator, obj: unknown, ...fragments: string[]): string[] {
  const errors = v.validate(obj);
  assert.ok(errors.length > 0, 'expected the object to be rejected');
  assert.ok(
    errors.some((e) => fragments.every((f) => e.includes(f))),
    `no error mentions ${fragments.map((f) => JSON.stringify(f)).join(' + ')}; got:\n${errors.join('\n')}`,
  );
  return errors;
}

describe('Gateway API schema validation (official v1.6.1 CRDs)', { skip }, () => {
  // Only reached when not skipped, so the validators exist.
  const standard = loadGatewayApiValidator('standard') as SchemaValidator;
  const experimental = loadGatewayApiValidator('experimental') as SchemaValidator;

  test('finds the CRDs and caches one validator per channel', () => {
    assert.ok(gatewayApiCrdDir()?.endsWith('gateway-api/v1.6.1'));
    assert.equal(loadGatewayApiValidator('standard'), standard);
    assert.equal(loadGatewayApiValidator(), standard);
    assert.notEqual(experimental, standard);
  });

  describe('accepts valid objects', () => {
    test('Gateway with an HTTP listener on 80 and an HTTPS listener on 443', () => {
      const gw = gateway([httpListener, httpsListener]);
      assert.deepEqual(standard.validate(gw), []);
      assert.deepEqual(experimental.validate(gw), []);
    });

    test('HTTPRoute with hostnames, PathPrefix/Exact matches, a redirect rule and a CORS filter', () => {
      const route = httpRoute([
        {
          matches: [
            { path: { type: 'PathPrefix', value: '/api' } },
            { path: { type: 'Exact', value: '/healthz' }, headers: [{ name: 'x-env', value: 'prod' }] },
          ],
          filters: [
            {
              type: 'CORS',
              cors: {
                allowOrigins: ['https://app.example.com'],
                allowMethods: ['GET', 'POST'],
                allowHeaders: ['content-type'],
                allowCredentials: true,
                maxAge: 600,
              },
            },
          ],
          backendRefs: [
            { name: 'api', port: 8080, weight: 90 },
            { name: 'api-canary', port: 8080, weight: 10 },
          ],
        },
        {
          matches: [{ path: { type: 'PathPrefix', value: '/old' } }],
          filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }],
        },
      ]);
      route.spec = { ...(route.spec as Obj), hostnames: ['foo.example.com', '*.example.org'] };
      assert.deepEqual(standard.validate(route), []);
      assert.deepEqual(experimental.validate(route), []);
    });

    test('ReferenceGrant', () => {
      const grant = {
        apiVersion: 'gateway.networking.k8s.io/v1beta1',
        kind: 'ReferenceGrant',
        metadata: { name: 'allow-routes', namespace: 'backends' },
        spec: {
          from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'default' }],
          to: [{ group: '', kind: 'Service', name: 'api' }],
        },
      };
      assert.deepEqual(standard.validate(grant), []);
      assert.deepEqual(standard.validate({ ...grant, apiVersion: GROUP_V1 }), []);
    });

    test('defaults are applied before validating (Gateway address without type), on a copy', () => {
      const gw = gateway([httpListener]);
      (gw.spec as Obj).addresses = [{ value: '10.0.0.1' }];
      const before = JSON.stringify(gw);
      assert.deepEqual(standard.validate(gw), []); // the oneOf fails unless `type: IPAddress` is defaulted first
      assert.equal(JSON.stringify(gw), before, 'validate() must not modify its input');
    });

    test('exactly 128 matches across rules', () => {
      const matches = Array.from({ length: 64 }, (_, i) => ({ path: { type: 'Exact', value: `/p${i}` } }));
      const rule = { matches, backendRefs: [{ name: 'foo-svc', port: 8080 }] };
      assert.deepEqual(standard.validate(httpRoute([rule, rule])), []);
    });
  });

  describe('rejects invalid objects for the intended reason', () => {
    test('unknown field (closed schema)', () => {
      const route = httpRoute([prefixRule('/', { bogus: true })]);
      assertRejected(standard, route, 'spec.rules[0].bogus', 'unknown field');
      assertRejected(experimental, route, 'spec.rules[0].bogus', 'unknown field');
    });

    test('retry is experimental-only', () => {
      const route = httpRoute([prefixRule('/', { retry: { attempts: 3, codes: [502, 503], backoff: '100ms' } })]);
      assertRejected(standard, route, 'spec.rules[0].retry', 'unknown field');
      assert.deepEqual(experimental.validate(route), []);
    });

    test('17 rules (maxItems 16)', () => {
      const rules = Array.from({ length: 17 }, (_, i) => prefixRule(`/r${i}`));
      assertRejected(standard, httpRoute(rules), 'spec.rules:', 'must NOT have more than 16 items');
    });

    test('hostname with uppercase letters (pattern)', () => {
      const route = httpRoute([prefixRule('/')], { hostnames: ['Foo.example.com'] });
      assertRejected(standard, route, 'spec.hostnames[0]', '"Foo.example.com"', 'must match pattern');
    });

    test('Service backendRef without port (CEL)', () => {
      const route = httpRoute([{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'foo-svc' }] }]);
      assert.deepEqual(standard.validate(route), [
        'HTTPRoute default/foo: spec.rules[0].backendRefs[0]: Must have port for Service reference',
      ]);
    });

    test("path containing '//' and path containing a space (CEL)", () => {
      assertRejected(standard, httpRoute([prefixRule('/a//b')]), 'spec.rules[0].matches[0].path', "must not contain '//'");
      assertRejected(standard, httpRoute([prefixRule('/a b')]), 'spec.rules[0].matches[0].path', 'must only contain valid characters');
    });

    test('RequestRedirect together with backendRefs (CEL)', () => {
      const rule = prefixRule('/', { filters: [{ type: 'RequestRedirect', requestRedirect: { statusCode: 302 } }] });
      assertRejected(standard, httpRoute([rule]), 'spec.rules[0]:', 'RequestRedirect filter must not be used together with backendRefs');
    });

    test('duplicate header match names (list-type map)', () => {
      const headers = [
        { name: 'x-env', value: 'a' },
        { name: 'x-env', value: 'b' },
      ];
      const route = httpRoute([{ matches: [{ headers }], backendRefs: [{ name: 'foo-svc', port: 8080 }] }]);
      assertRejected(standard, route, 'spec.rules[0].matches[0].headers[1]', 'Duplicate value', 'name="x-env"');
    });

    test('duplicate listener names on a Gateway (list-type map and CEL)', () => {
      const gw = gateway([httpListener, { ...httpListener, port: 8080 }]);
      assertRejected(standard, gw, 'spec.listeners[1]', 'Duplicate value', 'name="http"');
      assertRejected(standard, gw, 'spec.listeners:', 'Listener name must be unique within the Gateway');
    });

    test('HTTPS listener with mode Terminate and no certificateRefs (CEL)', () => {
      const gw = gateway([{ ...httpsListener, tls: { mode: 'Terminate' } }]);
      // Like the apiserver ("no such key: certificateRefs evaluating rule: …"), the rule fails on the absent field.
      assertRejected(standard, gw, 'spec.listeners[0].tls', 'certificateRefs or options must be specified when mode is Terminate');
    });

    test('more than 128 matches across rules (CEL)', () => {
      const matches = Array.from({ length: 43 }, (_, i) => ({ path: { type: 'Exact', value: `/p${i}` } }));
      const rule = { matches, backendRefs: [{ name: 'foo-svc', port: 8080 }] };
      assertRejected(standard, httpRoute([rule, rule, rule]), 'spec.rules:', 'total number of matches across all rules');
    });

    test('Gateway name of 64 characters', () => {
      const gw = gateway([httpListener], 'g'.repeat(64));
      const errors = assertRejected(standard, gw, 'metadata.name', 'no more than 63 characters');
      assert.equal(errors.length, 1);
      assert.deepEqual(standard.validate(gateway([httpListener], 'g'.repeat(63))), []);
      // Other kinds allow DNS-1123 subdomains up to 253 characters.
      const longRoute = httpRoute([prefixRule('/')]);
      longRoute.metadata = { name: 'r'.repeat(64), namespace: 'default' };
      assert.deepEqual(standard.validate(longRoute), []);
    });

    test('invalid metadata.name / metadata.namespace', () => {
      const route = httpRoute([prefixRule('/')]);
      route.metadata = { name: 'Foo_Bar', namespace: 'x'.repeat(64) };
      assertRejected(standard, route, 'metadata.name', 'RFC 1123 subdomain');
      assertRejected(standard, route, 'metadata.namespace', 'RFC 1123 label');
    });

    test('like the apiserver, skips CEL rules after a blocking schema error (enum), and says so', () => {
      const route = httpRoute([{ matches: [{ method: 'FETCH' }], backendRefs: [{ name: 'foo-svc' }] }]);
      assert.deepEqual(standard.validate(route), [
        'HTTPRoute default/foo: spec.rules[0].matches[0].method: "FETCH": must be one of "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"',
        'HTTPRoute default/foo: <root>: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
      ]);
    });

    test('unknown kind, and a version the channel does not serve', () => {
      const errors = standard.validate({ apiVersion: GROUP_V1, kind: 'HTTPRouteX', metadata: { name: 'x' } });
      assert.deepEqual(errors, [
        'HTTPRouteX x: kind: no matches for kind "HTTPRouteX" in version "gateway.networking.k8s.io/v1" (no CRD in the standard channel)',
      ]);
      const tls = { apiVersion: 'gateway.networking.k8s.io/v1alpha2', kind: 'TLSRoute', metadata: { name: 'x' } };
      assertRejected(standard, tls, 'apiVersion', 'no matches for kind "TLSRoute"', 'serves v1');
    });
  });
});
