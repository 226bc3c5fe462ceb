// The reporter: conservation on every fixture, the support matrix data, every report format (SARIF
// checked by Microsoft's own validator), --fail-on, --check and --out-dir.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { apisixAnnotationKeys } from '../src/parsers/apisix/annotations.js';
import { findTarget, targets } from '../src/matrix/targets.js';
import { goldenCases } from './helpers/golden.js';
import { repoRoot } from './helpers/repo.js';
import { runCliCaptured } from './helpers/run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'ing2gw-report-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function manifestFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((n) => manifestFiles(join(path, n)))
    .filter((f) => /\.(ya?ml|json)$/.test(f));
}

/** Leaves under spec and annotation keys of every Ingress, counted straight from the YAML. */
function expectedEntries(files: string[]): number {
  let count = 0;
  const leaves = (v: unknown): number =>
    Array.isArray(v) && v.length > 0 ? v.reduce((n: number, x) => n + leaves(x), 0) : v !== null && typeof v === 'object' && Object.keys(v).length > 0 ? Object.values(v).reduce((n: number, x) => n + leaves(x), 0) : 1;
  const visit = (o: unknown, listKind?: string) => {
    if (!o || typeof o !== 'object') return;
    const obj = o as { kind?: string; items?: unknown[]; metadata?: { annotations?: Record<string, unknown> }; spec?: unknown };
    if (Array.isArray(obj.items) && (obj.kind ?? '').endsWith('List')) {
      for (const item of obj.items) visit(item, obj.kind === 'List' ? undefined : obj.kind!.slice(0, -4));
      return;
    }
    if ((obj.kind ?? listKind) !== 'Ingress') return;
    count += Object.keys(obj.metadata?.annotations ?? {}).length;
    if (obj.spec !== undefined && obj.spec !== null) count += leaves(JSON.parse(JSON.stringify(obj.spec, (_k, v: unknown) => (v === null ? undefined : v))));
  };
  for (const file of files) {
    // Repeated keys are read as kubectl reads them: the last one counts.
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'), { uniqueKeys: false, logLevel: 'error' })) {
      if (doc.errors.length > 0) continue;
      visit(doc.toJS());
    }
  }
  return count;
}

interface JsonReport {
  version: number;
  target: string;
  summary: { errors: number; warnings: number };
  diagnostics: { code: string }[];
  objects: { object: { name: string }; location: { file: string; doc: number }; entries: { kind: string; name: string; status: string; location: { path: string }; matrix?: { note: string; level: string; changed?: string } }[] }[];
}

