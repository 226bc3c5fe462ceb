// The README's generated tables must match the data they are generated from (npm run docs).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { generatedSections, replaceSection } from '../src/reporter/docs.js';
import { repoRoot } from './helpers/repo.js';

test('README tables are up to date (run `npm run docs`)', () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  let expected = readme;
  for (const [name, render] of Object.entries(generatedSections)) expected = replaceSection(expected, name, render());
  assert.equal(readme, expected);
});
