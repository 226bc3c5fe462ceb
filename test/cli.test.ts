// The real binary, spawned: `node bin/ing2gw.js …` with stdout, stderr and the exit status checked
// separately. Inputs are written inline (template strings) or to a temporary directory.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { ingress } from './helpers/manifests.js';
import { repoRoot } from './helpers/repo.js';

const bin = join(repoRoot, 'bin', 'ing2gw.js');
const ANSI = /\u001b\[/;

interface Run {
  stdout: string;
  stderr: string;
  status: number | null;
}

/** The environment of the child: ours, minus colour switches and the test runner's own variables. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['NO_COLOR', 'FORCE_COLOR', 'NODE_TEST_CONTEXT', 'NODE_OPTIONS']) delete env[key];
  return { ...env, ...extra };
}

/** Runs the binary; stdin is a pipe that receives `input` (empty by default) and is then closed. */
function run(args: readonly string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, env: childEnv(options.env ?? { NO_COLOR: '1' }), stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout, stderr, status }));
    child.stdin.end(options.input ?? '');
  });
}

/** Runs a shell command line under a pseudo-terminal (util-linux `script`); stdout and stderr are merged. */
function runInTerminal(commandLine: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', commandLine, '/dev/null'], { cwd: repoRoot, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout, stderr, status }));
  });
}

const hasScript = await new Promise<boolean>((resolve) => {
  const child = spawn('script', ['--version'], { stdio: 'ignore' });
  child.on('error', () => resolve(false));
  child.on('close', (code) => resolve(code === 0));
});

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: Record<string, unknown>;
}

function objectsOf(yamlText: string): K8sObject[] {
  return parseAllDocuments(yamlText).map((d) => {
    assert.deepEqual(d.errors, [], 'stdout is valid YAML');
    return d.toJS() as K8sObject;
  });
}

const kinds = (objects: readonly K8sObject[]) => objects.map((o) => o.kind);
const routeNames = (objects: readonly K8sObject[]) => objects.filter((o) => o.kind === 'HTTPRoute').map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
const reportLines = (stderr: string, level: string) => stderr.split('\n').filter((l) => l.startsWith(`${level}[`));


