// Annotations of the tools around Ingress: cert-manager and external-dns annotations move to the
// Gateway API object the tool reads; bookkeeping annotations are counted, never reported one by one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { convert, type ConvertOptions } from '../src/index.js';
import { annotationTable } from '../src/parsers/ingress/annotations.js';
import { countAccounting } from '../src/reporter/accounting.js';
import { formatMarkdownReport } from '../src/reporter/formats/markdown.js';
import { buildReport } from '../src/reporter/report.js';

function ingress(name: string, namespace: string, created: string, annotations: Record<string, string>, host: string | undefined, tls?: { hosts: string[]; secretName: string }): string {
  const meta = Object.entries(annotations).map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`);
  return [
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${namespace}`,
    `  creationTimestamp: "${created}"`,
    ...(meta.length > 0 ? ['  annotations:', ...meta] : []),
    'spec:',
    '  ingressClassName: nginx',
    ...(tls ? ['  tls:', `    - secretName: ${tls.secretName}`, ...(tls.hosts.length > 0 ? ['      hosts:', ...tls.hosts.map((h) => `        - ${h}`)] : [])] : []),
    '  rules:',
    `    - ${host ? `host: ${host}\n      ` : ''}http:`,
    '        paths:',
    '          - path: /',
    '            pathType: Prefix',
    '            backend:',
    `              service: {name: ${name}, port: {number: 80}}`,
  ].join('\n');
}

const run = (docs: string[], options: ConvertOptions = {}) => convert([{ name: 'in.yaml', text: docs.join('\n---\n') }], options);

test('bookkeeping annotations of every ignored family: no finding, counted as ignored', () => {
  const ignored = annotationTable.filter((r) => r.status === 'ignored');
  assert.ok(ignored.length >= 7, 'kubectl, change-cause, deployment, Helm, Argo CD, Flux (two)');
  const annotations = Object.fromEntries(ignored.map((r, i) => [r.key.endsWith('/') ? `${r.key}name-${i}` : r.key, `v${i}`]));
  const result = run([ingress('app', 'web', '2024-01-01T00:00:00Z', annotations, 'app.example.com')]);
  assert.deepEqual(result.diagnostics.filter((d) => d.annotation || d.location?.path.includes('annotations')), []);
  assert.equal(countAccounting(result.accounting).annotations.ignored, ignored.length);
  const markdown = formatMarkdownReport(buildReport(result, 'test'));
  const listed = markdown.split('\n').filter((line) => line.startsWith('| Ingress'));
  for (const key of Object.keys(annotations)) assert.ok(!listed.some((line) => line.includes(key)), `${key} is listed one by one in the markdown report`);
  assert.match(markdown, /Bookkeeping annotations ignored: .*`meta\.helm\.sh\/\*` 1/);
});