for (const c of goldenCases()) {
  test(`conservation: every annotation and spec field of ${c.name} is accounted for exactly once`, async () => {
    process.chdir(repoRoot);
    const run = await runCliCaptured(['report', c.input, ...c.args, '--report', 'json', '--fail-on', 'never']);
    assert.equal(run.exitCode, 0, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    const entries = report.objects.flatMap((o) => o.entries.map((e) => `${o.location.file}|${o.location.doc}|${e.kind}|${e.location.path}|${e.name}`));
    assert.equal(new Set(entries).size, entries.length, 'an element is accounted twice');
    assert.equal(entries.length, expectedEntries(manifestFiles(join(repoRoot, c.input))), 'an element is missing from the accounting');
    const statuses = new Set(['converted', 'caveat', 'not-converted', 'unsupported-by-target', 'ignored', 'unknown', 'invalid']);
    for (const o of report.objects) for (const e of o.entries) assert.ok(statuses.has(e.status), e.status);
  });
}

test('support matrix: the seeds\' tables are complete for every controller target', () => {
  for (const id of ['api7-ingress-controller@3.8', 'apisix-ingress-controller@2.0-rc', 'apisix-ingress-controller@2']) {
    const t = findTarget(id)!;
    const resources = t.rows.filter((r) => r.subject.kind === 'resource').map((r) => (r.subject as { resource: string }).resource);
    assert.deepEqual(resources, ['GatewayClass', 'Gateway', 'HTTPRoute', 'GRPCRoute', 'ReferenceGrant', 'TLSRoute', 'TCPRoute', 'UDPRoute', 'BackendTLSPolicy']);
    const fields = t.rows.filter((r) => r.subject.kind === 'field').map((r) => (r.subject as { path: string }).path);
    for (const f of ['spec.rules[].timeouts', 'spec.rules[].retry', 'spec.rules[].sessionPersistence', 'spec.rules[].backendRefs[].filters', 'spec.listeners[].port', 'spec.listeners[].allowedRoutes.kinds', 'spec.listeners[].tls.certificateRefs[].group', 'spec.listeners[].tls.certificateRefs[].kind', 'spec.listeners[].tls.mode', 'spec.addresses']) {
      assert.ok(fields.includes(f), `${id}: ${f}`);
    }
    const annotations = t.rows.filter((r) => r.subject.kind === 'annotation' && (r.subject.key as string).startsWith('k8s.apisix.apache.org/'));
    assert.equal(annotations.length, 38, id);
    assert.equal(new Set(annotations.map((r) => r.subject.kind === 'annotation' && r.subject.key)).size, 38);
  }
  assert.equal(apisixAnnotationKeys.length, 38);
  assert.equal(findTarget('api7-ingress-controller@3.8')!.rows.find((r) => r.subject.kind === 'resource' && r.subject.resource === 'ReferenceGrant')!.level, 'not-supported');
  assert.equal(findTarget('apisix-ingress-controller@2')!.rows.find((r) => r.subject.kind === 'resource' && r.subject.resource === 'ReferenceGrant')!.level, 'supported');
  for (const t of targets) for (const r of t.rows) assert.ok(r.note.length > 0, `${t.id}: a row without a note`);
  assert.equal(findTarget('gateway-api@1.6')!.rows.find((r) => r.subject.kind === 'field' && r.subject.path === 'spec.rules[].retry')!.level, 'not-supported');
  assert.equal(findTarget('gateway-api@1.6-experimental')!.rows.find((r) => r.subject.kind === 'field' && r.subject.path === 'spec.rules[].retry')!.level, 'supported');
});

test('report --target api7-ingress-controller@3.8: all 38 annotations not supported, in the seed\'s words', async () => {
  process.chdir(repoRoot);
  const run = await runCliCaptured(['report', 'fixtures/apisix-annotations-api7/input.yaml', '--target', 'api7-ingress-controller@3.8', '--report', 'json']);
  const report = JSON.parse(run.stdout) as JsonReport & { objects: { entries: { status: string; matrix?: { note: string } }[] }[] };
  const annotations = report.objects[0]!.entries.filter((e) => e.kind === 'annotation');
  assert.equal(annotations.length, 38);
  for (const e of annotations) {
    assert.equal(e.status, 'unsupported-by-target');
    assert.match((e as { matrix?: { note: string } }).matrix!.note, /not supported in the current version but will be supported in a future release/);
  }
  const aic = JSON.parse((await runCliCaptured(['report', 'fixtures/apisix-annotations-api7/input.yaml', '--target', 'apisix-ingress-controller@2', '--report', 'json'])).stdout) as JsonReport & {
    objects: { entries: { kind: string; name: string; matrix?: { level: string; changed?: string } }[] }[];
  };
  const rows = aic.objects[0]!.entries.filter((e) => e.kind === 'annotation');
  assert.ok(rows.every((e) => e.matrix?.level === 'supported'));
  assert.match(rows.find((e) => e.name.endsWith('/plugin-config-name'))!.matrix!.changed!, /inlin/);
});

test('the output is checked against the target: a ReferenceGrant is unsupported on API7 3.8', async () => {
  process.chdir(repoRoot);
  const run = await runCliCaptured(['report', 'fixtures/shared-gateway-create/input.yaml', '--gateway', 'infra/shared', '--create-gateway', '--target', 'api7-ingress-controller@3.8', '--verbose']);
  assert.match(run.stdout, /^warning\[unsupported-by-target\] ReferenceGrant in 2 objects .* is not supported by api7-ingress-controller@3\.8/m);
});

test('formats: json is versioned, markdown has tables, sarif passes the SARIF multitool validator', async () => {
  process.chdir(repoRoot);
  const input = 'fixtures/named-ports/input.yaml';
  const json = JSON.parse((await runCliCaptured(['report', input, '--report', 'json'])).stdout) as JsonReport;
  assert.equal(json.version, 1);
  assert.equal(json.target, 'gateway-api@1.6');
  const markdown = (await runCliCaptured(['report', input, '--report', 'markdown'])).stdout;
  assert.match(markdown, /^## ing2gw conversion report/m);
  assert.match(markdown, /^\| `service-not-found` \| fixtures\/named-ports\/input\.yaml:59:13 /m);
  const sarifFile = join(scratch, 'report.sarif');
  const run = await runCliCaptured(['convert', input, '--report', 'sarif', '--report-file', sarifFile]);
  assert.equal(run.exitCode, 1, 'errors in the input');
  assert.equal(run.stderr, '', 'the report went to the file');
  const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.runs[0]!.results[0]!.ruleId, 'service-not-found');
  assert.equal(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine, 59);
  const multitool = join(repoRoot, 'node_modules', '.bin', 'sarif-multitool');
  if (!existsSync(multitool)) return; // optional dependency of another platform
  const out = join(scratch, 'validation.sarif');
  const validated = spawnSync(multitool, ['validate', sarifFile, '--output', out], { encoding: 'utf8' });
  assert.equal(validated.status, 0, validated.stdout + validated.stderr);
  const findings = (JSON.parse(readFileSync(out, 'utf8')) as { runs: { results?: { level?: string; message: { text?: string } }[] }[] }).runs[0]!.results ?? [];
  assert.deepEqual(findings.filter((r) => r.level === 'error'), [], 'the validator found errors');
});

test('--fail-on: error (default), warning, never', async () => {
  process.chdir(repoRoot);
  const warnings = 'fixtures/wildcard-host/input.yaml';
  assert.equal((await runCliCaptured(['convert', warnings])).exitCode, 0);
  assert.equal((await runCliCaptured(['convert', warnings, '--fail-on', 'warning'])).exitCode, 1);
  assert.equal((await runCliCaptured(['convert', 'fixtures/named-ports/input.yaml', '--fail-on', 'never'])).exitCode, 0);
});

test('--check: 0 when the committed output is identical, 3 with a readable diff after one field changes', async () => {
  process.chdir(repoRoot);
  const input = 'fixtures/basic-prefix-exact/input.yaml';
  const committed = join(scratch, 'committed.yaml');
  writeFileSync(committed, (await runCliCaptured(['convert', input])).stdout);
  const same = await runCliCaptured(['convert', input, '--check', committed]);
  assert.equal(same.exitCode, 0);
  assert.equal(same.stdout, '');
  writeFileSync(committed, readFileSync(committed, 'utf8').replace('port: 9200', 'port: 9300'));
  const drift = await runCliCaptured(['convert', input, '--check', committed]);
  assert.equal(drift.exitCode, 3);
  assert.match(drift.stdout, /^-\s+port: 9300$/m);
  assert.match(drift.stdout, /^\+\s+port: 9200$/m);
  assert.match(drift.stderr, /differs from the generated output/);
});

test('--out-dir: names too long for a file system are cut and end with a hash; every object gets its own file, and --check agrees', async () => {
  process.chdir(repoRoot);
  const input = 'fixtures/long-names/input.yaml';
  const dir = join(scratch, 'long');
  const run = await runCliCaptured(['convert', input, '--out-dir', dir]);
  assert.ok(run.exitCode === 0 || run.exitCode === 1, run.stderr);
  const stdout = await runCliCaptured(['convert', input, '-o', 'json']);
  const objects = (JSON.parse(stdout.stdout) as { items: { metadata: { namespace: string } }[] }).items;
  const namespaces = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
  const written = namespaces.flatMap((ns) => readdirSync(join(dir, ns.name)).map((f) => join(ns.name, f)));
  assert.equal(written.length, objects.length, 'one file per object');
  const longest = Math.max(...written.map((f) => f.split('/').pop()!.length));
  const { MAX_FILE_NAME } = await import('../src/cli/output-files.js');
  assert.ok(longest <= MAX_FILE_NAME && longest > 200, `longest file name ${longest}`);
  assert.equal((await runCliCaptured(['convert', input, '--check', dir])).exitCode, 0);
});

test('file names: short ones as they are; long ones distinct, stable and within the limit', async () => {
  const { fileNameFor, MAX_FILE_NAME } = await import('../src/cli/output-files.js');
  assert.equal(fileNameFor('HTTPRoute', 'web', 'yaml'), 'httproute-web.yaml');
  const long = 'a'.repeat(240);
  const names = [`${long}-1`, `${long}-2`, `${long}`].map((n) => fileNameFor('HTTPRoute', n, 'yaml'));
  assert.equal(new Set(names).size, 3);
  for (const n of names) assert.ok(n.length <= MAX_FILE_NAME && n.endsWith('.yaml') && n.startsWith('httproute-aaaa'), n);
  assert.equal(fileNameFor('HTTPRoute', `${long}-1`, 'yaml'), names[0]);
  assert.equal(fileNameFor('HTTPRoute', 'b'.repeat(MAX_FILE_NAME - 'httproute-.yaml'.length), 'yaml').length, MAX_FILE_NAME, 'the longest name kept whole');
});

test('--out-dir: one file per object, refuses a non-empty directory without --force, never overwrites an input; --check works on it', async () => {
  process.chdir(repoRoot);
  const input = 'fixtures/tls-hosts-respected/input.yaml';
  const dir = join(scratch, 'out');
  const first = await runCliCaptured(['convert', input, '--out-dir', dir]);
  assert.equal(first.exitCode, 0, first.stderr);
  assert.equal(first.stdout, '');
  assert.deepEqual(readdirSync(join(dir, 'shop')).sort(), ['gateway-nginx.yaml', 'httproute-storefront-admin-shop-example-com.yaml', 'httproute-storefront-shop-example-com.yaml', 'httproute-storefront-status-shop-example-com.yaml', 'httproute-storefront-www-shop-example-com.yaml']);
  const again = await runCliCaptured(['convert', input, '--out-dir', dir]);
  assert.equal(again.exitCode, 2);
  assert.match(again.stderr, /not empty; pass --force/);
  assert.equal((await runCliCaptured(['convert', input, '--out-dir', dir, '--force'])).exitCode, 0);
  assert.equal((await runCliCaptured(['convert', input, '--check', dir])).exitCode, 0);
  rmSync(join(dir, 'shop', 'gateway-nginx.yaml'));
  const missing = await runCliCaptured(['convert', input, '--check', dir]);
  assert.equal(missing.exitCode, 3);
  assert.match(missing.stdout, /gateway-nginx\.yaml \(generated\)/);
  // An input inside the output directory, where a generated file would go, is never overwritten.
  const own = join(scratch, 'own');
  mkdirSync(join(own, 'shop'), { recursive: true });
  const victim = join(own, 'shop', 'gateway-nginx.yaml');
  writeFileSync(victim, readFileSync(join(repoRoot, input), 'utf8'));
  const refused = await runCliCaptured(['convert', victim, '--out-dir', own, '--force']);
  assert.equal(refused.exitCode, 2);
  assert.match(refused.stderr, /would overwrite input file/);
  assert.equal(readFileSync(victim, 'utf8'), readFileSync(join(repoRoot, input), 'utf8'));
});

test('--out-dir --force: files of objects no longer generated are removed (and said so), so --check agrees; other files and inputs stay', async () => {
  process.chdir(repoRoot);
  const dir = join(scratch, 'regenerated');
  const before = 'fixtures/tls-hosts-respected/input.yaml'; // namespace shop
  const later = 'fixtures/wildcard-host/input.yaml'; // namespace tenants
  assert.equal((await runCliCaptured(['convert', before, '--out-dir', dir])).exitCode, 0);
  writeFileSync(join(dir, 'NOTES.txt'), 'kept');
  writeFileSync(join(dir, 'shop', 'kustomization.txt'), 'kept');
  mkdirSync(join(dir, 'mine'));
  const ownInput = join(dir, 'mine', 'extra.yaml'); // an input inside the directory
  writeFileSync(ownInput, readFileSync(join(repoRoot, later), 'utf8'));
  const refused = await runCliCaptured(['convert', later, ownInput, '--out-dir', dir, '--force']);
  assert.equal(refused.exitCode, 2, 'removing every file written before needs --confirm-removal');
  assert.match(refused.stderr, /would remove 5 of the 6 files ing2gw wrote there before .*nothing was written/);
  assert.ok(existsSync(join(dir, 'shop', 'gateway-nginx.yaml')));
  const run = await runCliCaptured(['convert', later, ownInput, '--out-dir', dir, '--force', '--confirm-removal']);
  assert.equal(run.exitCode, 0, run.stderr);
  assert.match(run.stderr, /^out-dir: removed 5 files no longer generated: shop\/gateway-nginx\.yaml, shop\/httproute-storefront-admin-shop-example-com\.yaml, [^,]+, [^,]+, shop\/httproute-storefront-www-shop-example-com\.yaml$/m);
  assert.deepEqual(readdirSync(join(dir, 'shop')), ['kustomization.txt']); // not a manifest: kept, so its directory too
  assert.equal(readFileSync(join(dir, 'NOTES.txt'), 'utf8'), 'kept');
  assert.ok(existsSync(ownInput));
  // What is left is what --check expects (the input inside the directory aside).
  rmSync(ownInput);
  rmSync(join(dir, 'mine'), { recursive: true });
  const check = await runCliCaptured(['convert', later, '--check', dir]);
  assert.equal(check.exitCode, 0, check.stdout);
  // A namespace directory left empty is removed.
  rmSync(join(dir, 'shop', 'kustomization.txt'));
  assert.equal((await runCliCaptured(['convert', before, '--out-dir', dir, '--force', '--confirm-removal'])).exitCode, 0);
  const back = await runCliCaptured(['convert', later, '--out-dir', dir, '--force', '--confirm-removal']);
  assert.equal(back.exitCode, 0);
  assert.ok(!existsSync(join(dir, 'shop')));
});

test('matrix command: text, json and markdown for one or every target; unknown target is a usage error', async () => {
  const text = await runCliCaptured(['matrix', '--target', 'api7-ingress-controller@3.8']);
  assert.equal(text.exitCode, 0);
  assert.match(text.stdout, /^api7-ingress-controller@3\.8: API7 Ingress Controller 3\.8\.x$/m);
  assert.match(text.stdout, /not-supported +ReferenceGrant \(v1beta1\)/);
  const json = JSON.parse((await runCliCaptured(['matrix', '-o', 'json'])).stdout) as { targets: { id: string }[] };
  assert.deepEqual(json.targets.map((t) => t.id), targets.map((t) => t.id));
  assert.match((await runCliCaptured(['matrix', '--target', 'generic', '-o', 'markdown'])).stdout, /^### Gateway API v1\.6 \(standard channel\)/m);
  assert.equal((await runCliCaptured(['matrix', '--target', 'nope'])).exitCode, 2);
});
