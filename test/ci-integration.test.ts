// The ready-made CI steps, run offline: the shell steps of action.yml, the GitLab job's script and the
// pre-commit hook's entry run in bash against a copy of the shop example, with the CLI built here
// on PATH instead of an install, and fake GITHUB_STEP_SUMMARY, GITHUB_OUTPUT and gh. Steps that need
// the network (actions/setup-node, upload-sarif, the installs) are checked for their shape only.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { parse } from 'yaml';
import { repoRoot } from './helpers/repo.js';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
}
interface Action {
  name: string;
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as Action;
const step = (id: string) => action.runs.steps.find((s) => s.id === id) ?? assert.fail(`no step ${id}`);
const scratch = mkdtempSync(join(tmpdir(), 'ing2gw-ci-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A directory for PATH with `ing2gw` (the CLI built here) and a fake `gh` that logs its calls; `gh api` prints ING2GW_FAKE_COMMENT_ID. */
const bin = (() => {
  const dir = join(scratch, 'bin');
  mkdirSync(dir);
  writeFileSync(join(dir, 'ing2gw'), `#!/bin/sh\nexec '${process.execPath}' '${join(repoRoot, 'bin', 'ing2gw.js')}' "$@"\n`);
  writeFileSync(join(dir, 'gh'), '#!/bin/sh\nprintf \'%s\\n\' "$*" >> "$GH_LOG"\nif [ "$1" = api ] && [ -z "${2##repos/*/comments}" ]; then printf \'%s\' "$ING2GW_FAKE_COMMENT_ID"; fi\n');
  chmodSync(join(dir, 'ing2gw'), 0o755);
  chmodSync(join(dir, 'gh'), 0o755);
  return dir;
})();

let workspaces = 0;
/** A repository checkout: the shop example as manifests/, plus optional other fixture inputs. */
function workspace(...extra: string[]): string {
  const dir = join(scratch, `ws-${++workspaces}`);
  cpSync(join(repoRoot, 'fixtures', 'examples', 'shop', 'input'), join(dir, 'manifests'), { recursive: true });
  for (const f of extra) cpSync(join(repoRoot, 'fixtures', f, 'input.yaml'), join(dir, 'manifests', `${f}.yaml`));
  return dir;
}

function bash(script: string, cwd: string, env: Record<string, string>, flags: string[] = []) {
  const run = spawnSync('bash', [...flags, '-c', script], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env, PATH: `${bin}:${process.env.PATH}` } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The CLI itself, for the exit codes and outputs the steps must pass on. */
const cli = (cwd: string, args: string[]) => spawnSync('ing2gw', args, { cwd, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });

/** `${{ a.b.c }}` expressions of env values, resolved in a small context (no operators needed there). */
function resolve(value: string, context: Record<string, unknown>): string {
  return value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, path: string) => {
    const found = path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], context);
    return found === undefined ? '' : String(found);
  });
}

interface ActionRun {
  code: number | null;
  outputs: Record<string, string>;
  summary: string;
  log: string;
  gh: string;
}

/** Runs the action's shell steps after setup and install: convert, the PR comment when asked, and the final exit. */
function runAction(cwd: string, given: Record<string, string>, event = 'push', fakeCommentId = ''): ActionRun {
  const inputs: Record<string, string> = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? '']));
  Object.assign(inputs, { 'github-token': 'fake-token' }, given);
  const runnerTemp = mkdtempSync(join(scratch, 'runner-'));
  const files = { GITHUB_STEP_SUMMARY: join(runnerTemp, 'summary.md'), GITHUB_OUTPUT: join(runnerTemp, 'output.txt'), GH_LOG: join(runnerTemp, 'gh.log') };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const base = { ...files, RUNNER_TEMP: runnerTemp, GITHUB_WORKSPACE: cwd, ING2GW_FAKE_COMMENT_ID: fakeCommentId };
  const outputs: Record<string, string> = {};
  const context = { inputs, steps: { run: { outputs } }, github: { token: 'fake-token', repository: 'acme/infra', event_name: event, event: { pull_request: { number: 42 } } } };
  const exec = (s: Step) => {
    const env = Object.fromEntries(Object.entries(s.env ?? {}).map(([k, v]) => [k, resolve(v, context)]));
    return bash(s.run!, cwd, { ...base, ...env });
  };
  const converted = exec(step('run'));
  assert.equal(converted.code, 0, `the convert step itself succeeds and records the exit code\n${converted.stderr}`);
  for (const line of readFileSync(files.GITHUB_OUTPUT, 'utf8').split('\n').filter(Boolean)) {
    const at = line.indexOf('=');
    outputs[line.slice(0, at)] = line.slice(at + 1);
  }
  let log = converted.stdout + converted.stderr;
  // The comment step's condition, as the runner evaluates it for these inputs.
  if (inputs['pr-comment'] === 'true' && event === 'pull_request' && outputs['markdown-file']) {
    const commented = exec(step('comment'));
    assert.equal(commented.code, 0, commented.stderr);
    log += commented.stdout + commented.stderr;
  }
  const final = exec(action.runs.steps.at(-1)!);
  return { code: final.code, outputs, summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'), log: log + final.stdout, gh: readFileSync(files.GH_LOG, 'utf8') };
}