/** 1-based number of the first line of `text` that contains `needle` (after line `from`). */
function lineOf(text: string, needle: string, from = 0): number {
  const lines = text.split('\n');
  for (let i = from; i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
  throw new Error(`${JSON.stringify(needle)} not found`);
}

// `kubectl get ingress,svc -A -o yaml`: managedFields, status, the last-applied annotation, uid,
// resourceVersion, generation, and a named port resolved through the Service.
const kubectlList = `apiVersion: v1
items:
- apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata:
    annotations:
      kubectl.kubernetes.io/last-applied-configuration: |
        {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"annotations":{},"name":"grafana","namespace":"monitoring"},"spec":{"ingressClassName":"nginx","rules":[{"host":"grafana.example.com","http":{"paths":[{"backend":{"service":{"name":"grafana","port":{"name":"service"}}},"path":"/","pathType":"Prefix"}]}}]}}
    creationTimestamp: "2024-11-04T09:12:44Z"
    generation: 1
    managedFields:
    - apiVersion: networking.k8s.io/v1
      fieldsType: FieldsV1
      fieldsV1:
        f:metadata:
          f:annotations:
            .: {}
            f:kubectl.kubernetes.io/last-applied-configuration: {}
        f:spec:
          f:ingressClassName: {}
          f:rules: {}
      manager: kubectl-client-side-apply
      operation: Update
      time: "2024-11-04T09:12:44Z"
    - apiVersion: networking.k8s.io/v1
      fieldsType: FieldsV1
      fieldsV1:
        f:status:
          f:loadBalancer:
            f:ingress: {}
      manager: nginx-ingress-controller
      operation: Update
      subresource: status
      time: "2024-11-04T09:13:21Z"
    name: grafana
    namespace: monitoring
    resourceVersion: "48213907"
    uid: 6f1c2d0e-8a51-4c8e-9b7a-2f0d4e5a9c13
  spec:
    ingressClassName: nginx
    rules:
    - host: grafana.example.com
      http:
        paths:
        - backend:
            service:
              name: grafana
              port:
                name: service
          path: /
          pathType: Prefix
  status:
    loadBalancer:
      ingress:
      - ip: 203.0.113.24
- apiVersion: v1
  kind: Service
  metadata:
    creationTimestamp: "2024-11-04T09:10:58Z"
    labels:
      app.kubernetes.io/name: grafana
    name: grafana
    namespace: monitoring
    resourceVersion: "48212766"
    uid: 9a0e4c57-3f12-4b8d-8c6e-d1f7a2b5c349
  spec:
    clusterIP: 10.96.203.15
    ports:
    - name: service
      port: 80
      protocol: TCP
      targetPort: 3000
    selector:
      app.kubernetes.io/name: grafana
    type: ClusterIP
  status:
    loadBalancer: {}
kind: List
metadata:
  resourceVersion: ""
`;

// `kubectl get ingress -A -o json`
const kubectlJson = JSON.stringify(
  {
    apiVersion: 'v1',
    items: [
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: {
          annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"networking.k8s.io/v1","kind":"Ingress"}\n' },
          creationTimestamp: '2025-02-17T14:03:09Z',
          generation: 3,
          managedFields: [{ apiVersion: 'networking.k8s.io/v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:rules': {} } }, manager: 'kubectl', operation: 'Update', time: '2025-02-17T14:03:09Z' }],
          name: 'storefront',
          namespace: 'shop',
          resourceVersion: '51877342',
          uid: 'b2e4a7c9-15d3-4f60-8e21-7c9a0d3f6b58',
        },
        spec: {
          ingressClassName: 'nginx',
          rules: [
            {
              host: 'shop.example.com',
              http: {
                paths: [
                  { backend: { service: { name: 'storefront', port: { number: 80 } } }, path: '/', pathType: 'Prefix' },
                  { backend: { service: { name: 'checkout', port: { number: 8080 } } }, path: '/checkout', pathType: 'Exact' },
                ],
              },
            },
          ],
          tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
        },
        status: { loadBalancer: { ingress: [{ ip: '203.0.113.24' }] } },
      },
    ],
    kind: 'List',
    metadata: { resourceVersion: '' },
  },
  null,
  4,
);

