// The benchmark is not a timed test; CI only checks that it runs on a small corpus and reports
// every ratio with its target.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './helpers/repo.js';

test('npm run bench runs on a small corpus and writes its ratios', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ing2gw-bench-'));
  try {
    const run = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'bench.mjs'), '--small', '--out', scratch], { encoding: 'utf8', timeout: 180_000 });
    assert.equal(run.status, 0, run.stderr);
    const results = JSON.parse(readFileSync(join(scratch, 'results.json'), 'utf8')) as { ratios: { name: string; value: number; target?: number }[] };
    const names = results.ratios.map((r) => r.name);
    for (const expected of ['convert / yaml floor', 'JSON input / JSON floor', 'verify / convert', 'verify / convert, 20 shared hosts', 'ing2gw --version / node -e 0', 'convert one Ingress / node -e 0']) {
      assert.ok(names.some((n) => n.includes(expected)), expected);
    }
    for (const r of results.ratios) assert.ok(Number.isFinite(r.value) || r.name.includes('RSS'), r.name);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
