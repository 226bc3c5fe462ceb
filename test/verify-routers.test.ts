// The reference routers against the examples the specs themselves give.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GatewayApiObject } from '../src/converters/gateway-api/types.js';
import type { Ingress, IngressPath, IngressRule } from '../src/ir/model.js';
import { GatewayRouter, gatewayHostMatches, gatewayPathMatches } from '../src/verify/gateway-router.js';
import { IngressRouter, ingressHostMatches, ingressPathMatches } from '../src/verify/ingress-router.js';
import { formatOutcome, type Probe } from '../src/verify/model.js';

const loc = { file: 'x.yaml', doc: 1, path: '' };
const probe = (url: string, method = 'GET'): Probe => {
  const u = new URL(url);
  return { scheme: u.protocol === 'https:' ? 'https' : 'http', host: u.hostname, path: decodeURIComponent(u.pathname), method };
};

// ---------------------------------------------------------------- Ingress (Kubernetes docs)

const p = (path: string, pathType: IngressPath['pathType'], service: string): IngressPath => ({ path, pathType, backend: { type: 'service', name: service, port: { number: 80 }, location: loc }, location: loc });

test('Ingress docs, "Examples" table: element-wise Prefix and Exact', () => {
  const cases: [string, IngressPath['pathType'], string, boolean][] = [
    ['/', 'Prefix', '/anything', true],
    ['/foo', 'Exact', '/foo', true],
    ['/foo', 'Exact', '/bar', false],
    ['/foo', 'Exact', '/foo/', false],
    ['/foo/', 'Exact', '/foo', false],
    ['/foo', 'Prefix', '/foo', true],
    ['/foo', 'Prefix', '/foo/', true],
    ['/foo/', 'Prefix', '/foo', true],
    ['/foo/', 'Prefix', '/foo/', true],
    ['/aaa/bb', 'Prefix', '/aaa/bbb', false],
    ['/aaa/bbb', 'Prefix', '/aaa/bbb', true],
    ['/aaa/bbb/', 'Prefix', '/aaa/bbb', true],
    ['/aaa/bbb', 'Prefix', '/aaa/bbb/', true],
    ['/aaa/bbb', 'Prefix', '/aaa/bbb/ccc', true],
    ['/aaa/bbb', 'Prefix', '/aaa/bbbxyz', false],
  ];
  for (const [path, type, request, expected] of cases) assert.equal(ingressPathMatches(p(path, type, 's'), request), expected, `${type} ${path} vs ${request}`);
});

const ingress = (name: string, rules: IngressRule[], extra: Partial<Ingress> = {}): Ingress => ({
  ref: { kind: 'Ingress', namespace: 'ns', name },
  namespace: 'ns',
  name,
  apiVersion: 'networking.k8s.io/v1',
  rules,
  tls: [],
  annotations: [],
  intents: [],
  location: loc,
  ...extra,
});
const rule = (host: string | undefined, ...paths: IngressPath[]): IngressRule => ({ ...(host ? { host } : {}), paths, location: loc });
const backendOf = (router: IngressRouter, url: string) => formatOutcome(router.route(probe(url)).outcome);

test('Ingress docs: "/foo" and "/foo/" both present, the longest matching path wins; Exact wins on equal length', () => {
  const router = new IngressRouter([ingress('a', [rule('a.com', p('/foo', 'Exact', 'exact'), p('/foo/', 'Prefix', 'prefix-slash'), p('/bar', 'Prefix', 'prefix'), p('/bar', 'Exact', 'bar-exact'))])], []);
  assert.equal(backendOf(router, 'http://a.com/foo'), 'backend ns/prefix-slash:80');
  assert.equal(backendOf(router, 'http://a.com/bar'), 'backend ns/bar-exact:80');
  assert.equal(backendOf(router, 'http://a.com/bar/x'), 'backend ns/prefix:80');
});