test('cert-manager: carried to the generated Gateway; an unknown cert-manager.io key is still reported', () => {
  const result = run([ingress('app', 'web', '2024-01-01T00:00:00Z', { 'cert-manager.io/issuer': 'ca', 'cert-manager.io/private-key-algorithm': 'ECDSA', 'cert-manager.io/inject-ca-from': 'web/x' }, 'app.example.com', { hosts: ['app.example.com'], secretName: 'app-tls' })]);
  const gateway = result.objects.find((o) => o.kind === 'Gateway')!;
  assert.deepEqual(gateway.metadata.annotations, { 'cert-manager.io/issuer': 'ca', 'cert-manager.io/private-key-algorithm': 'ECDSA' });
  assert.deepEqual(
    result.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code} ${d.annotation}`),
    ['annotation-not-converted cert-manager.io/inject-ca-from'],
  );
  for (const route of result.objects.filter((o) => o.kind === 'HTTPRoute')) assert.equal(route.metadata.annotations, undefined);
});

test('cert-manager: the oldest Ingress wins whatever the input order, and the other is reported at its annotation', () => {
  const older = ingress('a', 'web', '2024-01-01T00:00:00Z', { 'cert-manager.io/cluster-issuer': 'prod' }, 'a.example.com', { hosts: ['a.example.com'], secretName: 'a-tls' });
  const younger = ingress('b', 'web', '2024-02-01T00:00:00Z', { 'cert-manager.io/cluster-issuer': 'staging' }, 'b.example.com', { hosts: ['b.example.com'], secretName: 'b-tls' });
  for (const docs of [[older, younger], [younger, older]]) {
    const result = run(docs);
    assert.deepEqual(result.objects.find((o) => o.kind === 'Gateway')!.metadata.annotations, { 'cert-manager.io/cluster-issuer': 'prod' });
    const conflicts = result.diagnostics.filter((d) => d.code === 'annotation-conflict');
    assert.deepEqual(conflicts.map((d) => `${d.object?.name} ${d.annotation}`), ['b cert-manager.io/cluster-issuer']);
  }
});

test('cert-manager on a generated shared Gateway: a Secret in another namespace gets no Certificate', () => {
  const result = run([ingress('a', 'web', '2024-01-01T00:00:00Z', { 'cert-manager.io/cluster-issuer': 'prod' }, 'a.example.com', { hosts: ['a.example.com'], secretName: 'a-tls' })], { sharedGateway: { namespace: 'infra', name: 'shared' }, createSharedGateway: true });
  const skipped = result.diagnostics.filter((d) => d.code === 'cert-manager-listener-skipped');
  assert.equal(skipped.length, 1);
  assert.match(skipped[0]!.message, /Secret web\/a-tls .*not in the Gateway's namespace infra/);
  const tls = result.accounting[0]!.entries.filter((e) => e.name.startsWith('spec.tls[0]'));
  assert.ok(tls.length > 0 && tls.every((e) => e.status === 'caveat'), JSON.stringify(tls));
});

test('an existing shared Gateway: what its owner must set is reported; HTTPRoutes still carry external-dns annotations', () => {
  const result = run(
    [ingress('a', 'web', '2024-01-01T00:00:00Z', { 'cert-manager.io/cluster-issuer': 'prod', 'external-dns.alpha.kubernetes.io/target': 'lb.example.net', 'external-dns.alpha.kubernetes.io/ttl': '60' }, 'a.example.com', { hosts: ['a.example.com'], secretName: 'a-tls' })],
    { sharedGateway: { namespace: 'infra', name: 'shared' } },
  );
  assert.equal(result.objects.some((o) => o.kind === 'Gateway'), false);
  const owner = result.diagnostics.filter((d) => d.code === 'annotation-on-shared-gateway');
  assert.deepEqual(owner.map((d) => d.annotation), ['cert-manager.io/cluster-issuer', 'external-dns.alpha.kubernetes.io/target']);
  assert.match(owner[0]!.message, /owner of Gateway infra\/shared must set cert-manager\.io\/cluster-issuer="prod"/);
  const routes = result.objects.filter((o) => o.kind === 'HTTPRoute');
  assert.ok(routes.length > 0);
  for (const route of routes) assert.deepEqual(route.metadata.annotations, { 'external-dns.alpha.kubernetes.io/ttl': '60' });
  const statuses = Object.fromEntries(result.accounting[0]!.entries.filter((e) => e.kind === 'annotation').map((e) => [e.name, e.status]));
  assert.deepEqual(statuses, { 'cert-manager.io/cluster-issuer': 'not-converted', 'external-dns.alpha.kubernetes.io/target': 'not-converted', 'external-dns.alpha.kubernetes.io/ttl': 'converted' });
});

test('external-dns: every HTTPRoute of the Ingress carries its route annotations, the default-backend route too; the setup is said once', () => {
  const text = `${ingress('a', 'web', '2024-01-01T00:00:00Z', { 'external-dns.alpha.kubernetes.io/hostname': 'extra.example.com', 'external-dns.alpha.kubernetes.io/ingress-hostname-source': 'annotation-only' }, 'a.example.com')}
    - host: b.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: a, port: {number: 80}}
  defaultBackend:
    service: {name: fallback, port: {number: 80}}`;
  const result = run([text]);
  const routes = result.objects.filter((o) => o.kind === 'HTTPRoute');
  assert.equal(routes.length, 3);
  for (const route of routes) assert.deepEqual(route.metadata.annotations, { 'external-dns.alpha.kubernetes.io/gateway-hostname-source': 'annotation-only', 'external-dns.alpha.kubernetes.io/hostname': 'extra.example.com' });
  assert.equal(result.objects.find((o) => o.kind === 'Gateway')!.metadata.annotations, undefined);
  assert.equal(result.diagnostics.filter((d) => d.code === 'ecosystem-setup').length, 1);
  assert.deepEqual(result.diagnostics.filter((d) => d.severity !== 'info'), []);
});

test('ADC output: cert-manager and external-dns do not apply, said at each annotation', () => {
  const result = run(
    [ingress('a', 'web', '2024-01-01T00:00:00Z', { 'cert-manager.io/cluster-issuer': 'prod', 'acme.cert-manager.io/http01-ingress-class': 'nginx', 'external-dns.alpha.kubernetes.io/hostname': 'x.example.com', 'meta.helm.sh/release-name': 'a' }, 'a.example.com', { hosts: ['a.example.com'], secretName: 'a-tls' })],
    { to: 'adc' },
  );
  const found = result.diagnostics.filter((d) => d.annotation).map((d) => `${d.code} ${d.annotation}`);
  assert.deepEqual(found.sort(), ['annotation-not-converted acme.cert-manager.io/http01-ingress-class', 'annotation-not-converted cert-manager.io/cluster-issuer', 'annotation-not-converted external-dns.alpha.kubernetes.io/hostname']);
  assert.match(result.diagnostics.find((d) => d.annotation === 'cert-manager.io/cluster-issuer')!.message, /cert-manager does not apply to ADC output; the ssl takes its certificate from Secret web\/a-tls/);
});

test('external-dns: an Ingress whose every path another Ingress already routes has its route annotations reported, not dropped', () => {
  const older = ingress('a', 'web', '2024-01-01T00:00:00Z', {}, 'a.example.com');
  const younger = ingress('b', 'web', '2024-02-01T00:00:00Z', { 'external-dns.alpha.kubernetes.io/ttl': '60' }, 'a.example.com');
  const result = run([older, younger]);
  for (const route of result.objects.filter((o) => o.kind === 'HTTPRoute')) assert.equal(route.metadata.annotations, undefined);
  const found = result.diagnostics.filter((d) => d.annotation === 'external-dns.alpha.kubernetes.io/ttl');
  assert.deepEqual(found.map((d) => `${d.code} ${d.object?.name}`), ['annotation-not-converted b']);
  assert.equal(result.diagnostics.filter((d) => d.code === 'ecosystem-setup').length, 0);
});
