// Regression tests for findings of the code review of the core conversion, each on a minimal input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { convert, type ConvertOptions } from '../src/index.js';
import { loadOutputValidator as loadValidator } from './helpers/gateway-api-schema.js';

const validator = loadValidator();

function run(text: string, options: ConvertOptions = {}) {
  const result = convert([{ name: 'in.yaml', text }], options);
  if (validator) for (const o of result.objects) assert.deepEqual(validator.validate(o), [], `${o.kind} ${o.metadata.name} fails the CRD`);
  const codes = result.diagnostics.map((d) => d.code);
  const names = result.objects.map((o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`);
  return { ...result, codes, names };
}

const ingress = (name: string, namespace: string, spec: string, meta = '') =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: ${name}, namespace: ${namespace}${meta}}\nspec: ${spec}\n---\n`;
const rule = (host: string, path: string, service: string, type = 'Prefix') =>
  `{host: "${host}", http: {paths: [{path: "${path}", pathType: ${type}, backend: {service: {name: ${service}, port: {number: 80}}}}]}}`;

test('routes of two classes for the same host and namespace get distinct names', () => {
  const r = run(ingress('a.b', 'shop', `{ingressClassName: nginx, rules: [${rule('x.example.com', '/', 'one')}]}`) + ingress('a-b', 'shop', `{ingressClassName: traefik, rules: [${rule('x.example.com', '/', 'two')}]}`));
  const routes = r.names.filter((n) => n.startsWith('HTTPRoute'));
  assert.equal(routes.length, 2);
  assert.equal(new Set(routes).size, 2);
});

test('a shared Gateway that is not generated is never split, whatever the number of TLS hosts', () => {
  const hosts = Array.from({ length: 70 }, (_, i) => `h${i}.example.com`);
  const r = run(ingress('many', 'web', `{ingressClassName: nginx, tls: [{hosts: [${hosts.join(', ')}], secretName: cert}], rules: [${hosts.map((h) => rule(h, '/', 'web')).join(', ')}]}`), { sharedGateway: { namespace: 'infra', name: 'shared' } });
  assert.ok(!r.codes.includes('gateway-split'));
  for (const o of r.objects) if (o.kind === 'HTTPRoute') assert.deepEqual(o.spec.parentRefs, [{ name: 'shared', namespace: 'infra' }]);
});

test('a host used in two namespaces of one class is reported', () => {
  const r = run(ingress('a', 'one', `{ingressClassName: nginx, rules: [${rule('s.example.com', '/', 'x')}]}`) + ingress('b', 'two', `{ingressClassName: nginx, rules: [${rule('s.example.com', '/', 'y')}]}`));
  assert.equal(r.codes.filter((c) => c === 'host-across-gateways').length, 1);
});

test('values the apiserver accepts but Gateway API cannot hold are reported, and the rest converts', () => {
  const long = `/${'a'.repeat(1100)}`;
  const r = run(
    ingress('w', 'web', `{ingressClassName: nginx, tls: [{hosts: [a.example.com], secretName: My_Cert}], rules: [${rule('a.example.com', '/', 'web')}, ${rule('a.example.com', long, 'web')}, {host: a.example.com, http: {paths: [{path: /svc, pathType: Prefix, backend: {resource: {kind: Service, name: web}}}, {path: /odd, pathType: Prefix, backend: {resource: {apiGroup: k8s.example.com, kind: "my kind", name: x}}}]}}]}`),
  );
  for (const code of ['invalid-secret-name', 'path-too-long', 'invalid-backend']) assert.ok(r.codes.includes(code as never), code);
  assert.equal(r.codes.filter((c) => c === 'invalid-backend').length, 2);
  assert.ok(!r.codes.includes('internal-error'));
  const route = r.objects.find((o) => o.kind === 'HTTPRoute');
  assert.ok(route && route.kind === 'HTTPRoute');
  assert.deepEqual(route.spec.rules.map((x) => x.matches[0]!.path.value), ['/']);
});

test('JSON with a comment is a syntax error, not a silently ignored document', () => {
  const r = convert([{ name: 'c.json', text: '{\n  // exported\n  "apiVersion": "v1", "kind": "List", "items": []\n}\n' }]);
  const d = r.diagnostics.find((x) => x.code === 'yaml-syntax');
  assert.ok(d, 'syntax error reported');
  assert.equal(d.location?.line, 2);
});

test('host "" means no host; null annotations are still accounted for; Ingress without spec is invalid', () => {
  const r = run(
    ingress('empty-host', 'web', `{ingressClassName: nginx, rules: [${rule('', '/', 'web')}]}`, ', annotations: {nginx.ingress.kubernetes.io/rewrite-target: ~}') +
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: nospec, namespace: web}\n',
  );
  assert.ok(r.names.includes('HTTPRoute web/empty-host-all-hosts'));
  assert.ok(r.diagnostics.some((d) => d.code === 'annotation-not-converted' && d.message.includes('rewrite-target')));
  assert.ok(r.diagnostics.some((d) => d.code === 'ingress-invalid' && d.object?.name === 'nospec'));
});

test('a Service port with a null name still resolves the other named ports', () => {
  const r = run(
    'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: web}\nspec:\n  ports:\n  - name:\n    port: 9090\n  - name: http\n    port: 8080\n---\n' +
      ingress('w', 'web', '{ingressClassName: nginx, rules: [{host: a.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {name: http}}}}]}}]}'),
  );
  assert.deepEqual(r.codes, []);
});

test('an empty class annotation falls back to the default IngressClass', () => {
  const r = run(
    'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: nginx, annotations: {ingressclass.kubernetes.io/is-default-class: "true"}}\n---\n' +
      ingress('w', 'web', `{rules: [${rule('a.example.com', '/', 'web')}]}`, ', annotations: {kubernetes.io/ingress.class: ""}'),
  );
  assert.ok(r.names.includes('Gateway web/nginx'));
});

test('regex paths that differ only by a trailing slash: the longer one wins, as under Ingress', () => {
  const r = run(
    ingress('old', 'web', `{ingressClassName: nginx, rules: [${rule('a.example.com', '/files[1]', 'svc-a')}]}`, ', creationTimestamp: "2020-01-01T00:00:00Z"') +
      ingress('new', 'web', `{ingressClassName: nginx, rules: [${rule('a.example.com', '/files[1]/', 'svc-b')}]}`, ', creationTimestamp: "2024-01-01T00:00:00Z"'),
  );
  const route = r.objects.find((o) => o.kind === 'HTTPRoute');
  assert.ok(route && route.kind === 'HTTPRoute');
  assert.deepEqual(route.spec.rules.map((x) => x.backendRefs[0]!.name), ['svc-b']);
});

test('creationTimestamps are compared as instants, not strings', () => {
  // 11:00+02:00 is 09:00Z: older than 10:00Z, although it sorts after it as a string.
  const r = run(
    ingress('b-late', 'web', `{ingressClassName: nginx, rules: [${rule('a.example.com', '/', 'late')}]}`, ', creationTimestamp: "2024-01-01T10:00:00Z"') +
      ingress('a-early', 'web', `{ingressClassName: nginx, rules: [${rule('a.example.com', '/', 'early')}]}`, ', creationTimestamp: "2024-01-01T11:00:00+02:00"'),
  );
  const route = r.objects.find((o) => o.kind === 'HTTPRoute');
  assert.ok(route && route.kind === 'HTTPRoute');
  assert.equal(route.spec.rules[0]!.backendRefs[0]!.name, 'early');
});

test('YAML merge keys work as kubectl reads them', () => {
  const text = `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: m, namespace: web}\nspec:\n  ingressClassName: nginx\n  rules:\n  - host: a.example.com\n    http:\n      paths:\n      - &p {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}\n      - <<: *p\n        path: /api\n`;
  const r = run(text);
  assert.deepEqual(r.codes, []);
});

test('a YAML stream may start with a flow-style document; only .json files must be strict JSON', () => {
  const doc = '{"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "a", "namespace": "web"}, "spec": {"ingressClassName": "nginx", "defaultBackend": {"service": {"name": "web", "port": {"number": 80}}}}}';
  const r = convert([{ name: 'stream.yaml', text: `${doc}\n---\n${doc.replace('"a"', '"b"')}\n` }]);
  assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.equal(r.stats.readKinds['Ingress'], 2);
});

test('an object nested deeper than the stack allows is reported and skipped; the others are converted', () => {
  const deep = `${'['.repeat(20000)}${']'.repeat(20000)}`;
  const ing = (name: string, host: string, extra = '') =>
    `{"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "${name}"${extra}}, "spec": {"ingressClassName": "nginx", "rules": [{"host": "${host}", "http": {"paths": [{"path": "/", "pathType": "Prefix", "backend": {"service": {"name": "web", "port": {"number": 80}}}}]}}]}}`;
  const text = `{"apiVersion": "v1", "kind": "List", "items": [${ing('deep', 'a.example.com', `, "labels": {"x": ${deep}}`)}, ${ing('ok', 'b.example.com')}]}`;
  const result = convert([{ name: 'in.json', text }]);
  const deepFinding = result.diagnostics.find((d) => d.code === 'object-too-deep');
  assert.ok(deepFinding, 'reported');
  assert.equal(deepFinding.location?.path, 'items[0]');
  assert.deepEqual(result.objects.filter((o) => o.kind === 'HTTPRoute').map((o) => o.metadata.name), ['ok-b-example-com']);
  assert.equal(result.accounting.length, 1, 'no half-read object in the accounting');
});

test('copies differing only in an unknown field are different content (removing it leaves the input as read)', () => {
  const spec = (extra: string) => `{ingressClassName: nginx, ${extra}, rules: [${rule('x.example.com', '/', 'one')}]}`;
  const r = run(ingress('a', 'shop', spec('bogus: 1')) + ingress('a', 'shop', spec('bogus: 2')));
  assert.ok(r.codes.includes('conflicting-duplicate'), r.codes.join(', '));
  assert.ok(!r.codes.includes('duplicate-object'));
  const same = run(ingress('a', 'shop', spec('bogus: 1')) + ingress('a', 'shop', spec('bogus: 1')));
  assert.ok(same.codes.includes('duplicate-object') && !same.codes.includes('conflicting-duplicate'), same.codes.join(', '));
});

test('an unknown field nested up to the depth limit is read and reported (no structuredClone depth limit); deeper, the object is refused', () => {
  const text = (levels: number) => {
    const deep = `${'{"a": '.repeat(levels)}1${'}'.repeat(levels)}`;
    return `{"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "a", "namespace": "web"}, "spec": {"ingressClassName": "nginx", "deep": ${deep}, "defaultBackend": {"service": {"name": "web", "port": {"number": 80}}}}}`;
  };
  const codes = convert([{ name: 'in.json', text: text(190) }]).diagnostics.map((d) => d.code);
  assert.ok(codes.includes('unknown-field') && !codes.includes('object-too-deep'), codes.join(', '));
  const deeper = convert([{ name: 'in.json', text: text(2200) }]).diagnostics.map((d) => d.code);
  assert.ok(deeper.includes('object-too-deep') && !deeper.includes('unknown-field'), deeper.join(', '));
});

test('a field or annotation named __proto__ is an ordinary key, whether or not the object has null fields', () => {
  const spec = `{__proto__: {ingressClassName: evil}, ingressClassName: nginx, rules: [${rule('p.example.com', '/', 'svc')}]}`;
  for (const meta of ['', ', labels: null']) {
    const r = run(ingress('p', 'ns1', spec, meta));
    const gateway = r.objects.find((o) => o.kind === 'Gateway') as { spec: { gatewayClassName: string } } | undefined;
    assert.equal(gateway?.spec.gatewayClassName, 'nginx', meta);
    assert.ok(r.diagnostics.some((d) => d.code === 'unknown-field' && d.location?.path === 'spec.__proto__'), `${meta}: ${r.codes.join(', ')}`);
  }
  for (const extra of ['', ', "labels": null', ', "labels": {"a": 1}']) {
    const text = `{"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "q", "namespace": "ns1"${extra}, "annotations": {"__proto__": "x"}}, "spec": {"ingressClassName": "nginx", "defaultBackend": {"service": {"name": "svc", "port": {"number": 80}}}}}`;
    const result = convert([{ name: 'in.json', text }]);
    const entry = result.accounting[0]!.entries.find((e) => e.kind === 'annotation');
    assert.equal(entry?.name, '__proto__', extra);
    assert.ok(result.diagnostics.some((d) => d.annotation === '__proto__'), `${extra}: the annotation has a finding`);
  }
});

test('the shared-Service caveat names every other Ingress sending to the Service once, svc-namespace included', () => {
  const ingress = (name: string, namespace: string, annotations: Record<string, string>, services: string[]) =>
    `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\n  annotations: ${JSON.stringify(annotations)}\nspec:\n  ingressClassName: apisix\n  rules:\n  - host: ${name}.example.com\n    http:\n      paths:\n${services.map((s, i) => `      - path: /p${i}\n        pathType: Prefix\n        backend: {service: {name: ${s}, port: {number: 80}}}\n`).join('')}`;
  const text = [
    ingress('owner', 'shop', { 'k8s.apisix.apache.org/upstream-retries': '2' }, ['api']),
    ingress('twice', 'shop', {}, ['api', 'api']), // listed once
    ingress('other-ns', 'web', { 'k8s.apisix.apache.org/svc-namespace': 'shop' }, ['api']), // its backends live in shop
    ingress('same-name-elsewhere', 'web', {}, ['api']), // web/api is another Service
    ingress('tuned-too', 'shop', { 'k8s.apisix.apache.org/upstream-retries': '2' }, ['api']), // has its own settings
    ingress('unrelated', 'shop', {}, ['web']),
  ].join('---\n');
  const result = convert([{ name: 'shared.yaml', text }], { target: 'apisix-ingress-controller@2' });
  const caveats = result.diagnostics.filter((d) => d.message.includes('as a whole, so also to'));
  assert.deepEqual(
    caveats.map((d) => `${d.object?.name}: ${/so also to (.*), which/.exec(d.message)?.[1]}`),
    ['owner: Ingress shop/twice, Ingress web/other-ns'],
  );
});

test('object identity hashes: the createHash fallback (Node before 20.12) gives what the one-shot hash gives', async () => {
  const { sha256OneShot, sha256Streamed } = await import('../src/parsers/index.js');
  const texts = ['', 'a', '{"kind":"Ingress"}', 'é ✓ 𝄞', 'x'.repeat(100_000)];
  if (sha256OneShot) for (const text of texts) assert.equal(sha256Streamed(text), sha256OneShot(text), text.slice(0, 20));
  // Known value, so neither side can drift unnoticed.
  assert.equal(sha256Streamed('abc'), 'ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=');
});

test('route-split names five of the routes a host is split into and counts the rest (a host with 2,000 rules made one message list 125)', () => {
  const paths = Array.from({ length: 200 }, (_, i) => `      - {path: /p${i}, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}`).join('\n');
  const text = `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: big, namespace: shop}\nspec:\n  ingressClassName: nginx\n  rules:\n  - host: big.example.com\n    http:\n      paths:\n${paths}\n`;
  const result = convert([{ name: 'big.yaml', text }]);
  const split = result.diagnostics.filter((d) => d.code === 'route-split');
  assert.equal(split.length, 1);
  assert.match(split[0]!.message, /split into 13 HTTPRoutes big-big-example-com, big-big-example-com-2, big-big-example-com-3, big-big-example-com-4, big-big-example-com-5 and 8 more with the same hostnames/);
  assert.equal(result.objects.filter((o) => o.kind === 'HTTPRoute').length, 13);
});

test('a text that starts like JSON but holds a key with a broken escape is reported, not a crash (found by fuzzing the YAML reader)', () => {
  for (const text of ['  {host: h},\n    q: "multi\n"a\\', '{"a\\": 1, "items": []}', '{"ite\\ms": [1]}']) {
    const r = convert([{ name: 'in.yaml', text }]);
    assert.ok(r.diagnostics.some((d) => d.code === 'yaml-syntax'), `${JSON.stringify(text)}: ${r.diagnostics.map((d) => d.code).join(', ')}`);
  }
});
