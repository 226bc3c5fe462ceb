// Safe in CI: input that yields nothing never exits 0 and never touches an --out-dir; --force
// removes only what ing2gw wrote, never on input with errors, never most of a directory without
// --confirm-removal; every exit code means one thing; output errors end in a message, not a stack.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import { ingress as plainIngress } from './helpers/manifests.js';
import { runCliCaptured } from './helpers/run-cli.js';
import { repoRoot } from './helpers/repo.js';

const scratch = mkdtempSync(join(tmpdir(), 'ing2gw-safety-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const STACK = /\n\s+at .+:\d+:\d+\)?\n/;

/** One Ingress of namespace shop (unless given) with a single host and path. */
const ingress = (name: string, host: string, o: Parameters<typeof plainIngress>[2] = {}) => plainIngress(name, host, { namespace: 'shop', ...o });

/** Every file under `dir` with its bytes, to compare a directory before and after a run. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else files[relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return files;
}

function freshDir(name: string): string {
  const dir = join(scratch, name);
  rmSync(dir, { recursive: true, force: true });
  return dir;
}

describe('input that yields nothing: exit 2, the reason, nothing written', () => {
  const cases: [string, string, RegExp][] = [
    ['empty standard input', '', /<stdin>: it is empty/],
    ['kubectl table output', 'NAMESPACE   NAME   CLASS   HOSTS   ADDRESS   PORTS   AGE\nshop        web    nginx   a.com   1.2.3.4   80      3d\n', /kubectl's table output .*add -o yaml/],
    ['kubectl error text', 'error: You must be logged in to the server (Unauthorized)\n', /looks like an error message, not manifests \("error: You must be logged in/],
    ['YAML that is no Kubernetes object', 'foo: bar\nbaz: [1, 2]\n', /none of them a readable Kubernetes object/],
    ['Services only', 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec: {ports: [{port: 80}]}\n', /read 1 document from 1 source \(1 Service\)/],
  ];
  for (const [what, stdin, reason] of cases) {
    test(what, async () => {
      const run = await runCliCaptured(['convert', '-'], stdin);
      assert.equal(run.exitCode, 2, run.stderr);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^error\[no-ingress\] no Ingress in the input, nothing to convert/m);
      assert.match(run.stderr, reason);
      assert.match(run.stderr, /kubectl get ingress,ingressclass,service -A -o yaml \| ing2gw convert -/);
    });
  }

  test('report and verify exit 2 too', async () => {
    assert.equal((await runCliCaptured(['report', '-'], '')).exitCode, 2);
    assert.equal((await runCliCaptured(['verify', '-'], '')).exitCode, 2);
  });

  test('an --ingress-class that matches no class: exit 2, the classes present listed; one of two unmatched: exit 1, the other converted', async () => {
    const input = ingress('a', 'a.example.com') + '---\n' + ingress('b', 'b.example.com', { className: 'apisix' });
    const none = await runCliCaptured(['convert', '-', '--ingress-class', 'ngnix'], input);
    assert.equal(none.exitCode, 2);
    assert.equal(none.stdout, '');
    assert.match(none.stderr, /error\[ingress-class-not-found\] --ingress-class "ngnix" matches no Ingress in the input; the classes present are: apisix \(1\), nginx \(1\)/);
    const one = await runCliCaptured(['convert', '-', '--ingress-class', 'nginx', '--ingress-class', 'ngnix'], input);
    assert.equal(one.exitCode, 1);
    assert.match(one.stdout, /a-a-example-com/);
    assert.doesNotMatch(one.stdout, /b-b-example-com/);
  });

  test('--out-dir --force with an expired login piped in: the directory is left byte for byte as it was', async () => {
    const dir = freshDir('gitops');
    const good = ingress('a', 'a.example.com') + '---\n' + ingress('b', 'b.example.com');
    assert.equal((await runCliCaptured(['convert', '-', '--out-dir', dir], good)).exitCode, 0);
    const before = snapshot(dir);
    for (const stdin of ['', 'error: You must be logged in to the server (Unauthorized)\n', 'NAME   CLASS   HOSTS\nweb    nginx   a.com\n']) {
      const run = await runCliCaptured(['convert', '-', '--out-dir', dir, '--force', '--confirm-removal'], stdin);
      assert.equal(run.exitCode, 2);
      assert.deepEqual(snapshot(dir), before);
    }
    const wrongClass = await runCliCaptured(['convert', '-', '--out-dir', dir, '--force', '--confirm-removal', '--ingress-class', 'other'], good);
    assert.equal(wrongClass.exitCode, 2);
    assert.deepEqual(snapshot(dir), before);
  });
});

describe('--out-dir --force removes only what ing2gw wrote, and never blindly', () => {
  test('a kustomization.yaml lists every generated file; --no-kustomization leaves it out; --check agrees with both', async () => {
    const dir = freshDir('kustomize');
    const input = ingress('a', 'a.example.com') + '---\n' + ingress('b', 'b.example.com', { namespace: 'blog' });
    assert.equal((await runCliCaptured(['convert', '-', '--out-dir', dir], input)).exitCode, 0);
    assert.equal(
      readFileSync(join(dir, 'kustomization.yaml'), 'utf8'),
      `# Written by ing2gw --out-dir: every generated file, for kubectl apply -k and GitOps tools.
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - blog/gateway-nginx.yaml
  - blog/httproute-b-b-example-com.yaml
  - shop/gateway-nginx.yaml
  - shop/httproute-a-a-example-com.yaml
`,
    );
    assert.equal((await runCliCaptured(['convert', '-', '--check', dir], input)).exitCode, 0);
    const drift = await runCliCaptured(['convert', '-', '--check', dir, '--no-kustomization'], input);
    assert.equal(drift.exitCode, 3, 'kustomization.yaml would go');
    const plain = freshDir('plain');
    assert.equal((await runCliCaptured(['convert', '-', '--out-dir', plain, '--no-kustomization'], input)).exitCode, 0);
    assert.ok(!existsSync(join(plain, 'kustomization.yaml')));
    assert.equal((await runCliCaptured(['convert', '-', '--check', plain, '--no-kustomization'], input)).exitCode, 0);
  });

  test('more than a quarter of what ing2gw wrote would go: refused, nothing written, until --confirm-removal', async () => {
    const dir = freshDir('half');
    const five = ['a', 'b', 'c', 'd', 'e'].map((n) => ingress(n, `${n}.example.com`)).join('---\n');
    assert.equal((await runCliCaptured(['convert', '-', '--out-dir', dir], five)).exitCode, 0);
    const before = snapshot(dir);
    const run = await runCliCaptured(['convert', '-', '--out-dir', dir, '--force'], ingress('a', 'a.example.com'));
    assert.equal(run.exitCode, 2);
    assert.match(run.stderr, /this run would remove 4 of the 7 files ing2gw wrote there before/);
    assert.deepEqual(snapshot(dir), before);
    const removesOne = await runCliCaptured(['convert', '-', '--out-dir', dir, '--force'], ['a', 'b', 'c', 'd'].map((n) => ingress(n, `${n}.example.com`)).join('---\n'));
    assert.equal(removesOne.exitCode, 0, 'one of seven is a safe share');
    assert.match(removesOne.stderr, /^out-dir: removed 1 file no longer generated: shop\/httproute-e-e-example-com\.yaml$/m);
    const confirmed = await runCliCaptured(['convert', '-', '--out-dir', dir, '--force', '--confirm-removal'], ingress('a', 'a.example.com'));
    assert.equal(confirmed.exitCode, 0);
    assert.deepEqual(readdirSync(join(dir, 'shop')).sort(), ['gateway-nginx.yaml', 'httproute-a-a-example-com.yaml']);
  });

  test('input with errors: files no longer generated are kept (and said so); they go once the input is whole again', async () => {
    const dir = freshDir('errors');
    const both = ingress('a', 'a.example.com') + '---\n' + ingress('b', 'b.example.com');
    assert.equal((await runCliCaptured(['convert', '-', '--out-dir', dir], both)).exitCode, 0);
    // b's backend names a port of a Service that is not in the input: b is not converted.
    const broken = ingress('a', 'a.example.com') + '---\n' + ingress('b', 'b.example.com', { portName: 'http' });
    const run = await runCliCaptured(['convert', '-', '--out-dir', dir, '--force'], broken);
    assert.equal(run.exitCode, 1);
    assert.match(run.stderr, /^out-dir: kept 1 file no longer generated, because the input has errors or produced nothing \(fix it and run again\): shop\/httproute-b-b-example-com\.yaml$/m);
    assert.ok(existsSync(join(dir, 'shop', 'httproute-b-b-example-com.yaml')));
    const healed = await runCliCaptured(['convert', '-', '--out-dir', dir, '--force'], ingress('a', 'a.example.com'));
    assert.equal(healed.exitCode, 0);
    assert.match(healed.stderr, /removed 1 file no longer generated: shop\/httproute-b-b-example-com\.yaml/);
  });

  test('every Ingress invalid: exit 1 (not "no Ingress"), and the directory is left as it was', async () => {
    const dir = freshDir('all-invalid');
    assert.equal((await runCliCaptured(['convert', '-', '--out-dir', dir], ingress('a', 'a.example.com'))).exitCode, 0);
    const before = snapshot(dir);
    const invalid = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: a, namespace: shop}\nspec: {ingressClassName: nginx}\n';
    const run = await runCliCaptured(['convert', '-', '--out-dir', dir, '--force', '--confirm-removal'], invalid);
    assert.equal(run.exitCode, 1);
    assert.match(run.stderr, /error\[ingress-invalid\]/);
    assert.doesNotMatch(run.stderr, /no-ingress/);
    assert.deepEqual(snapshot(dir), before);
  });

  test("files ing2gw did not write are never removed, nor reported as drift", async () => {
    const dir = freshDir('foreign');
    const both = ingress('a', 'a.example.com') + '---\n' + ingress('b', 'b.example.com');
    assert.equal((await runCliCaptured(['convert', '-', '--out-dir', dir], both)).exitCode, 0);
    writeFileSync(join(dir, 'values.yaml'), 'mine: true\n');
    writeFileSync(join(dir, 'shop', 'networkpolicy.yaml'), 'kind: NetworkPolicy\n');
    const run = await runCliCaptured(['convert', '-', '--out-dir', dir, '--force'], ingress('a', 'a.example.com'));
    assert.equal(run.exitCode, 0, run.stderr);
    assert.equal(readFileSync(join(dir, 'values.yaml'), 'utf8'), 'mine: true\n');
    assert.ok(existsSync(join(dir, 'shop', 'networkpolicy.yaml')));
    assert.ok(!existsSync(join(dir, 'shop', 'httproute-b-b-example-com.yaml')));
    assert.equal((await runCliCaptured(['convert', '-', '--check', dir], ingress('a', 'a.example.com'))).exitCode, 0);
  });

  test('a directory written before ing2gw kept a list: nothing in it is removed, and the leftovers are named', async () => {
    const dir = freshDir('unlisted');
    mkdirSync(join(dir, 'shop'), { recursive: true });
    writeFileSync(join(dir, 'shop', 'httproute-old.yaml'), 'kind: HTTPRoute\n');
    const run = await runCliCaptured(['convert', '-', '--out-dir', dir, '--force'], ingress('a', 'a.example.com'));
    assert.equal(run.exitCode, 0);
    assert.ok(existsSync(join(dir, 'shop', 'httproute-old.yaml')));
    assert.match(run.stderr, /^out-dir: left 1 file in .* that ing2gw has no record of writing .*: shop\/httproute-old\.yaml$/m);
  });

  test('never through a symbolic link: an out-dir that is a link to the input folder, a namespace folder that links elsewhere', async () => {
    const inputs = freshDir('inputs');
    mkdirSync(join(inputs, 'shop'), { recursive: true });
    const own = join(inputs, 'shop', 'gateway-nginx.yaml'); // where the Gateway's file would go
    const text = ingress('a', 'a.example.com');
    writeFileSync(own, text);
    const link = freshDir('link-to-inputs');
    symlinkSync(inputs, link);
    const run = await runCliCaptured(['convert', own, '--out-dir', link, '--force'], '');
    assert.equal(run.exitCode, 2);
    assert.match(run.stderr, /would overwrite input file/);
    assert.equal(readFileSync(own, 'utf8'), text);
    const dir = freshDir('ns-link');
    const elsewhere = freshDir('elsewhere');
    mkdirSync(dir);
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(dir, 'shop'));
    const through = await runCliCaptured(['convert', '-', '--out-dir', dir, '--force'], text);
    assert.equal(through.exitCode, 2);
    assert.match(through.stderr, /shop is a symbolic link; refusing to write through it/);
    assert.deepEqual(readdirSync(elsewhere), []);
  });

  test('a temporary file left by a killed run is cleaned up, and the directory converges', async () => {
    const dir = freshDir('killed');
    const text = ingress('a', 'a.example.com');
    assert.equal((await runCliCaptured(['convert', '-', '--out-dir', dir], text)).exitCode, 0);
    writeFileSync(join(dir, 'shop', '.gateway-nginx.yaml.12345.tmp'), 'half');
    assert.equal((await runCliCaptured(['convert', '-', '--out-dir', dir, '--force'], text)).exitCode, 0);
    assert.ok(!existsSync(join(dir, 'shop', '.gateway-nginx.yaml.12345.tmp')));
    assert.equal((await runCliCaptured(['convert', '-', '--check', dir], text)).exitCode, 0);
  });
});

describe('exit codes mean one thing each', () => {
  test('--check: 0 up to date, 3 drift, 1 up to date but findings (and it says which)', async () => {
    const file = join(scratch, 'committed.yaml');
    const clean = ingress('a', 'a.example.com');
    writeFileSync(file, (await runCliCaptured(['convert', '-'], clean)).stdout);
    const ok = await runCliCaptured(['convert', '-', '--check', file], clean);
    assert.equal(ok.exitCode, 0);
    assert.match(ok.stderr, /^check: .* is up to date$/m);
    const findings = clean + '---\n' + ingress('b', 'b.example.com', { portName: 'http' });
    const flagged = await runCliCaptured(['convert', '-', '--check', file], findings);
    assert.equal(flagged.exitCode, 1);
    assert.match(flagged.stderr, /^check: .* is up to date, but the input has findings at or above --fail-on error: exit 1$/m);
    const drift = await runCliCaptured(['convert', '-', '--check', file], clean + '---\n' + ingress('c', 'c.example.com'));
    assert.equal(drift.exitCode, 3);
    assert.match(drift.stderr, /^check: .* differs from the generated output \(1 file\): exit 3$/m);
  });

  test('--report-file: a missing directory is created; a directory or an input file is refused before anything is written', async () => {
    const text = ingress('a', 'a.example.com');
    const nested = join(scratch, 'reports', 'deep', 'report.json');
    const run = await runCliCaptured(['convert', '-', '--report', 'json', '--report-file', nested], text);
    assert.equal(run.exitCode, 0, run.stderr);
    assert.equal((JSON.parse(readFileSync(nested, 'utf8')) as { version: number }).version, 1);
    const asDir = await runCliCaptured(['convert', '-', '--report-file', scratch], text);
    assert.equal(asDir.exitCode, 2);
    assert.match(asDir.stderr, /is a directory/);
    const input = join(scratch, 'input.yaml');
    writeFileSync(input, text);
    const overInput = await runCliCaptured(['convert', input, '--report-file', input]);
    assert.equal(overInput.exitCode, 2);
    assert.equal(overInput.stdout, '', 'nothing converted to stdout either');
    assert.match(overInput.stderr, /is an input file; refusing to overwrite it/);
    assert.equal(readFileSync(input, 'utf8'), text);
  });
});

interface Spawned {
  stdout: string;
  stderr: string;
  status: number | null;
}

function sh(commandLine: string): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env['NODE_TEST_CONTEXT'];
    delete env['NODE_OPTIONS'];
    const child = spawn('bash', ['-c', commandLine], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout, stderr, status }));
  });
}

describe('no stack traces: the spawned binary', { concurrency: 3 }, () => {
  const bin = `node ${JSON.stringify(join(repoRoot, 'bin', 'ing2gw.js'))}`;
  const many = join(scratch, 'many.yaml');
  writeFileSync(many, Array.from({ length: 400 }, (_, i) => ingress(`i${i}`, `h${i}.example.com`)).join('---\n'));

  test('output piped into head: stops quietly with the SIGPIPE status', async () => {
    const run = await sh(`${bin} convert ${many} 2>err.txt | head -1; echo "status=\${PIPESTATUS[0]}"; cat err.txt >&2; rm -f err.txt`);
    assert.match(run.stdout, /^apiVersion: gateway\.networking\.k8s\.io\/v1\nstatus=141\n$/);
    assert.doesNotMatch(run.stderr, STACK);
    assert.doesNotMatch(run.stderr, /EPIPE|Error:/);
  });

  test('standard output on a full disk: a message and exit 4', { skip: existsSync('/dev/full') ? false : 'no /dev/full' }, async () => {
    const run = await sh(`${bin} convert ${many} > /dev/full`);
    assert.equal(run.status, 4);
    assert.match(run.stderr, /^error: cannot write standard output: no space left on device$/m);
    assert.doesNotMatch(run.stderr, STACK);
  });

  test('--out-dir under a file: a message and exit 4', async () => {
    const run = await sh(`${bin} convert ${many} --out-dir /etc/hostname/out`);
    assert.equal(run.status, 4);
    assert.match(run.stderr, /^error: cannot create --out-dir \/etc\/hostname\/out: a part of the path is not a directory$/m);
    assert.doesNotMatch(run.stderr, STACK);
  });

  test('a device and a directory with symbolic-link loops: read once, or refused, never forever', async () => {
    const device = await sh(`${bin} convert /dev/zero`);
    assert.equal(device.status, 2);
    assert.match(device.stderr, /cannot read \/dev\/zero: not a regular file/);
    const loop = join(scratch, 'loop');
    mkdirSync(loop);
    writeFileSync(join(loop, 'in.yaml'), ingress('a', 'a.example.com'));
    symlinkSync('.', join(loop, 'a'));
    symlinkSync('.', join(loop, 'b'));
    const run = await sh(`${bin} convert ${loop}`);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /1 Ingress read .* in 1 source/);
  });

  test('an unreadable file beside a readable one: a finding, the rest converted', { skip: process.getuid?.() === 0 ? 'root reads every file' : false }, async () => {
    const dir = join(scratch, 'unreadable');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.yaml'), ingress('a', 'a.example.com'));
    writeFileSync(join(dir, 'b.yaml'), ingress('b', 'b.example.com'));
    chmodSync(join(dir, 'b.yaml'), 0);
    const run = await sh(`${bin} convert ${dir}`);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /error\[input-unreadable\] cannot read .*b\.yaml: permission denied/);
    assert.doesNotMatch(run.stderr, STACK);
  });

  test('a directory of 10,000 files', async () => {
    const dir = join(scratch, 'ten-thousand');
    mkdirSync(dir);
    for (let i = 0; i < 10_000; i++) writeFileSync(join(dir, `f${String(i).padStart(5, '0')}.yaml`), ingress(`i${i}`, `h${i}.example.com`));
    const run = await sh(`${bin} convert ${dir} > /dev/null`);
    assert.equal(run.status, 0, run.stderr.slice(-500));
    assert.match(run.stderr, /10000 Ingresses read .* in 10000 sources/);
    assert.ok(statSync(dir).isDirectory());
  });
});
