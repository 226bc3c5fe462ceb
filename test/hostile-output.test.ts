// Hostile input against the converters and verify: invalid and catastrophic regexes, out-of-range
// numbers, values Ingress takes but Gateway API cannot hold (next to good Ingresses on the same
// host), and names such as "__proto__" where objects are keyed by name.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { convert, verify, type ConversionResult, type ConvertOptions } from '../src/index.js';
import { loadAdcValidator } from './helpers/adc-schema.js';
import { loadOutputValidator } from './helpers/gateway-api-schema.js';
import { repoRoot } from './helpers/repo.js';

const gatewayValidator = loadOutputValidator();
const adcValidator = loadAdcValidator();

interface PathSpec {
  path: string;
  service?: string;
  port?: number;
}

function ingress(name: string, annotations: Record<string, string>, paths: PathSpec[], extra: { labels?: Record<string, string>; host?: string } = {}): object {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: 'default', ...(extra.labels ? { labels: extra.labels } : {}), annotations: Object.fromEntries(Object.entries(annotations).map(([k, v]) => [k.includes('/') ? k : `k8s.apisix.apache.org/${k}`, v])) },
    spec: {
      ingressClassName: 'apisix',
      rules: [
        {
          host: extra.host ?? 'a.example.com',
          http: { paths: paths.map((p) => ({ path: p.path, pathType: 'ImplementationSpecific', backend: { service: { name: p.service ?? 'svc', port: { number: p.port ?? 80 } } } })) },
        },
      ],
    },
  };
}

const yamlOf = (...objects: object[]) => objects.map((o) => stringify(o)).join('---\n');
const source = (text: string) => [{ name: 'in.yaml', text }];

function assertValidOutput(result: ConversionResult, label: string): void {
  assert.deepEqual(
    result.diagnostics.filter((d) => d.code === 'internal-error').map((d) => d.message),
    [],
    `${label}: internal error`,
  );
  if (gatewayValidator) for (const o of result.objects) assert.deepEqual(gatewayValidator.validate(o), [], `${label}: schema`);
  if (result.adc && adcValidator) assert.deepEqual(adcValidator(result.adc), [], `${label}: ADC schema`);
}

test('a use-regex path that is no regular expression is a located finding, not emitted, and verify does not crash', () => {
  const text = yamlOf(ingress('re', { 'use-regex': 'true' }, [{ path: '/(((' }, { path: '/ok/.*' }]));
  for (const options of [{ to: 'adc' }, { target: 'generic' }, { target: 'apisix-ingress-controller@2' }] as ConvertOptions[]) {
    const label = JSON.stringify(options);
    const result = verify(source(text), options);
    assertValidOutput(result, label);
    const finding = result.diagnostics.find((d) => d.code === 'path-regex-invalid');
    assert.equal(finding?.location?.path, 'spec.rules[0].http.paths[0]', label);
    const emitted = JSON.stringify(result.adc ?? result.objects);
    assert.ok(!emitted.includes('(((') && emitted.includes('/ok/.*'), `${label}: the invalid path is left out, the other one kept`);
    assert.equal(result.verification.unreported, 0, label);
  }
});

test('out-of-range numbers in annotations are findings that say what AIC does, never emitted', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['response-rewrite-status-code', { 'enable-response-rewrite': 'true', 'response-rewrite-status-code': '99999999999999999999', 'response-rewrite-body': 'x' }, /AIC leaves the status unchanged/],
    ['response-rewrite-status-code', { 'enable-response-rewrite': 'true', 'response-rewrite-status-code': '1000', 'response-rewrite-body': 'x' }, /APISIX rejects the response-rewrite plugin/],
    ['upstream-retries', { 'upstream-retries': '99999999999999999999' }, /AIC drops every upstream annotation/],
    ['upstream-read-timeout', { 'upstream-read-timeout': '99999999999999999999s' }, /AIC drops every upstream annotation/],
  ];
  for (const [key, annotations, consequence] of cases) {
    const result = convert(source(yamlOf(ingress('num', annotations, [{ path: '/' }]))), { to: 'adc' });
    assertValidOutput(result, key);
    const finding = result.diagnostics.find((d) => d.code === 'annotation-invalid' && d.annotation === `k8s.apisix.apache.org/${key}`);
    assert.match(finding?.message ?? '', consequence, key);
    const emitted = JSON.stringify(result.adc);
    assert.ok(!/e\+20|100000000000000000000|:1000\b/.test(emitted), `${key}: ${emitted}`);
  }
});