test('Ingress hosts: "*." matches exactly one label; tiers fall through to wildcard, host-less, default backend, 404', () => {
  assert.ok(ingressHostMatches('*.foo.com', 'bar.foo.com'));
  assert.ok(!ingressHostMatches('*.foo.com', 'baz.bar.foo.com'));
  assert.ok(!ingressHostMatches('*.foo.com', 'foo.com'));
  const withDefault = ingress('a', [rule('a.foo.com', p('/api', 'Prefix', 'exact-host')), rule('*.foo.com', p('/web', 'Prefix', 'wildcard')), rule(undefined, p('/health', 'Exact', 'hostless'))], {
    defaultBackend: { type: 'service', name: 'default', port: { number: 80 }, location: loc },
  });
  const router = new IngressRouter([withDefault], []);
  assert.equal(backendOf(router, 'http://a.foo.com/api/v1'), 'backend ns/exact-host:80');
  assert.equal(backendOf(router, 'http://a.foo.com/web'), 'backend ns/wildcard:80');
  assert.equal(backendOf(router, 'http://a.foo.com/health'), 'backend ns/hostless:80');
  assert.equal(backendOf(router, 'http://x.y.foo.com/web'), 'backend ns/default:80');
  const noDefault = new IngressRouter([ingress('b', [rule('a.foo.com', p('/api', 'Prefix', 's'))])], []);
  assert.equal(backendOf(noDefault, 'http://a.foo.com/other'), '404 (no rule and no default backend)');
});

test('Ingress: the same path in two Ingresses goes to the oldest (the first given)', () => {
  const router = new IngressRouter([ingress('old', [rule('a.com', p('/', 'Prefix', 'old'))]), ingress('new', [rule('a.com', p('/', 'Prefix', 'new'))])], []);
  assert.equal(backendOf(router, 'http://a.com/x'), 'backend ns/old:80');
});

// ---------------------------------------------------------------- Gateway API (v1.6 spec, conformance)

const gateway = (listeners: object[], name = 'gw'): Extract<GatewayApiObject, { kind: 'Gateway' }> =>
  ({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name, namespace: 'ns' }, spec: { gatewayClassName: 'c', listeners } }) as never;
const http = { name: 'http', port: 80, protocol: 'HTTP' };
const route = (name: string, hostnames: string[] | undefined, rules: object[], extra: object = {}): GatewayApiObject =>
  ({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name, namespace: 'ns' }, spec: { parentRefs: [{ name: 'gw' }], ...(hostnames ? { hostnames } : {}), rules, ...extra } }) as never;
const to = (type: string, value: string, service: string) => ({ matches: [{ path: { type, value } }], backendRefs: [{ name: service, port: 80 }] });
const gwOutcome = (router: GatewayRouter, url: string, method?: string) => formatOutcome(router.route(probe(url, method)).outcome);

test('HTTPRoute path matching: PathPrefix is element-wise and ignores a trailing slash; Exact is exact', () => {
  assert.ok(gatewayPathMatches('PathPrefix', '/abc', '/abc'));
  assert.ok(gatewayPathMatches('PathPrefix', '/abc', '/abc/'));
  assert.ok(gatewayPathMatches('PathPrefix', '/abc', '/abc/def'));
  assert.ok(!gatewayPathMatches('PathPrefix', '/abc', '/abcd'));
  assert.ok(gatewayPathMatches('PathPrefix', '/abc/', '/abc'));
  assert.ok(gatewayPathMatches('Exact', '/abc', '/abc'));
  for (const no of ['/abc/', '/Abc', '/abcd']) assert.ok(!gatewayPathMatches('Exact', '/abc', no), no);
});

test('conformance HTTPRoutePathMatchOrder: Exact /match beats PathPrefix /match/; longest prefix next', () => {
  const router = new GatewayRouter([gateway([http])], [route('r', undefined, [to('PathPrefix', '/match/', 'prefix-slash'), to('Exact', '/match', 'exact'), to('PathPrefix', '/match', 'prefix'), to('PathPrefix', '/match/exact/one', 'longer')])]);
  assert.equal(gwOutcome(router, 'http://a.com/match'), 'backend ns/exact:80');
  assert.equal(gwOutcome(router, 'http://a.com/match/'), 'backend ns/prefix-slash:80');
  assert.equal(gwOutcome(router, 'http://a.com/match/exact/one/x'), 'backend ns/longer:80');
});

test('hostnames: "*." covers one or more labels, never the apex; the most specific route hostname wins, then falls through', () => {
  assert.ok(gatewayHostMatches('*.example.com', 'test.example.com'));
  assert.ok(gatewayHostMatches('*.example.com', 'foo.test.example.com'));
  assert.ok(!gatewayHostMatches('*.example.com', 'example.com'));
  const router = new GatewayRouter([gateway([http])], [route('exact', ['a.example.com'], [to('PathPrefix', '/api', 'exact')]), route('wild', ['*.example.com'], [to('PathPrefix', '/', 'wild')]), route('none', undefined, [to('PathPrefix', '/', 'none')])]);
  assert.equal(gwOutcome(router, 'http://a.example.com/api'), 'backend ns/exact:80');
  assert.equal(gwOutcome(router, 'http://a.example.com/other'), 'backend ns/wild:80');
  assert.equal(gwOutcome(router, 'http://example.com/other'), 'backend ns/none:80');
});

