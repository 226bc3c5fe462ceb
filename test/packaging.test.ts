// What `npm i ing2gw` gets: the files npm would publish, the licence, and one project home everywhere.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PROJECT_HOME } from '../src/reporter/formats/sarif.js';
import { repoRoot } from './helpers/repo.js';
import { runCliCaptured } from './helpers/run-cli.js';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;

test('package.json, SARIF and README name one project home', async () => {
  assert.equal(PROJECT_HOME, 'https://github.com/ing2gw/ing2gw');
  assert.equal(pkg.homepage, PROJECT_HOME);
  assert.deepEqual(pkg.repository, { type: 'git', url: `git+${PROJECT_HOME}.git` });
  assert.deepEqual(pkg.bugs, { url: `${PROJECT_HOME}/issues` });
  process.chdir(repoRoot);
  const run = await runCliCaptured(['convert', 'fixtures/examples/shop', '--report', 'sarif']);
  assert.equal(JSON.parse(run.stderr).runs[0].tool.driver.informationUri, PROJECT_HOME);
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  for (const command of [`npm i git+${PROJECT_HOME}.git`, `npm i -g "./$(npm pack git+${PROJECT_HOME}.git | tail -n 1)"`]) assert.ok(readme.includes(command), command);
});

test('LICENSE is the Apache License 2.0 that package.json names', () => {
  assert.equal(pkg.license, 'Apache-2.0');
  const text = readFileSync(join(repoRoot, 'LICENSE'), 'utf8');
  assert.match(text, /^\s*Apache License\n\s*Version 2\.0, January 2004\n/);
  assert.match(text, /END OF TERMS AND CONDITIONS/);
});

test('npm pack publishes the launcher, the bundle, the library, LICENSE and README, and no tests', () => {
  // --ignore-scripts: the files are already built, and prepare must not rebuild dist/ under the running tests.
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const files = (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
  for (const f of ['LICENSE', 'README.md', 'package.json', 'bin/ing2gw.js', 'dist/cli.mjs', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/cli/kubernetes-client.js']) assert.ok(files.includes(f), f);
  assert.deepEqual(files.filter((f) => !/^(LICENSE|README\.md|package\.json|bin\/ing2gw\.js|dist\/cli\.mjs|dist\/src\/.*)$/.test(f)), []);
});
