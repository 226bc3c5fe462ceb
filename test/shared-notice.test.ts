// Without ../shared, `npm test` says once, at its start, how many checks skip: run the files that
// read ../shared with it hidden and compare what they skip with what the notice announces.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot, sharedDir } from './helpers/repo.js';
import { SHARED_SKIP, sharedUses } from './helpers/shared.js';

const testDir = join(repoRoot, 'dist', 'test');
// A path that does not exist stands for a checkout without ../shared.
const hideShared = { ING2GW_SHARED_DIR: join(tmpdir(), `ing2gw-no-shared-${process.pid}`, 'shared') };

/** Runs node; the test runner's own context variable is dropped so a nested `--test` reports as a top-level run. */
function runNode(args: string[], vars: NodeJS.ProcessEnv): Promise<{ stdout: string; code: number | null }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...vars };
  delete env.NODE_TEST_CONTEXT;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ stdout, code }));
  });
}

test('every test file that reads ../shared is in the table of test/helpers/shared.ts', () => {
  const readers = readdirSync(testDir)
    .filter((f) => f.endsWith('.test.js') && f !== 'shared-notice.test.js')
    .filter((f) => /from '\.\/helpers\/(repo\.js'.*sharedDir|gateway-api-schema\.js|adc-schema\.js)/.test(readFileSync(join(testDir, f), 'utf8').replace(/\n(?!import)/g, ' ')));
  const listed = new Set(Object.values(sharedUses).map((use) => use.file));
  assert.deepEqual(readers.filter((f) => !listed.has(f)), []);
  assert.ok(readers.length >= 5, readers.join(', '));
});

test('with ../shared hidden, the notice counts exactly the checks the tests skip for it', async () => {
  const notice = await runNode([join(testDir, 'shared-notice.js')], hideShared);
  assert.equal(notice.code, 0);
  const line = notice.stdout.trim();
  const announced = /^note: \.\.\/shared not found: (\d+) checks skipped \(official CRD schemas, real-world manifests, ADC schema\); /.exec(line);
  assert.ok(announced, line);
  const files = [...new Set(Object.values(sharedUses).map((use) => join(testDir, use.file)))];
  const run = await runNode(['--test', '--test-reporter=tap', ...files], hideShared);
  assert.equal(run.code, 0, run.stdout.slice(-2000));
  const skipped = run.stdout.split('\n').filter((l) => /^\s*ok \d+ - .* # SKIP /.test(l) && l.includes(`# SKIP ${SHARED_SKIP}`));
  assert.equal(skipped.length, Number(announced[1]), skipped.join('\n'));
  // Every skip of these files that speaks of ../shared has the one reason (skips for other reasons,
  // such as a Helm fixture that is no data to permute, happen with ../shared present too).
  assert.equal(run.stdout.split('\n').filter((l) => /^\s*ok \d+ - .* # SKIP .*shared/.test(l)).length, skipped.length);
});

test('with ../shared present, the notice prints nothing', { skip: sharedDir ? false : `${SHARED_SKIP} (this checkout has none)` }, async () => {
  const notice = await runNode([join(testDir, 'shared-notice.js')], {});
  assert.deepEqual(notice, { stdout: '', code: 0 });
});
