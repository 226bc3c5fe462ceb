// Golden fixture discovery and execution, shared by the golden and official-schema tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './repo.js';
import { runCliCaptured } from './run-cli.js';

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

/** Every fixture (by name, top level) that has `file`, with that file's text. */
export function fixtureFiles(file: string): { name: string; text: string }[] {
  const root = join(repoRoot, 'fixtures');
  return readdirSync(root)
    .sort()
    .filter((name) => existsSync(join(root, name, file)))
    .map((name) => ({ name, text: readFileSync(join(root, name, file), 'utf8') }));
}

export async function runGolden(c: GoldenCase) {
  process.chdir(repoRoot); // report paths are relative to the repository root
  // --verbose: every finding of every fixture stays under test, not only the grouped overview.
  const run = await runCliCaptured(['convert', c.input, ...c.args, '--verbose']);
  return { ...run, report: `${run.stderr}exit status: ${run.exitCode}\n` };
}

