// @kubernetes/client-node is an optional peer dependency, loaded only when a cluster is read.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { buildSync } from 'esbuild';
import { UsageError } from '../src/cli/context.js';
import { loadKubernetesClient } from '../src/cli/kubernetes-client.js';
import { repoRoot } from './helpers/repo.js';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, Record<string, unknown>>;

test('loads the client when it is installed (a devDependency here)', async () => {
  const client = await loadKubernetesClient();
  assert.equal(typeof client.KubeConfig, 'function');
});

test('a missing client is a usage error that says how to install it', async () => {
  // A module where no node_modules can be found above it: Node's own error for the missing package.
  const dir = mkdtempSync(join(tmpdir(), 'ing2gw-no-client-'));
  writeFileSync(join(dir, 'load.mjs'), "export default () => import('@kubernetes/client-node');\n");
  const { default: load } = (await import(pathToFileURL(join(dir, 'load.mjs')).href)) as { default: () => Promise<unknown> };
  rmSync(dir, { recursive: true, force: true });
  await assert.rejects(load(), { code: 'ERR_MODULE_NOT_FOUND' });
  await assert.rejects(loadKubernetesClient(load), (e: unknown) => {
    assert.ok(e instanceof UsageError);
    assert.match(e.message, /^reading a cluster needs @kubernetes\/client-node, which is not installed \(it is optional\)/);
    assert.match(e.message, /npm i -g @kubernetes\/client-node/);
    return true;
  });
});

test('a client that is there but broken is not mistaken for a missing one', async () => {
  const broken = Object.assign(new Error("Cannot find package 'undici' imported from /x/node_modules/@kubernetes/client-node/dist/index.js"), { code: 'ERR_MODULE_NOT_FOUND' });
  await assert.rejects(loadKubernetesClient(() => Promise.reject(broken)), (e: unknown) => e === broken);
});

test('package.json: an optional peer dependency (not installed by default), a devDependency for the tests', () => {
  assert.equal(pkg.dependencies?.['@kubernetes/client-node'], undefined);
  assert.equal(typeof pkg.peerDependencies?.['@kubernetes/client-node'], 'string');
  assert.deepEqual(pkg.peerDependenciesMeta?.['@kubernetes/client-node'], { optional: true });
  assert.equal(pkg.devDependencies?.['@kubernetes/client-node'], pkg.peerDependencies?.['@kubernetes/client-node']);
});

test('the CLI bundle leaves the client out and imports it at run time', () => {
  // The build's own esbuild flags, applied to the loader alone (the CLI does not call it yet).
  const build = String(pkg.scripts?.build);
  const external = [...build.matchAll(/--external:(\S+)/g)].map((m) => m[1]!);
  assert.deepEqual(external, ['@kubernetes/client-node']);
  const out = buildSync({ entryPoints: [join(repoRoot, 'dist/src/cli/kubernetes-client.js')], bundle: true, platform: 'node', format: 'esm', external, write: false, logLevel: 'silent' });
  const code = out.outputFiles[0]!.text;
  assert.match(code, /import\("@kubernetes\/client-node"\)/);
  assert.doesNotMatch(code, /KubeConfig/);
  assert.doesNotMatch(readFileSync(join(repoRoot, 'dist/cli.mjs'), 'utf8'), /KubeConfig/);
});