test('listeners: exact hostname before wildcard before none; no HTTPS listener for a host means no listener', () => {
  const tls = { mode: 'Terminate', certificateRefs: [{ group: '', kind: 'Secret', name: 'c' }] };
  const gw = gateway([http, { name: 'wild', hostname: '*.example.com', port: 443, protocol: 'HTTPS', tls }, { name: 'exact', hostname: 'a.example.com', port: 443, protocol: 'HTTPS', tls }]);
  const router = new GatewayRouter([gw], [route('only-wild', undefined, [to('PathPrefix', '/', 'r')], { parentRefs: [{ name: 'gw', sectionName: 'wild' }] })]);
  assert.equal(gwOutcome(router, 'https://a.example.com/'), '404 (no matching rule)', 'the exact listener is chosen, and the route is not attached to it');
  assert.equal(gwOutcome(router, 'https://b.example.com/'), 'backend ns/r:80');
  assert.match(gwOutcome(router, 'https://other.org/'), /^no listener/);
});

test('route attachment: allowedRoutes Same refuses routes of other namespaces', () => {
  const other = { ...(route('r', undefined, [to('PathPrefix', '/', 'r')]) as object), metadata: { name: 'r', namespace: 'other' } } as GatewayApiObject;
  (other as { spec: { parentRefs: object[] } }).spec.parentRefs = [{ name: 'gw', namespace: 'ns' }];
  assert.equal(gwOutcome(new GatewayRouter([gateway([http])], [other]), 'http://a.com/'), '404 (no matching rule)');
  assert.equal(gwOutcome(new GatewayRouter([gateway([{ ...http, allowedRoutes: { namespaces: { from: 'All' } } }])], [other]), 'http://a.com/'), 'backend other/r:80');
});

test('no backendRefs answers 500; a redirect answers with its Location; a method match outranks none', () => {
  const router = new GatewayRouter(
    [gateway([http])],
    [
      route('r', undefined, [
        { matches: [{ path: { type: 'PathPrefix', value: '/empty' } }] },
        { matches: [{ path: { type: 'PathPrefix', value: '/old' } }], filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] },
        { matches: [{ path: { type: 'PathPrefix', value: '/m' }, method: 'POST' }], backendRefs: [{ name: 'post', port: 80 }] },
        to('PathPrefix', '/m', 'any'),
      ]),
    ],
  );
  assert.equal(gwOutcome(router, 'http://a.com/empty'), '500 (rule without backendRefs)');
  assert.equal(gwOutcome(router, 'http://a.com/old/x'), 'redirect 301 https://a.com/old/x');
  assert.equal(gwOutcome(router, 'http://a.com/m', 'POST'), 'backend ns/post:80');
  assert.equal(gwOutcome(router, 'http://a.com/m', 'GET'), 'backend ns/any:80');
});

test('URLRewrite and RequestHeaderModifier change what the backend receives (spec ReplacePrefixMatch table)', () => {
  const rewrite = (value: string, replacement: string) => ({
    matches: [{ path: { type: 'PathPrefix', value } }],
    filters: [
      { type: 'URLRewrite', urlRewrite: { hostname: 'internal', path: { type: 'ReplacePrefixMatch', replacePrefixMatch: replacement } } },
      { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'X-A', value: '1' }], remove: ['X-B'] } },
    ],
    backendRefs: [{ name: 's', port: 80 }],
  });
  const router = new GatewayRouter([gateway([http])], [route('r', undefined, [rewrite('/foo', '/xyz'), rewrite('/bar', ''), rewrite('/baz', '/')])]);
  const forwarded = (url: string) => {
    const o = router.route(probe(url)).outcome;
    return o.kind === 'backend' ? o.forwarded : undefined;
  };
  assert.deepEqual(forwarded('http://a.com/foo/bar'), { host: 'internal', path: '/xyz/bar', headers: { 'x-a': '1', 'x-b': null } });
  assert.equal(forwarded('http://a.com/bar/x')?.path, '/x');
  assert.equal(forwarded('http://a.com/baz')?.path, '/');
});
