// The README's recipes, run as written: each shell block marked `<!-- recipe:NAME -->` runs in bash
// with a stand-in `kubectl` on PATH that prints a cluster dump (or fails the way an expired login
// does) and `ing2gw` as the built binary.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { parse, stringify } from 'yaml';
import { repoRoot } from './helpers/repo.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

function recipe(name: string): string {
  const match = new RegExp(`<!-- recipe:${name} -->\\n\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(readme);
  assert.ok(match, `README has no recipe "${name}"`);
  return match[1]!;
}

const scratch = mkdtempSync(join(tmpdir(), 'ing2gw-recipes-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const bin = join(scratch, 'bin');
mkdirSync(bin);
writeFileSync(
  join(bin, 'kubectl'),
  `#!/usr/bin/env bash
# Stand-in kubectl: prints $FAKE_DUMP, or fails as an expired login does.
if [ -n "\${FAKE_KUBECTL_FAIL:-}" ]; then echo "error: You must be logged in to the server (Unauthorized)" >&2; exit 1; fi
cat "$FAKE_DUMP"
`,
);
writeFileSync(join(bin, 'ing2gw'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(repoRoot, 'bin', 'ing2gw.js'))} "$@"\n`);
chmodSync(join(bin, 'kubectl'), 0o755);
chmodSync(join(bin, 'ing2gw'), 0o755);

const dumps = {
  cluster: join(repoRoot, 'fixtures', 'kubectl-list', 'input.yaml'),
  table: join(scratch, 'table.txt'),
  oneNamespace: join(scratch, 'one-namespace.yaml'),
};
writeFileSync(dumps.table, 'NAMESPACE    NAME      CLASS   HOSTS                     ADDRESS   PORTS   AGE\nmonitoring   grafana   nginx   grafana.ops.example.com             80      2y\n');

function run(script: string, cwd: string, env: Record<string, string> = {}) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}`, NO_COLOR: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', ...env };
  delete childEnv['NODE_TEST_CONTEXT'];
  delete childEnv['NODE_OPTIONS'];
  return spawnSync('bash', ['-c', script], { cwd, env: childEnv, encoding: 'utf8' });
}

function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else files[`${prefix}${e.name}`] = readFileSync(join(d, e.name), 'utf8');
    }
  };
  walk(dir, '');
  return files;
}

const commits = (cwd: string) => Number(run('git rev-list --count HEAD 2>/dev/null || echo 0', cwd).stdout.trim());

describe('README recipes', () => {
  test('kubectl pipe: the dump converts; a failed kubectl gives exit 2, not an empty success', () => {
    const cwd = join(scratch, 'pipe');
    mkdirSync(cwd);
    const ok = run(recipe('kubectl-pipe'), cwd, { FAKE_DUMP: dumps.cluster });
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(readFileSync(join(cwd, 'gateway-api.yaml'), 'utf8'), readFileSync(join(repoRoot, 'fixtures', 'kubectl-list', 'expected.yaml'), 'utf8'));
    const failed = run(recipe('kubectl-pipe'), cwd, { FAKE_KUBECTL_FAIL: '1' });
    assert.equal(failed.status, 2);
    assert.match(failed.stderr, /error\[no-ingress\]/);
    const table = run(recipe('kubectl-pipe'), cwd, { FAKE_DUMP: dumps.table });
    assert.equal(table.status, 2);
    assert.match(table.stderr, /kubectl's table output .*add -o yaml/);
  });

  test('GitOps: a commit of the tree; an expired login, a table or half a dump never changes it', () => {
    const cwd = join(scratch, 'gitops');
    mkdirSync(cwd);
    assert.equal(run('git init -q .', cwd).status, 0);
    const first = run(recipe('gitops'), cwd, { FAKE_DUMP: dumps.cluster });
    assert.equal(first.status, 0, first.stderr);
    assert.equal(commits(cwd), 1);
    const committed = tree(join(cwd, 'gateway-api'));
    assert.ok('kustomization.yaml' in committed && 'monitoring/gateway-nginx.yaml' in committed, Object.keys(committed).join(', '));
    const same = run(recipe('gitops'), cwd, { FAKE_DUMP: dumps.cluster });
    assert.equal(same.status, 0, same.stderr);
    assert.equal(commits(cwd), 1, 'nothing changed, nothing committed');
    // A cluster dump of one namespace only: most of the tree would go.
    const list = parse(readFileSync(dumps.cluster, 'utf8')) as { items: { metadata: { namespace: string } }[] };
    list.items = list.items.filter((item) => item.metadata.namespace === 'monitoring');
    writeFileSync(dumps.oneNamespace, stringify(list));
    for (const env of [{ FAKE_KUBECTL_FAIL: '1' }, { FAKE_DUMP: dumps.table }, { FAKE_DUMP: dumps.oneNamespace }] as Record<string, string>[]) {
      const bad = run(recipe('gitops'), cwd, env);
      assert.equal(bad.status, 2, JSON.stringify(env));
      if (env['FAKE_DUMP'] === dumps.oneNamespace) assert.match(bad.stderr, /would remove 2 of the 5 files|would remove \d+ of the \d+ files ing2gw wrote there before/);
      assert.deepEqual(tree(join(cwd, 'gateway-api')), committed, JSON.stringify(env));
      assert.equal(commits(cwd), 1);
    }
  });

  test('drift check in CI: 0 against the committed tree, 3 when the cluster changed; the markdown report is written', () => {
    const cwd = join(scratch, 'ci');
    mkdirSync(cwd);
    assert.equal(run('git init -q .', cwd).status, 0);
    assert.equal(run(recipe('gitops'), cwd, { FAKE_DUMP: dumps.cluster }).status, 0);
    const clean = run(recipe('ci-check'), cwd, { FAKE_DUMP: dumps.cluster });
    assert.equal(clean.status, 0, clean.stderr);
    assert.ok(existsSync(join(cwd, 'ing2gw-report.md')));
    assert.match(readFileSync(join(cwd, 'ing2gw-report.md'), 'utf8'), /ing2gw/);
    const changed = join(scratch, 'changed.yaml');
    writeFileSync(changed, readFileSync(dumps.cluster, 'utf8').replaceAll('grafana.ops.example.com', 'dashboards.ops.example.com'));
    const drift = run(recipe('ci-check'), cwd, { FAKE_DUMP: changed });
    assert.equal(drift.status, 3, drift.stderr);
    assert.match(drift.stdout, /dashboards\.ops\.example\.com/);
  });
});
