// Peak memory on hostile input stays within a fixed multiple of the input's size (plus a constant):
// an alias bomb, a huge scalar, deep nesting and thousands of annotations each run in a child
// process of their own, whose peak RSS is compared with that of a one-Ingress input. Before the
// input limits, a 50 MB annotation took 2 GB and 2M aliased paths 2.8 GB.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { repoRoot } from './helpers/repo.js';

const scratch = mkdtempSync(join(tmpdir(), 'ing2gw-memory-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const ingress = (extra = '') =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: a\n  namespace: x\n${extra}spec:\n  ingressClassName: c\n  defaultBackend: {service: {name: s, port: {number: 80}}}\n`;

const paths = Array.from({ length: 2000 }, (_, i) => `      - path: /p${i}\n        pathType: Prefix\n        backend: {service: {name: s, port: {number: 80}}}\n`).join('');
const inputs: Record<string, string> = {
  tiny: ingress(),
  'scalar-20MiB': ingress(`  annotations:\n    a.io/x: "${'x'.repeat(20 * 1024 * 1024)}"\n`),
  'annotations-20k': ingress(`  annotations:\n${Array.from({ length: 20000 }, (_, i) => `    example.com/k${i}: "v${i}"\n`).join('')}`),
  'alias-bomb': `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: b, namespace: x}\nspec:\n  ingressClassName: c\n  rules:\n  - host: a.com\n    http:\n      paths: &p\n${paths}${Array.from({ length: 999 }, (_, i) => `  - host: h${i}.com\n    http:\n      paths: *p\n`).join('')}---\n${ingress()}`,
  'nesting-3000': ingress(`  labels:\n${Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i + 2)}k${i}:\n`).join('')}${'  '.repeat(3002)}x: 1\n`),
};

/** Peak RSS in bytes of a child that converts `file` (positions as the CLI reads them). */
function peakRss(file: string): number {
  const script = `import(${JSON.stringify(join(repoRoot, 'dist', 'src', 'index.js'))}).then(({ convert, sourceOf }) => {
    const { readFileSync } = require('node:fs');
    convert([sourceOf('in.yaml', readFileSync(${JSON.stringify(file)}))], { positions: 'findings' });
    process.stdout.write(String(process.resourceUsage().maxRSS * 1024));
  })`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  return Number(run.stdout);
}

test('peak memory on hostile input: at most 64 MB plus 256× the input over a one-Ingress run, and never 512 MB', () => {
  const files = Object.entries(inputs).map(([name, text]) => {
    const file = join(scratch, `${name}.yaml`);
    writeFileSync(file, text);
    return { name, file, size: statSync(file).size };
  });
  const base = peakRss(files[0]!.file);
  for (const { name, file, size } of files.slice(1)) {
    const extra = peakRss(file) - base;
    const bound = Math.min(64 * 2 ** 20 + 256 * size, 512 * 2 ** 20);
    assert.ok(extra <= bound, `${name} (${(size / 2 ** 20).toFixed(1)} MiB): ${(extra / 2 ** 20).toFixed(0)} MiB over the one-Ingress run; bound ${(bound / 2 ** 20).toFixed(0)} MiB`);
  }
});
