// Golden fixtures: fixtures/<case>/input.(yaml|json) or input/ → expected.yaml (stdout) and
// expected.report.txt (stderr + exit status). UPDATE_GOLDEN=1 rewrites the expected files;
// read every rewritten file line by line before committing it.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { goldenCases, runGolden } from './helpers/golden.js';

const update = process.env['UPDATE_GOLDEN'] === '1';

for (const c of goldenCases()) {
  test(`golden: ${c.name}`, async () => {
    const { stdout, report } = await runGolden(c);
    const expectedYaml = join(c.dir, 'expected.yaml');
    const expectedReport = join(c.dir, 'expected.report.txt');
    if (update) {
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
