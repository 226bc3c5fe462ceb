// --to adc: every fixture converts to schema-valid ADC; ids, names, labels, uris and plugins as
// APISIX Ingress Controller 2.x writes them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { crc32Hex } from '../src/common/crc32.js';
import { convert } from '../src/index.js';
import { loadAdcValidator } from './helpers/adc-schema.js';
import { goldenCases } from './helpers/golden.js';
import { repoRoot } from './helpers/repo.js';
import { runCliCaptured } from './helpers/run-cli.js';
import { sharedSkip } from './helpers/shared.js';

const validator = loadAdcValidator();
const skip = sharedSkip('adc');

for (const c of goldenCases()) {
  test(`adc: ${c.name} converts to schema-valid ADC`, { skip }, async () => {
    process.chdir(repoRoot);
    const args = c.args.filter((a, i, all) => !['--gateway', '--create-gateway', '--gateway-class'].includes(a) && !['--gateway', '--gateway-class'].includes(all[i - 1] ?? ''));
    const run = await runCliCaptured(['convert', c.input, ...args, '--to', 'adc', '--fail-on', 'never']);
    assert.equal(run.exitCode, 0, run.stderr);
    const config = (parse(run.stdout) as object | null) ?? {};
    assert.deepEqual(validator!(config), []);
  });
}

test('crc32 ids as AIC computes them (Go %x of crc32.ChecksumIEEE)', () => {
  assert.equal(crc32Hex('default_httpbin_0-0'), 'ff8a9d9');
  assert.equal(crc32Hex('123456789'), 'cbf43926');
});

const ingress = (annotations: Record<string, string>, extra = '') => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: httpbin
  namespace: default
  annotations: ${JSON.stringify(Object.fromEntries(Object.entries(annotations).map(([k, v]) => [`k8s.apisix.apache.org/${k}`, v])))}
spec:
  ingressClassName: apisix
  rules:
  - host: "httpbin.example"
    http:
      paths:
      - {path: /api, pathType: Prefix, backend: {service: {name: httpbin, port: {number: 80}}}}
      - {path: "/re/(a|b)", pathType: ImplementationSpecific, backend: {service: {name: httpbin, port: {number: 80}}}}
