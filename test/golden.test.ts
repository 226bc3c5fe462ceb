// Golden fixtures: fixtures/<case>/input.(yaml|json) or input/ → expected.yaml (stdout) and
// expected.report.txt (stderr + exit status). UPDATE_GOLDEN=1 rewrites the expected files;
// read every rewritten file line by line before committing it.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './helpers/repo.js';
import { runCliCaptured } from './helpers/run-cli.js';

const update = process.env['UPDATE_GOLDEN'] === '1';

export interface GoldenCase {
  name: string;
  dir: string;
  /** Input path relative to the repository root (how it appears in reports). */
  input: string;
  args: string[];
}

export function goldenCases(): GoldenCase[] {
  const root = join(repoRoot, 'fixtures');
  const cases: GoldenCase[] = [];
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    const input = ['input.yaml', 'input.json', 'input'].find((f) => existsSync(join(dir, f)));
    if (!input) continue;
    const optionsFile = join(dir, 'options.json');
    const args = existsSync(optionsFile) ? ((JSON.parse(readFileSync(optionsFile, 'utf8')) as { args?: string[] }).args ?? []) : [];
    cases.push({ name, dir, input: `fixtures/${name}/${input}`, args });
  }
  // The README's bundled examples: the input is the example directory, expected files beside it.
  const examples = join(root, 'examples');
  for (const name of existsSync(examples) ? readdirSync(examples).sort() : []) {
    if (!existsSync(join(examples, name, 'README.md'))) continue;
    cases.push({ name: `examples/${name}`, dir: join(examples, `${name}.expected`), input: `fixtures/examples/${name}`, args: [] });
  }
  return cases;
}

export async function runGolden(c: GoldenCase) {
  process.chdir(repoRoot); // report paths are relative to the repository root
  const run = await runCliCaptured(['convert', c.input, ...c.args]);
  return { ...run, report: `${run.stderr}exit status: ${run.exitCode}\n` };
}

for (const c of goldenCases()) {
  test(`golden: ${c.name}`, async () => {
    const { stdout, report } = await runGolden(c);
    const expectedYaml = join(c.dir, 'expected.yaml');
    const expectedReport = join(c.dir, 'expected.report.txt');
    if (update) {
      const { mkdirSync } = await import('node:fs');
      mkdirSync(c.dir, { recursive: true });
      writeFileSync(expectedYaml, stdout);
      writeFileSync(expectedReport, report);
      return;
    }
    assert.ok(existsSync(expectedYaml), `${expectedYaml} is missing; run UPDATE_GOLDEN=1 npm test and review it`);
    assert.equal(stdout, readFileSync(expectedYaml, 'utf8'), `${c.name}: converted output differs from ${expectedYaml}`);
    assert.equal(report, readFileSync(expectedReport, 'utf8'), `${c.name}: report differs from ${expectedReport}`);
  });
}
