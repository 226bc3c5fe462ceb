// Every Gateway API object the converter emits, for every golden fixture and every real-world
// manifest in ../shared/realworld, must pass the official v1.6.1 standard-channel CRDs.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { convert } from '../src/index.js';
import { coreAnnotation } from '../src/parsers/ingress/annotations.js';
import { goldenCases, runGolden } from './helpers/golden.js';
import { loadOutputValidator as loadValidator } from './helpers/gateway-api-schema.js';
import { repoRoot, sharedDir } from './helpers/repo.js';
import { sharedSkip } from './helpers/shared.js';

const validator = loadValidator();
const skip = sharedSkip('officialSchema');

function validateYaml(text: string): string[] {
  const errors: string[] = [];
  for (const doc of parseAllDocuments(text)) {
    const object = doc.toJS() as unknown;
    if (object) errors.push(...validator!.validate(object));
  }
  return errors;
}

for (const c of goldenCases()) {
  test(`official schema: ${c.name}`, { skip }, async () => {
    const { stdout } = await runGolden(c);
    assert.deepEqual(validateYaml(stdout), []);
  });
}

function manifestFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return manifestFiles(path);
      return /\.(ya?ml|json)$/.test(name) ? [path] : [];
    });
}

test('real-world manifests: convert without a crash, to schema-valid output, every annotation accounted for', { skip: sharedSkip('realworld') }, () => {
  const files = manifestFiles(join(sharedDir!, 'realworld'));
  assert.ok(files.length > 20, `expected the real-world corpus, found ${files.length} files`);
  for (const file of files) {
    const name = relative(repoRoot, file);
    const text = readFileSync(file, 'utf8');
    const result = convert([{ name, text }]);
    for (const object of result.objects) assert.deepEqual(validator!.validate(object), [], `${name}: emitted object fails the CRD schema`);
    // Every annotation of every Ingress in the file is either understood or reported, at its location.
    for (const doc of parseAllDocuments(text)) {
      const value = doc.toJS() as { kind?: string; metadata?: { name?: string; annotations?: Record<string, string> } } | null;
      if (value?.kind !== 'Ingress') continue;
      for (const key of Object.keys(value.metadata?.annotations ?? {})) {
        if (coreAnnotation(key)) continue; // understood, or bookkeeping by design
        const path = `metadata.annotations[${JSON.stringify(key)}]`;
        const reported = result.diagnostics.some(
          (d) => (d.code === 'annotation-not-converted' && d.location?.path.endsWith(path)) || (d.code === 'ingress-invalid' && d.object?.name === value.metadata?.name),
        );
        assert.ok(reported, `${name}: annotation ${key} is neither converted nor reported`);
      }
    }
  }
});
