// Parser output must satisfy the IR's zod contract, for every golden fixture.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ingressClassSchema, ingressSchema, serviceSchema } from '../src/ir/model.js';
import { InputReader } from '../src/parsers/index.js';
import { DiagnosticSink } from '../src/reporter/sink.js';
import { goldenCases } from './helpers/golden.js';
import { repoRoot } from './helpers/repo.js';

function files(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((n) => files(join(path, n)));
}

test('every fixture parses into IR that satisfies the IR schemas', () => {
  let ingresses = 0;
  for (const c of goldenCases()) {
    const reader = new InputReader({ defaultNamespace: 'default' }, new DiagnosticSink());
    for (const file of files(join(repoRoot, c.input))) if (/\.(ya?ml|json)$/.test(file)) reader.addSource({ name: file, text: readFileSync(file, 'utf8') });
    const model = reader.model();
    for (const i of model.ingresses) assert.doesNotThrow(() => ingressSchema.parse(i), `${c.name}: ${i.namespace}/${i.name}`);
    for (const s of model.services) serviceSchema.parse(s);
    for (const k of model.ingressClasses) ingressClassSchema.parse(k);
    ingresses += model.ingresses.length;
  }
  assert.ok(ingresses > 50);
});