describe('GitHub Action (action.yml)', () => {
  test('a composite action: setup-node, install, convert, upload-sarif and the PR comment when asked, then the exit code', () => {
    assert.equal(action.runs.using, 'composite');
    for (const input of ['paths', 'target', 'fail-on', 'check', 'args', 'output', 'upload-sarif', 'pr-comment', 'version', 'node-version']) assert.ok(action.inputs[input], input);
    assert.equal(action.inputs['fail-on']!.default, 'error');
    assert.deepEqual(Object.keys(action.outputs).sort(), ['exit-code', 'markdown-file', 'output-file', 'sarif-file']);
    const [setup, install, run, upload, comment, final] = action.runs.steps;
    assert.match(setup!.uses!, /^actions\/setup-node@v\d+$/);
    assert.equal(setup!.with!['node-version'], '${{ inputs.node-version }}');
    assert.equal(setup!.with!['package-manager-cache'], false);
    assert.equal(install!.id, 'install');
    assert.match(install!.run!, /npm install --global .*"ing2gw@\$ING2GW_VERSION"/);
    assert.match(install!.run!, /cd "\$GITHUB_ACTION_PATH" && npm ci/);
    assert.equal(run!.id, 'run');
    assert.match(upload!.uses!, /^github\/codeql-action\/upload-sarif@v\d+$/);
    assert.equal(upload!.with!.sarif_file, '${{ steps.run.outputs.sarif-file }}');
    assert.match(upload!.if!, /always\(\) && inputs\.upload-sarif == 'true' && steps\.run\.outputs\.sarif-file != ''/);
    assert.match(comment!.if!, /inputs\.pr-comment == 'true' && github\.event_name == 'pull_request'/);
    assert.equal(final!.if, '${{ always() }}');
    for (const s of action.runs.steps.filter((s) => s.run !== undefined)) {
      assert.equal(s.shell, 'bash', s.name);
      // Inputs reach scripts through env only: an expression in the script text could inject shell code.
      assert.doesNotMatch(s.run!, /\$\{\{/, s.name);
    }
  });

  test('converts the shop example: SARIF file, markdown summary, outputs; exit 0', () => {
    const ws = workspace();
    const run = runAction(ws, { paths: 'manifests/' });
    assert.equal(run.code, 0, run.log);
    assert.equal(run.outputs['exit-code'], '0');
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8')) as { version: string; runs: { tool: { driver: { name: string } } }[] };
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0]!.tool.driver.name, 'ing2gw');
    assert.match(run.summary, /^## ing2gw conversion report/);
    assert.equal(run.summary, readFileSync(run.outputs['markdown-file']!, 'utf8'));
    assert.match(readFileSync(run.outputs['output-file']!, 'utf8'), /^kind: Gateway$/m);
    assert.equal(run.gh, '', 'no comment outside pull requests');
  });

  test('the exit code follows fail-on: warnings fail the job with fail-on warning, not with error', () => {
    const ws = workspace('wildcard-host');
    assert.equal(cli(ws, ['convert', 'manifests/', '--fail-on', 'warning']).status, 1);
    const strict = runAction(ws, { paths: 'manifests', 'fail-on': 'warning', args: '--gateway-class eg', output: join(ws, 'gateway-api.yaml') });
    assert.equal(strict.code, 1, strict.log);
    assert.equal(strict.outputs['exit-code'], '1');
    assert.match(strict.log, /::error title=ing2gw::findings at or above fail-on/);
    assert.match(readFileSync(join(ws, 'gateway-api.yaml'), 'utf8'), /gatewayClassName: eg/);
    const sarif = JSON.parse(readFileSync(strict.outputs['sarif-file']!, 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    assert.deepEqual(sarif.runs[0]!.results.map((r) => r.ruleId), ['wildcard-host']);
    assert.match(strict.summary, /wildcard-host/);
    assert.equal(runAction(ws, { paths: 'manifests', 'fail-on': 'error' }).code, 0);
  });

  test('check: up to date exits 0; drift exits as the CLI does, with the diff in the summary', () => {
    const ws = workspace();
    writeFileSync(join(ws, 'gateway-api.yaml'), cli(ws, ['convert', 'manifests/']).stdout);
    assert.equal(runAction(ws, { paths: 'manifests/', check: 'gateway-api.yaml' }).code, 0);
    writeFileSync(join(ws, 'gateway-api.yaml'), readFileSync(join(ws, 'gateway-api.yaml'), 'utf8').replace(/port: 80\b/, 'port: 8080'));
    const drift = cli(ws, ['convert', 'manifests/', '--check', 'gateway-api.yaml']).status;
    assert.ok(drift === 1 || drift === 3, `drift exit ${drift}`);
    const run = runAction(ws, { paths: 'manifests/', check: 'gateway-api.yaml' });
    assert.equal(run.code, drift, run.log);
    assert.match(run.summary, /<details><summary>gateway-api\.yaml differs from what ing2gw generates<\/summary>\n\n```diff\n[^]*\+\s+port: 80\n[^]*```\n<\/details>/);
  });

  test('a usage error exits 2 and leaves no SARIF to upload', () => {
    const run = runAction(workspace(), { paths: 'manifests/', target: 'no-such-target' });
    assert.equal(run.code, 2, run.log);
    assert.equal(run.outputs['sarif-file'], undefined);
    assert.match(run.summary, /could not produce a report \(exit code 2\)/);
    assert.match(run.log, /::error title=ing2gw::usage error/);
  });

  test('pull requests: the markdown report becomes a comment, or updates the earlier one', () => {
    const ws = workspace();
    const first = runAction(ws, { paths: 'manifests/', 'pr-comment': 'true' }, 'pull_request');
    assert.equal(first.code, 0, first.log);
    const calls = first.gh.trim().split('\n');
    assert.equal(calls[0], 'api repos/acme/infra/issues/42/comments --paginate --jq .[] | select(.body | startswith("<!-- ing2gw-report -->")) | .id');
    const body = /^pr comment 42 --body-file (\S+)$/.exec(calls[1]!)?.[1] ?? assert.fail(first.gh);
    assert.equal(readFileSync(body, 'utf8'), `<!-- ing2gw-report -->\n${first.summary}`);
    const again = runAction(ws, { paths: 'manifests/', 'pr-comment': 'true' }, 'pull_request', '9001');
    assert.match(again.gh.trim().split('\n')[1]!, /^api --method PATCH repos\/acme\/infra\/issues\/comments\/9001 -F body=@\S+comment\.md$/);
    assert.equal(runAction(ws, { paths: 'manifests/', 'pr-comment': 'true' }, 'push').gh, '');
  });
});

describe('GitLab CI example (examples/ci/gitlab-ci.yml)', () => {
  const ci = parse(readFileSync(join(repoRoot, 'examples', 'ci', 'gitlab-ci.yml'), 'utf8')) as Record<string, { image: string; variables: Record<string, string>; before_script: string[]; script: string[]; artifacts: { when: string; paths: string[]; reports: Record<string, string> } }>;
  const job = ci.ing2gw!;

  test('a node job that installs ing2gw and keeps the reports as artifacts, Code Quality for merge requests', () => {
    assert.match(job.image, /^node:(2\d)/);
    assert.equal(job.variables.ING2GW_PACKAGE, 'git+https://github.com/ing2gw/ing2gw.git');
    assert.match(job.before_script.join('\n'), /npm pack --silent "\$ING2GW_PACKAGE".*npm install --global/);
    assert.equal(job.artifacts.when, 'always');
    assert.deepEqual(job.artifacts.reports, { codequality: 'gl-code-quality-report.json' });
    assert.deepEqual(job.artifacts.paths, ['ing2gw/']);
  });

  /** The job's script as GitLab runs it: one bash session with errexit and pipefail. */
  const runJob = (cwd: string, variables: Record<string, string>) => bash(job.script.join('\n'), cwd, { ...job.variables, CI_PROJECT_DIR: cwd, ...variables }, ['-eo', 'pipefail']);

  test('the script: SARIF and markdown in ing2gw/, Code Quality issues from the SARIF, exit code by fail-on', () => {
    const ws = workspace('wildcard-host');
    const lenient = runJob(ws, {});
    assert.equal(lenient.code, 0, lenient.stderr);
    assert.match(lenient.stdout, /^## ing2gw conversion report/m);
    assert.match(lenient.stdout, /^1 findings in gl-code-quality-report\.json$/m);
    assert.match(readFileSync(join(ws, 'ing2gw', 'output.yaml'), 'utf8'), /^kind: HTTPRoute$/m);
    const issues = JSON.parse(readFileSync(join(ws, 'gl-code-quality-report.json'), 'utf8')) as { check_name: string; severity: string; fingerprint: string; description: string; location: { path: string; lines: { begin: number } } }[];
    assert.equal(issues.length, 1);
    assert.deepEqual({ ...issues[0]!, fingerprint: issues[0]!.fingerprint.length }, {
      check_name: 'wildcard-host',
      severity: 'minor',
      fingerprint: 64,
      description: issues[0]!.description,
      location: { path: 'manifests/wildcard-host.yaml', lines: { begin: 14 } },
    });
    assert.match(issues[0]!.description, /^\*\.example\.com matches exactly one label/);
    const strict = runJob(workspace('wildcard-host'), { ING2GW_FAIL_ON: 'warning' });
    assert.equal(strict.code, 1, strict.stderr);
    assert.match(strict.stdout, /^1 findings in gl-code-quality-report\.json$/m, 'the reports are written before the job fails');
  });

  test('check: drift fails the job as the CLI exits, with the diff in the log', () => {
    const ws = workspace();
    const output = cli(ws, ['convert', 'manifests/']).stdout;
    writeFileSync(join(ws, 'gateway-api.yaml'), output);
    assert.equal(runJob(ws, { ING2GW_CHECK: 'gateway-api.yaml' }).code, 0);
    writeFileSync(join(ws, 'gateway-api.yaml'), output.replace(/port: 80\b/, 'port: 8080'));
    const drift = runJob(ws, { ING2GW_CHECK: 'gateway-api.yaml' });
    assert.equal(drift.code, cli(ws, ['convert', 'manifests/', '--check', 'gateway-api.yaml']).status);
    assert.notEqual(drift.code, 0);
    assert.match(drift.stdout, /^gateway-api\.yaml differs:\n[^]*^\+\s+port: 80$/m);
  });
});

describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  const hooks = parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; pass_filenames: boolean; files: string }[];

  test('ing2gw-check: a node hook running ing2gw convert --check, on the whole input rather than the staged files', () => {
    assert.deepEqual(hooks.map((h) => h.id), ['ing2gw-check']);
    const hook = hooks[0]!;
    assert.equal(hook.entry, 'ing2gw convert --check');
    assert.equal(hook.language, 'node');
    assert.equal(hook.pass_filenames, false);
    assert.ok(new RegExp(hook.files).test('manifests/a.yaml') && !new RegExp(hook.files).test('README.md'));
    // pre-commit installs a node hook from the archive name `npm pack` prints; the build's output must not come first.
    assert.match(readFileSync(join(repoRoot, '.npmrc'), 'utf8'), /^foreground-scripts=false$/m);
  });

  test('the entry with the documented args passes when the output is up to date and fails on drift', () => {
    const ws = workspace();
    const entry = `${hooks[0]!.entry} gateway-api/ manifests/`;
    assert.equal(cli(ws, ['convert', 'manifests/', '--out-dir', 'gateway-api']).status, 0);
    assert.equal(bash(entry, ws, {}).code, 0);
    writeFileSync(join(ws, 'manifests', 'extra.yaml'), readFileSync(join(repoRoot, 'fixtures', 'wildcard-host', 'input.yaml'), 'utf8'));
    const drift = bash(entry, ws, {});
    assert.ok(drift.code === 1 || drift.code === 3, `exit ${drift.code}`);
    assert.match(drift.stdout, /wildcard/);
    assert.ok(existsSync(join(ws, 'gateway-api')));
  });
});