let tmp = '';
const file = (relative: string, text: string): string => {
  const path = join(tmp, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
};

before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ing2gw-cli-'));
});
after(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('ing2gw (spawned)', { concurrency: 4 }, () => {
  test('stdin: a kubectl List piped with "-" and with no path at all; kubectl noise is not reported', async () => {
    for (const args of [['convert', '-'], ['convert']]) {
      const { stdout, stderr, status } = await run(args, { input: kubectlList });
      const objects = objectsOf(stdout);
      assert.deepEqual(kinds(objects), ['Gateway', 'HTTPRoute'], `${args.join(' ')}: stdout`);
      const route = objects[1]!;
      assert.deepEqual(route.metadata, { name: 'grafana-grafana-example-com', namespace: 'monitoring' });
      assert.deepEqual((route.spec as { rules: { backendRefs: unknown[] }[] }).rules[0]!.backendRefs, [{ name: 'grafana', port: 80 }], 'named port resolved through the Service');
      assert.doesNotMatch(stderr, /annotation-not-converted|unknown-field|managedFields|last-applied|status|resourceVersion|uid/, `${args.join(' ')}: stderr`);
      assert.deepEqual([...reportLines(stderr, 'error'), ...reportLines(stderr, 'warning')], []);
      assert.match(stderr, /^summary: 1 Ingress read \(1 Service, 0 IngressClasses\) from 1 document in 1 source;/m);
      assert.equal(status, 0);
    }
  });

  test('stdin named twice ("- -") is read once', async () => {
    const { stdout, stderr, status } = await run(['convert', '-', '-'], { input: kubectlList });
    assert.deepEqual(kinds(objectsOf(stdout)), ['Gateway', 'HTTPRoute']);
    assert.doesNotMatch(stderr, /duplicate-object/);
    assert.match(stderr, /in 1 source;/);
    assert.equal(status, 0);
  });

  // Read order itself is not observable in the output (which is the point); what is: exactly the
  // manifest files are read, and the report lists findings in sorted file order.
  test('a directory: nested, .yaml/.yml/.json read, other files ignored, report in sorted file order', async () => {
    const dir = join(tmp, 'tree');
    file('tree/b.yaml', ingress('beta', 'beta.example.com'));
    // The same object as b.yaml: the copy in the file that sorts first is the one kept.
    file('tree/a/z.yml', ingress('beta', 'beta.example.com'));
    file('tree/a/deeper/c.json', JSON.stringify({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'gamma', namespace: 'web' }, spec: { ingressClassName: 'nginx', rules: [{ host: 'gamma.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'gamma', port: { number: 80 } } } }] } }] } }));
    file('tree/nested/d.yaml', ingress('delta', 'delta.example.com'));
    file('tree/notes.txt', 'this: is: not: yaml: [\n');
    file('tree/README.md', '# not a manifest\n- : [\n');
    file('tree/nested/script.sh', 'kind: Ingress\n');
    const { stdout, stderr, status } = await run(['convert', dir, '--verbose']);
    assert.deepEqual(routeNames(objectsOf(stdout)), ['web/beta-beta-example-com', 'web/delta-delta-example-com', 'web/gamma-gamma-example-com']);
    assert.match(stderr, /from 4 documents in 4 sources;/, 'the 4 manifests, nothing else');
    assert.doesNotMatch(stderr, /notes\.txt|README\.md|script\.sh|yaml-syntax/);
    // a/z.yml sorts before b.yaml: the duplicate is reported at b.yaml and names a/z.yml.
    const lines = stderr.split('\n');
    const dup = lines.findIndex((l) => l.startsWith('warning[duplicate-object]'));
    assert.ok(dup >= 0, stderr);
    assert.ok(lines[dup]!.startsWith(`warning[duplicate-object] ${join(dir, 'b.yaml')}:1:1 `), lines[dup]);
    assert.ok(lines[dup + 1]!.includes(`${join(dir, 'a', 'z.yml')} (doc 1)`), lines[dup + 1]);
    const files = lines.map((l) => /^\w+\[[\w-]+\] (\S+?):\d+:\d+ /.exec(l)?.[1]).filter((f): f is string => f !== undefined);
    assert.deepEqual(files, [...files].sort(), 'findings in sorted file order');
    assert.equal(status, 0);
  });

  test('JSON input (kubectl -o json List) and -o json output: one List', async () => {
    const path = file('kubectl.json', kubectlJson);
    const { stdout, stderr, status } = await run(['convert', path, '-o', 'json']);
    const list = JSON.parse(stdout) as { apiVersion: string; kind: string; items: K8sObject[] };
    assert.equal(list.apiVersion, 'v1');
    assert.equal(list.kind, 'List');
    assert.deepEqual(kinds(list.items), ['Gateway', 'HTTPRoute']);
    const gateway = list.items[0]!;
    assert.deepEqual(gateway.metadata, { name: 'nginx', namespace: 'shop' });
    const listeners = (gateway.spec as { listeners: { name: string; hostname?: string; port: number }[] }).listeners;
    assert.deepEqual(listeners.map((l) => [l.port, l.hostname]), [[80, undefined], [443, 'shop.example.com']]);
    assert.equal(stdout.trimEnd().split('\n').length > 1, true, 'pretty-printed');
    assert.doesNotMatch(stderr, /annotation-not-converted|unknown-field|managedFields/);
    assert.deepEqual(reportLines(stderr, 'error'), []);
    assert.equal(status, 0);
  });

  test('-o json on standard input gives the same objects as YAML output', async () => {
    const yamlRun = await run(['convert', '-'], { input: kubectlList });
    const jsonRun = await run(['convert', '-', '--output', 'json'], { input: kubectlList });
    assert.deepEqual((JSON.parse(jsonRun.stdout) as { items: unknown[] }).items, objectsOf(yamlRun.stdout));
    assert.equal(jsonRun.stderr, yamlRun.stderr);
    assert.equal(jsonRun.status, 0);
  });

  test('one malformed document among ten: 9 routes, error[yaml-syntax] at its line, exit 1', async () => {
    const tools = ['grafana', 'prometheus', 'alertmanager', 'loki', 'tempo', 'kibana', 'jaeger', 'argocd', 'vault', 'harbor'];
    const docs = tools.map((t) => ingress(t, `${t}.ops.example.com`, { namespace: 'ops' }));
    // Document 6: "http:" indented one column deeper than "host:".
    docs[5] = docs[5]!.replace('\n    http:', '\n     http:');
    const text = docs.join('---\n');
    const path = file('ten.yaml', text);
    const brokenDocStart = lineOf(text, 'name: kibana') - 3;
    const hostLine = lineOf(text, 'host: kibana.ops.example.com');
    const { stdout, stderr, status } = await run(['convert', path]);
    const routes = routeNames(objectsOf(stdout));
    assert.equal(routes.length, 9);
    assert.ok(!routes.some((r) => r.includes('kibana')), routes.join(', '));
    const errors = reportLines(stderr, 'error');
    assert.equal(errors.length, 1, stderr);
    const m = /^error\[yaml-syntax\] (.+):(\d+):(\d+) \(doc (\d+)\) \S/.exec(errors[0]!);
    assert.ok(m, errors[0]);
    assert.equal(m[1], path);
    assert.equal(m[4], '6', 'the 6th document');
    const line = Number(m[2]);
    assert.ok(line >= brokenDocStart, `line ${line} is inside the broken document (from line ${brokenDocStart})`);
    assert.ok(line === hostLine || line === hostLine + 1, `line ${line}: the "host:" line ${hostLine} or the mis-indented "http:" line ${hostLine + 1}`);
    assert.match(stderr, /^summary: 9 Ingresses read .* from 10 documents in 1 source; 10 objects emitted \(Gateway: 1, HTTPRoute: 9\); 1 error, 0 warnings/m);
    assert.equal(status, 1);
  });

  test('an Ingress violating its schema (pathType Prefixx): error[ingress-invalid] at the field, the others converted, exit 1', async () => {
    const docs = [ingress('one', 'one.example.com'), ingress('two', 'two.example.com', { pathType: 'Prefixx' }), ingress('three', 'three.example.com')];
    const text = docs.join('---\n');
    const path = file('schema.yaml', text);
    const line = lineOf(text, 'pathType: Prefixx');
    const col = text.split('\n')[line - 1]!.indexOf('pathType') + 1;
    const { stdout, stderr, status } = await run(['convert', path]);
    assert.deepEqual(routeNames(objectsOf(stdout)), ['web/one-one-example-com', 'web/three-three-example-com']);
    const errors = reportLines(stderr, 'error');
    assert.equal(errors.length, 1, stderr);
    assert.ok(
      errors[0]!.startsWith(`error[ingress-invalid] ${path}:${line}:${col} (doc 2, spec.rules[0].http.paths[0].pathType) Ingress web/two: `),
      `${errors[0]} should name ${path}:${line}:${col}`,
    );
    assert.match(errors[0]!, /Prefixx/, 'the bad value is quoted');
    assert.equal(status, 1);
  });

  test('a missing file alone: exit 2, error[input-unreadable], nothing on stdout', async () => {
    const missing = join(tmp, 'does-not-exist.yaml');
    const { stdout, stderr, status } = await run(['convert', missing]);
    assert.equal(stdout, '');
    assert.match(stderr, new RegExp(`^error\\[input-unreadable\\] cannot read ${missing.replace(/[.]/g, '\\.')}: no such file or directory$`, 'm'));
    assert.equal(status, 2);
  });

  test('a missing file beside a readable one: exit 1, the readable one converted', async () => {
    const good = file('good.yaml', ingress('good', 'good.example.com'));
    const missing = join(tmp, 'missing', 'nope.yaml');
    const { stdout, stderr, status } = await run(['convert', missing, '-f', good]);
    assert.deepEqual(routeNames(objectsOf(stdout)), ['web/good-good-example-com']);
    assert.deepEqual(reportLines(stderr, 'error').map((l) => l.split(' ')[0]), ['error[input-unreadable]']);
    assert.equal(status, 1);
  });

  test('a directory without manifests: exit 2, nothing on stdout', async () => {
    file('empty-tree/notes.txt', 'nothing here\n');
    const { stdout, stderr, status } = await run(['convert', join(tmp, 'empty-tree')]);
    assert.equal(stdout, '');
    assert.match(stderr, /in 0 sources/);
    assert.equal(status, 2);
  });

  // Was questionable: exit 2 with only "…in 0 sources…; 0 errors…" on stderr and no line saying why.
  test('a directory without manifests says why it exits 2', async () => {
    file('empty-tree-2/notes.txt', 'nothing here\n');
    const { stderr, status } = await run(['convert', join(tmp, 'empty-tree-2')]);
    assert.equal(status, 2);
    assert.match(stderr, /^error\[/m);
  });

  test('the same manifests in other files, order and formatting give byte-identical stdout', async () => {
    const docs = [ingress('one', 'one.example.com', { tlsSecret: 'one-tls' }), ingress('two', 'one.example.com').replace('path: /', 'path: /two'), ingress('three', 'three.example.com', { namespace: 'other' })];
    file('perm-a/x.yaml', docs.join('---\n'));
    file('perm-b/a.yaml', docs[2]!);
    file('perm-b/sub/b.json', JSON.stringify(objectsOf(docs[1]!)[0]));
    file('perm-b/c.yml', `---\n${docs[0]}...\n`);
    const a = await run(['convert', join(tmp, 'perm-a')]);
    const b = await run(['convert', '-f', join(tmp, 'perm-b')]);
    assert.equal(a.status, 0, a.stderr);
    assert.equal(b.status, 0, b.stderr);
    assert.equal(kinds(objectsOf(a.stdout)).join(','), 'Gateway,Gateway,HTTPRoute,HTTPRoute');
    assert.equal(b.stdout, a.stdout);
  });

  for (const [what, args, message] of [
    ['an unknown flag', ['convert', '--bogus', '-'], /unknown option '--bogus'/],
    ['--gateway without a slash', ['convert', '--gateway', 'bad', '-'], /--gateway must be NAMESPACE\/NAME/],
    ['--gateway with an invalid namespace', ['convert', '--gateway', 'Infra/shared', '-'], /--gateway must be NAMESPACE\/NAME/],
    ['--create-gateway without --gateway', ['convert', '--create-gateway', '-'], /--create-gateway needs --gateway/],
    ['-o xml', ['convert', '-o', 'xml', '-'], /argument 'xml' is invalid/],
    ['--to something else', ['convert', '--to', 'istio', '-'], /argument 'istio' is invalid/],
    ['-n with an invalid namespace', ['convert', '-n', 'Not_A_Label', '-'], /--namespace must be a DNS-1123 label/],
    ['--gateway-class with an invalid name', ['convert', '--gateway-class', 'Bad_Name', '-'], /--gateway-class must be a DNS-1123 name/],
    ['an unknown command', ['migrate', '-'], /unknown command 'migrate'/],
  ] as const) {
    test(`usage error: ${what} → exit 2, message on stderr, nothing on stdout`, async () => {
      const { stdout, stderr, status } = await run(args, { input: kubectlList });
      assert.equal(stdout, '');
      assert.match(stderr, /error/);
      assert.match(stderr, message);
      assert.equal(status, 2);
    });
  }

  test('--version and -V print the package.json version', async () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const { stdout, stderr, status } = await run([flag]);
      assert.equal(stdout, `${version}\n`);
      assert.equal(stderr, '');
      assert.equal(status, 0);
    }
  });

  test('--help and convert --help exit 0 with usage on stdout', async () => {
    const top = await run(['--help']);
    assert.match(top.stdout, /^Usage: ing2gw /);
    assert.match(top.stdout, /convert/);
    assert.equal(top.stderr, '');
    assert.equal(top.status, 0);
    const sub = await run(['convert', '--help']);
    assert.match(sub.stdout, /^Usage: ing2gw convert /);
    for (const flag of ['--filename', '--output', '--ingress-class', '--gateway-class', '--gateway', '--create-gateway', '--namespace', '--no-color']) assert.ok(sub.stdout.includes(flag), flag);
    assert.equal(sub.stderr, '');
    assert.equal(sub.status, 0);
  });

  test('no command at all: help on stderr, exit 2', async () => {
    const { stdout, stderr, status } = await run([]);
    assert.equal(stdout, '');
    assert.match(stderr, /Usage: ing2gw/);
    assert.equal(status, 2);
  });

  test('--ingress-class selects Ingresses; the others are listed as skipped', async () => {
    const input = [ingress('public', 'www.example.com'), ingress('internal', 'intra.example.com', { className: 'traefik' }), ingress('legacy', 'old.example.com', { className: 'haproxy' })].join('---\n');
    const { stdout, stderr, status } = await run(['convert', '--ingress-class', 'nginx', '--ingress-class', 'haproxy', '--verbose', '-'], { input });
    const objects = objectsOf(stdout);
    assert.deepEqual(objects.filter((o) => o.kind === 'Gateway').map((o) => o.metadata.name), ['haproxy', 'nginx']);
    assert.deepEqual(routeNames(objects), ['web/legacy-old-example-com', 'web/public-www-example-com']);
    const skipped = reportLines(stderr, 'info').filter((l) => l.startsWith('info[skipped-by-class]'));
    assert.equal(skipped.length, 1, stderr);
    assert.match(skipped[0]!, /Ingress web\/internal: class "traefik" is not selected/);
    assert.equal(status, 0);
  });

  test('--gateway ns/name: routes attach to the shared Gateway, none is generated', async () => {
    const input = [ingress('shop', 'shop.example.com', { namespace: 'shop', tlsSecret: 'shop-tls' }), ingress('blog', 'blog.example.com', { namespace: 'blog' })].join('---\n');
    const { stdout, stderr, status } = await run(['convert', '--gateway', 'infra/shared', '--verbose', '-'], { input });
    const objects = objectsOf(stdout);
    assert.deepEqual(kinds(objects), ['HTTPRoute', 'HTTPRoute']);
    for (const route of objects) assert.deepEqual(route.spec?.['parentRefs'], [{ name: 'shared', namespace: 'infra' }]);
    assert.match(stderr, /^(?:info|warning)\[tls-on-shared-gateway\] .*host shop\.example\.com needs an HTTPS listener on Gateway infra\/shared with certificate Secret shop\/shop-tls/m);
    assert.equal(status, 0);
  });

  test('--gateway ns/name --create-gateway: the shared Gateway and ReferenceGrants are generated', async () => {
    const input = [ingress('shop', 'shop.example.com', { namespace: 'shop', tlsSecret: 'shop-tls' }), ingress('blog', 'blog.example.com', { namespace: 'blog' })].join('---\n');
    const { stdout, stderr, status } = await run(['convert', '--gateway', 'infra/shared', '--create-gateway', '--gateway-class', 'eg', '-'], { input });
    const objects = objectsOf(stdout);
    assert.deepEqual(kinds(objects), ['Gateway', 'ReferenceGrant', 'HTTPRoute', 'HTTPRoute']);
    const [gateway, grant] = objects as [K8sObject, K8sObject];
    assert.deepEqual(gateway.metadata, { name: 'shared', namespace: 'infra' });
    assert.equal(gateway.spec?.['gatewayClassName'], 'eg');
    const listeners = gateway.spec?.['listeners'] as { name: string; port: number; hostname?: string; allowedRoutes?: unknown; tls?: { certificateRefs: unknown[] } }[];
    for (const l of listeners) assert.deepEqual(l.allowedRoutes, { namespaces: { from: 'All' } }, l.name);
    const https = listeners.find((l) => l.hostname === 'shop.example.com');
    assert.deepEqual(https?.tls?.certificateRefs, [{ group: '', kind: 'Secret', name: 'shop-tls', namespace: 'shop' }]);
    assert.equal(grant.metadata.namespace, 'shop');
    assert.deepEqual(grant.spec?.['to'], [{ group: '', kind: 'Secret', name: 'shop-tls' }]);
    assert.deepEqual(grant.spec?.['from'], [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'infra' }]);
    for (const route of objects.slice(2)) assert.deepEqual(route.spec?.['parentRefs'], [{ name: 'shared', namespace: 'infra' }]);
    assert.doesNotMatch(stderr, /tls-on-shared-gateway/);
    assert.equal(status, 0);
  });

  // An input with a warning and an info, so that the report has something to colour.
  const noisy = `${ingress('web', 'www.example.com')}`.replace('  name: web\n', '  name: web\n  annotations:\n    nginx.ingress.kubernetes.io/rewrite-target: /\n');

  test('colour: never on a non-TTY stderr, with NO_COLOR, or with FORCE_COLOR', async () => {
    for (const env of [{ NO_COLOR: '1' }, {}, { FORCE_COLOR: '3' }] as Record<string, string>[]) {
      const { stdout, stderr, status } = await run(['convert', '-'], { input: noisy, env });
      assert.match(stderr, /^1 × warning\[annotation-not-converted\]/m, JSON.stringify(env));
      assert.doesNotMatch(stderr, ANSI, `no ANSI escapes in stderr with env ${JSON.stringify(env)}`);
      assert.doesNotMatch(stdout, ANSI);
      assert.equal(status, 0);
    }
  });

  test('colour on a terminal: on by default, off with NO_COLOR or --no-color; no input on a terminal is a usage error', { skip: hasScript ? false : 'util-linux `script` (pseudo-terminal) not available' }, async () => {
    const path = file('noisy.yaml', noisy);
    const command = (extra = '') => `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} convert ${extra} ${JSON.stringify(path)} >/dev/null`;
    const coloured = await runInTerminal(command(), {});
    assert.match(coloured.stdout, ANSI, 'a terminal gets colours');
    assert.match(coloured.stdout, /annotation-not-converted/);
    assert.equal(coloured.status, 0);
    for (const [extra, env] of [['', { NO_COLOR: '1' }], ['--no-color', {}]] as const) {
      const plain = await runInTerminal(command(extra), env);
      assert.match(plain.stdout, /annotation-not-converted/);
      assert.doesNotMatch(plain.stdout, ANSI, `no colours with ${extra || JSON.stringify(env)}`);
      assert.equal(plain.status, 0);
    }
    const noInput = await runInTerminal(`${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} convert`, { NO_COLOR: '1' });
    assert.match(noInput.stdout, /error: no input/);
    assert.equal(noInput.status, 2);
  });

  test('verify: stdin, text and JSON reports on stdout, conversion report on stderr, exit 0; usage errors exit 2', async () => {
    const input = ingress('web', 'a.example.com', { namespace: 'shop', className: 'nginx' });
    const text = await run(['verify', '-'], { input });
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^verify: \d+ requests over 1 Gateway scope; 0 divergences \(0 expected, 0 unreported\)$/m);
    assert.match(text.stderr, /^summary: /m);
    const json = await run(['verify', '--report', 'json', '-'], { input });
    assert.equal(json.status, 0);
    assert.equal((JSON.parse(json.stdout) as { summary: { unreported: number } }).summary.unreported, 0);
    const bad = await run(['verify', '--report', 'xml', '-'], { input });
    assert.equal(bad.status, 2);
    assert.equal(bad.stdout, '');
  });

  test('progress: shown on a terminal past a few hundred documents, never on a pipe', { skip: hasScript ? false : 'util-linux `script` (pseudo-terminal) not available' }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ing2gw-progress-'));
    try {
      const file = join(dir, 'many.yaml');
      writeFileSync(file, Array.from({ length: 600 }, (_, i) => ingress(`app-${i}`, `h${i}.example.com`, { namespace: 'shop', className: 'nginx' })).join('---\n'));
      const onTerminal = await runInTerminal(`${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} convert ${JSON.stringify(file)} > /dev/null`, { NO_COLOR: '1' });
      assert.equal(onTerminal.status, 0);
      assert.match(onTerminal.stdout, /read 600 documents/);
      const piped = await run(['convert', file]);
      assert.doesNotMatch(piped.stderr, /documents\r|reading:/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
