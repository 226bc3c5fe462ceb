// `ing2gw verify` on every golden fixture: no unreported divergence; and the divergences the
// converter announces (wildcards, unresolvable ports, SNI-only TLS) are listed as expected.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConversionTrace, convertToGatewayApi } from '../src/converters/gateway-api/index.js';
import { InputReader } from '../src/parsers/index.js';
import { DiagnosticSink } from '../src/reporter/sink.js';
import { verifyConversion } from '../src/verify/index.js';
import { goldenCases } from './helpers/golden.js';
import { repoRoot } from './helpers/repo.js';
import { runCliCaptured } from './helpers/run-cli.js';

for (const c of goldenCases()) {
  test(`verify: ${c.name} has no unreported divergence`, async () => {
    process.chdir(repoRoot);
    const run = await runCliCaptured(['verify', c.input, ...c.args, '--report', 'json']);
    const report = JSON.parse(run.stdout) as { version: number; summary: { probes: number; unreported: number; expected: number }; divergences: { status: string; explainedBy: { code: string }[] }[] };
    assert.equal(report.version, 1);
    assert.equal(report.summary.unreported, 0, JSON.stringify(report.divergences.filter((d) => d.status === 'unreported').slice(0, 3), null, 2));
    assert.equal(run.exitCode, 0);
    assert.ok(report.summary.probes > 0);
  });
}

test('verify lists the announced divergences as expected, with the finding that announced them', async () => {
  process.chdir(repoRoot);
  const cases: [string, string][] = [
    ['fixtures/wildcard-host/input.yaml', 'wildcard-host'],
    ['fixtures/named-ports/input.yaml', 'service-not-found'],
    ['fixtures/named-ports/input.yaml', 'service-port-not-found'],
    ['fixtures/tls-without-secret/input.yaml', 'tls-without-secret'],
  ];
  for (const [input, code] of cases) {
    const run = await runCliCaptured(['verify', input]);
    assert.equal(run.exitCode, 0);
    assert.match(run.stdout, new RegExp(`^expected divergence \\[[^\\]]*${code}`, 'm'), `${input}: ${code}`);
    assert.match(run.stdout, /^verify: \d+ requests over \d+ Gateway scopes?; \d+ divergences? \(\d+ expected, 0 unreported\)$/m);
  }
  const wildcard = await runCliCaptured(['verify', 'fixtures/wildcard-host/input.yaml']);
  // A two-label subdomain: Ingress "*." does not match it, the Gateway API wildcard does.
  assert.match(wildcard.stdout, /GET http:\/\/two\.one\.example\.com\/ \(tenants\/nginx\)\n {2}ingress: 404/);
});

test('an Exact rule kept beside Prefix "<same>/" would change routing: verify shows it, explained by exact-path-shadowed', () => {
  const file = join(repoRoot, 'fixtures/exact-shadowed-by-prefix/input.yaml');
  const sink = new DiagnosticSink();
  const reader = new InputReader({ defaultNamespace: 'default' }, sink);
  reader.addSource({ name: file, text: readFileSync(file, 'utf8') });
  const model = reader.model();
  const trace = new ConversionTrace();
  const objects = convertToGatewayApi(model, {}, sink, trace);
  // Put back what the converter left out: Exact "/v1" of Ingress api/api, as a naive converter would.
  const api = model.ingresses.find((i) => i.name === 'api')!;
  const exact = api.rules.flatMap((r) => r.paths).find((p) => p.pathType === 'Exact' && p.path === '/v1')!;
  const route = objects.find((o) => o.kind === 'HTTPRoute' && o.spec.hostnames?.[0] === 'api.example.com');
  assert.ok(route && route.kind === 'HTTPRoute');
  const rule = { matches: [{ path: { type: 'Exact' as const, value: '/v1' } }], backendRefs: [{ name: 'api-v1-index', port: 80 }] };
  trace.note(rule, exact.location);
  route.spec.rules.push(rule);
  const result = verifyConversion({ model, objects, diagnostics: sink.items, trace });
  const divergence = result.divergences.find((d) => d.probe.host === 'api.example.com' && d.probe.path === '/v1');
  assert.ok(divergence, 'the Exact-vs-Prefix divergence is found');
  assert.deepEqual([...new Set(divergence.explainedBy.map((e) => e.code))], ['exact-path-shadowed']);
  assert.equal(result.unreported, 0);
});