${extra}`;

test('the AIC shape: one service per path, names, ids, labels, uris, regex vars, upstream settings', () => {
  const { adc } = convert([{ name: 'in.yaml', text: ingress({ 'enable-cors': 'true', 'upstream-retries': '3', 'use-regex': 'true', 'upstream-read-timeout': '5s' }) }], { to: 'adc' });
  const [first, second] = adc!.services!;
  assert.equal(first!.name, 'default_httpbin_0-0');
  assert.equal(first!.id, 'ff8a9d9');
  assert.equal(first!.routes[0]!.id, 'ff8a9d9');
  assert.deepEqual(first!.hosts, ['httpbin.example']);
  assert.deepEqual(first!.labels, { 'k8s/controller-name': 'apisix.apache.org/apisix-ingress-controller', 'k8s/kind': 'Ingress', 'k8s/name': 'httpbin', 'k8s/namespace': 'default', 'manager-by': 'apisix-ingress-controller' });
  assert.deepEqual(first!.routes[0]!.uris, ['/api', '/api/*']);
  assert.deepEqual(first!.routes[0]!.plugins, { cors: { allow_origins: '*', allow_headers: '*', allow_methods: '*' } });
  assert.deepEqual(first!.upstream, { type: 'roundrobin', labels: { 'managed-by': 'apisix-ingress-controller' }, retries: 3, timeout: { connect: 60, send: 60, read: 5 }, nodes: [{ host: 'httpbin.default.svc.cluster.local', port: 80, weight: 1 }] });
  assert.deepEqual(second!.routes[0]!.uris, ['/*']);
  assert.deepEqual(second!.routes[0]!.vars, [['uri', '~~', '/re/(a|b)']]);
});

test('all 38 annotations become the plugins AIC 2.x writes', async () => {
  process.chdir(repoRoot);
  const run = await runCliCaptured(['convert', 'fixtures/apisix-annotations-api7/input.yaml', '--to', 'adc', '--verbose']);
  const config = parse(run.stdout) as { services: { routes: { plugins: Record<string, unknown>; enable_websocket?: boolean }[]; upstream: Record<string, unknown> }[] };
  const route = config.services[0]!.routes[0]!;
  assert.equal(route.enable_websocket, true);
  assert.deepEqual(Object.keys(route.plugins).sort(), ['basic-auth', 'cors', 'csrf', 'fault-injection', 'forward-auth', 'key-auth', 'proxy-rewrite', 'redirect', 'response-rewrite'].filter((p) => p !== 'basic-auth').sort());
  assert.deepEqual(route.plugins['redirect'], { http_to_https: true });
  assert.deepEqual(route.plugins['proxy-rewrite'], { uri: '/v2' });
  assert.deepEqual(route.plugins['fault-injection'], { abort: { http_status: 405, vars: [[['request_method', '!', 'in', ['GET', 'POST']]]] } });
  assert.deepEqual(route.plugins['cors'], { allow_origins: 'https://shop.example.com,https://admin.example.com', allow_headers: 'Content-Type,Authorization', allow_methods: 'GET,POST' });
  assert.deepEqual(route.plugins['csrf'], { key: 'not-a-real-key' });
  assert.deepEqual(route.plugins['key-auth'], {});
  assert.deepEqual(route.plugins['forward-auth'], { uri: 'http://auth.shop.svc:8080/verify', ssl_verify: false, request_headers: ['Authorization'], upstream_headers: ['X-User-ID'], client_headers: ['Location'] });
  assert.deepEqual(route.plugins['response-rewrite'], { status_code: 200, body: 'ok', body_base64: false, headers: { add: ['X-Shop:1'], set: { 'Cache-Control': 'no-store' }, remove: ['Server'] } });
  // Both IP lists are set in the input: AIC would emit both, which APISIX rejects; we report and leave it out.
  assert.equal(route.plugins['ip-restriction'], undefined);
  assert.deepEqual(config.services[0]!.upstream['scheme'], 'https');
  assert.match(run.stderr, /annotation-invalid\].*allowlist-source-range/);
});

test('one-label wildcards, longest prefix via priority, default backend catch-all, TLS with and without the Secret', () => {
  const text = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: w, namespace: web}
spec:
  ingressClassName: apisix
  defaultBackend: {service: {name: fallback, port: {number: 80}}}
  tls: [{hosts: ["*.example.com"], secretName: wild}, {hosts: [a.example.com], secretName: missing}]
  rules:
  - host: "*.example.com"
    http:
      paths:
      - {path: /foo, pathType: Prefix, backend: {service: {name: a, port: {number: 80}}}}
      - {path: /foo/, pathType: Prefix, backend: {service: {name: b, port: {number: 80}}}}
---
apiVersion: v1
kind: Secret
metadata: {name: wild, namespace: web}
type: kubernetes.io/tls
data: {tls.crt: ${Buffer.from('-----BEGIN CERTIFICATE-----\n' + 'A'.repeat(200) + '\n-----END CERTIFICATE-----\n').toString('base64')}, tls.key: ${Buffer.from('-----BEGIN PRIVATE KEY-----\n' + 'B'.repeat(64) + '\n-----END PRIVATE KEY-----\n').toString('base64')}}
`;
  const { adc, diagnostics } = convert([{ name: 'in.yaml', text }], { to: 'adc' });
  const services = adc!.services!;
  const foo = services.find((s) => s.name === 'web_w_0-0')!.routes[0]!;
  const fooSlash = services.find((s) => s.name === 'web_w_0-1')!.routes[0]!;
  assert.deepEqual(foo.vars, [['host', '~~', '^[^.]+\\.example\\.com$']]);
  assert.ok(fooSlash.priority! > foo.priority!, 'the longer prefix wins where both match /foo/*');
  const fallback = services.find((s) => s.name === 'web_w_default-backend')!;
  assert.deepEqual(fallback.routes[0]!.uris, ['/*']);
  assert.equal(fallback.hosts, undefined);
  const [wild, missing] = adc!.ssls!;
  assert.deepEqual(wild!.snis, ['*.example.com']);
  assert.match(wild!.certificates[0]!.certificate, /BEGIN CERTIFICATE/);
  assert.equal(wild!.id, crc32Hex('Ingress_web_w_0'));
  assert.deepEqual(missing!.certificates[0], { certificate: '$secret://kubernetes/web/missing/tls.crt', key: '$secret://kubernetes/web/missing/tls.key' });
  assert.ok(diagnostics.some((d) => d.code === 'tls-key-material'));
  assert.ok(diagnostics.some((d) => d.code === 'tls-secret-reference'));
  if (validator) assert.deepEqual(validator(adc), []);
});

test('--adc-ids none leaves ids out; --adc-discovery kubernetes uses service discovery', () => {
  const { adc } = convert([{ name: 'in.yaml', text: ingress({}) }], { to: 'adc', adcIds: 'none', adcDiscovery: 'kubernetes' });
  const s = adc!.services![0]!;
  assert.equal(s.id, undefined);
  assert.equal(s.routes[0]!.id, undefined);
  assert.deepEqual(s.upstream, { type: 'roundrobin', labels: { 'managed-by': 'apisix-ingress-controller' }, discovery_type: 'kubernetes', service_name: 'default/httpbin:80' });
});