test('verify runs regexes with nested quantifiers in linear time', () => {
  // "(a+)+$" on "/aaa…a!" backtracks exponentially: 28 "a" took 43 s in JavaScript's engine.
  const text = yamlOf(ingress('nested', { 'use-regex': 'true' }, [{ path: '/(a+)+$' }, { path: `/${'a'.repeat(40)}!`, service: 'other' }]));
  for (const args of [['--to', 'adc'], ['--target', 'generic'], ['--target', 'apisix-ingress-controller@2']]) {
    const started = Date.now();
    const run = spawnSync(process.execPath, [join(repoRoot, 'bin', 'ing2gw.js'), 'verify', ...args, '-'], { input: text, encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.signal, null, `${args.join(' ')}: verify was stopped after ${Date.now() - started} ms`);
    assert.match(run.stdout + run.stderr, /^verify: \d+ requests/m, args.join(' '));
  }
});

/** Values Ingress (or an annotation) takes and Gateway API cannot hold, on Ingress B beside a good Ingress A on one host. */
const limits: { name: string; annotations?: Record<string, string>; path?: PathSpec; at: string; targets?: string[] }[] = [
  { name: 'rewrite-target of 1,100 characters', annotations: { 'rewrite-target': `/${'r'.repeat(1100)}` }, at: 'metadata.annotations["k8s.apisix.apache.org/rewrite-target"]' },
  { name: 'Service name of 300 characters (and an upstream policy for it)', annotations: { 'upstream-retries': '3' }, path: { path: '/b', service: 's'.repeat(300) }, at: 'spec.rules[0].http.paths[0].backend' },
  { name: 'empty response header value', annotations: { 'enable-response-rewrite': 'true', 'response-rewrite-set-header': 'X-Empty:' }, at: 'metadata.annotations["k8s.apisix.apache.org/response-rewrite-set-header"]' },
  { name: 'response header value over 4096 characters', annotations: { 'enable-response-rewrite': 'true', 'response-rewrite-add-header': `X-Big:${'v'.repeat(5000)}` }, at: 'metadata.annotations["k8s.apisix.apache.org/response-rewrite-add-header"]' },
  { name: '17 response headers to remove', annotations: { 'enable-response-rewrite': 'true', 'response-rewrite-remove-header': Array.from({ length: 17 }, (_, i) => `X-H${i}`).join(',') }, at: 'metadata.annotations["k8s.apisix.apache.org/response-rewrite-remove-header"]' },
  { name: 'redirect to a wildcard hostname', annotations: { 'http-redirect': 'http://*.example.org/x' }, at: 'metadata.annotations["k8s.apisix.apache.org/http-redirect"]', targets: ['generic'] },
  { name: 'redirect to port 0', annotations: { 'http-redirect': 'https://example.org:0/x' }, at: 'metadata.annotations["k8s.apisix.apache.org/http-redirect"]', targets: ['generic'] },
  { name: 'redirect to a path of 1,100 characters', annotations: { 'http-redirect': `/${'p'.repeat(1100)}` }, at: 'metadata.annotations["k8s.apisix.apache.org/http-redirect"]', targets: ['generic'] },
  { name: 'redirect to a hostname over 253 characters', annotations: { 'http-redirect': `https://${'h.'.repeat(130)}org/` }, at: 'metadata.annotations["k8s.apisix.apache.org/http-redirect"]', targets: ['generic'] },
];

for (const c of limits) {
  test(`Gateway API limit, ${c.name}: left out and reported at its place; the shared route keeps the good Ingress`, () => {
    const text = yamlOf(ingress('a-good', {}, [{ path: '/a' }]), ingress('b-bad', c.annotations ?? {}, [c.path ?? { path: '/b' }]));
    // (The APISIX Ingress Controller target redirects with the redirect plugin, which holds any URL.)
    for (const target of c.targets ?? ['generic', 'apisix-ingress-controller@2']) {
      const label = `${target}: ${c.name}`;
      const result = convert(source(text), { target });
      assertValidOutput(result, label);
      const routes = result.objects.filter((o) => o.kind === 'HTTPRoute');
      assert.ok(JSON.stringify(routes).includes('"/a"'), `${label}: Ingress A's path is still routed`);
      const findings = result.diagnostics.filter((d) => d.code === 'gateway-api-limit');
      assert.ok(findings.length > 0, `${label}: no gateway-api-limit finding`);
      for (const f of findings) {
        assert.equal(f.object?.name, 'b-bad', label);
        assert.equal(f.location?.path, c.at, label);
      }
      // The annotation, or the field and what is under it.
      const key = c.at.replace(/^metadata\.annotations\["(.*)"\]$/, '$1');
      const entries = result.accounting.find((a) => a.object.name === 'b-bad')!.entries.filter((e) => e.name === key || e.name === c.at || e.name.startsWith(`${c.at}.`));
      assert.ok(entries.length > 0, `${label}: ${c.at} is accounted for`);
      for (const e of entries) assert.deepEqual([e.name, e.status, e.code], [e.name, 'not-converted', 'gateway-api-limit'], `${label}: accounting follows what was emitted`);
    }
  });
}

test('"__proto__", "constructor" and "toString" are ordinary names of plugins, headers, annotations and labels', () => {
  const pluginConfig = {
    apiVersion: 'apisix.apache.org/v2',
    kind: 'ApisixPluginConfig',
    metadata: { name: 'odd', namespace: 'default' },
    spec: { plugins: ['__proto__', 'constructor', 'toString'].map((name) => ({ name, enable: true, config: { [name]: name } })) },
  };
  const text = yamlOf(
    pluginConfig,
    ingress(
      'odd',
      { 'plugin-config-name': 'odd', 'enable-response-rewrite': 'true', 'response-rewrite-set-header': '__proto__:a,constructor:b,toString:c', 'k8s.apisix.apache.org/__proto__': 'x', 'example.com/constructor': 'y' },
      [{ path: '/' }],
      { labels: { __proto__: 'l', constructor: 'm' } as Record<string, string> },
    ),
  );
  const adc = convert(source(text), { to: 'adc' });
  assertValidOutput(adc, 'adc');
  const route = adc.adc!.services![0]!.routes[0]!;
  for (const name of ['__proto__', 'constructor', 'toString']) {
    assert.ok(Object.hasOwn(route.plugins!, name), `ADC plugin ${name}`);
    assert.deepEqual(route.plugins![name], { [name]: name });
    assert.equal((route.plugins!['response-rewrite']!['headers'] as { set: Record<string, string> }).set[name], new Map([['__proto__', 'a'], ['constructor', 'b'], ['toString', 'c']]).get(name));
  }
  assert.equal(Object.getPrototypeOf(route.plugins), Object.prototype);
  const aic = convert(source(text), { target: 'apisix-ingress-controller@2' });
  assertValidOutput(aic, 'aic');
  const plugins = aic.objects.find((o) => o.kind === 'PluginConfig')!.spec as { plugins: { name: string }[] };
  for (const name of ['__proto__', 'constructor', 'toString']) assert.ok(plugins.plugins.some((p) => p.name === name), `PluginConfig plugin ${name}`);
  const generic = convert(source(text), { target: 'generic' });
  assertValidOutput(generic, 'generic');
  const set = JSON.stringify(generic.objects.find((o) => o.kind === 'HTTPRoute'));
  for (const name of ['__proto__', 'constructor', 'toString']) assert.ok(set.includes(`{"name":"${name}","value"`), `header ${name}`);
  for (const result of [adc, aic, generic]) {
    assert.ok(result.diagnostics.some((d) => d.code === 'unknown-annotation' && d.annotation === 'k8s.apisix.apache.org/__proto__'));
    const names = result.accounting[0]!.entries.map((e) => e.name);
    for (const key of ['k8s.apisix.apache.org/__proto__', 'example.com/constructor']) assert.ok(names.includes(key), key);
  }
});
