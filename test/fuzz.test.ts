// Fuzz and adversarial suite, in-process: generated manifests (documents, Lists, JSON, anchors,
// awkward names, annotation keys and values with control characters), damaged real inputs, token
// soup, deep nesting, alias bombs and random bytes. Properties: no exception escapes convert or
// verify (every problem is a finding), the same input gives the same output and reports, every
// annotation of an Ingress is accounted exactly once, and time stays within a coarse bound of the
// input's size. Seeds are fixed (FUZZ_SEED overrides; fast-check prints the seed and path of a
// failure, to replay with { seed, path }); FUZZ_SCALE multiplies the runs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildReport, convert, reportFormats, serialize, serializeAdc, verify, type ConversionResult, type ConvertOptions, type InputSource } from '../src/index.js';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { formatVerifyJson, formatVerifyText } from '../src/verify/report.js';
import { aliasBomb, damagedText, deepNesting, manifests, randomBytes, tokenSoup } from './helpers/fuzz-arbitraries.js';
import { fixtureFiles } from './helpers/golden.js';
import { repoRoot } from './helpers/repo.js';

const seed = Number(process.env['FUZZ_SEED'] ?? 20261203);
const scale = Number(process.env['FUZZ_SCALE'] ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * scale));
const settings = (n: number): fc.Parameters<unknown> => ({ seed, numRuns: runs(n), endOnFailure: true });

const optionSets: ConvertOptions[] = [{}, { to: 'adc' }, { target: 'apisix-ingress-controller@2' }, { sharedGateway: { namespace: 'infra', name: 'shared' }, createSharedGateway: true }, { ingressClasses: ['nginx'] }];

/** Everything a run produces, as text: output, and every report format. */
function everything(sources: InputSource[], options: ConvertOptions, keep?: (result: ConversionResult) => void): string {
  const result = convert(sources, options);
  keep?.(result);
  const report = buildReport(result, 'fuzz');
  const output = result.adc ? serializeAdc(result.adc, 'yaml') : serialize(result.objects, 'yaml');
  const formats = Object.entries(reportFormats).map(([name, format]) => `--- ${name}\n${format(report, undefined, { verbose: true })}`);
  return [output, ...formats].join('\n');
}

/** A coarse guard: linear in the input with a large constant (a loaded CI machine, a GC pause). */
function assertQuick(ms: number, size: number): void {
  assert.ok(ms < 3000 + size * 0.5, `${ms.toFixed(0)} ms for ${size} characters`);
}

const sizeOf = (s: InputSource) => ('text' in s ? s.text.length : s.bytes.length);

/** No exception, the same result twice, within the time bound. */
function assertSafeAndDeterministic(sources: InputSource[], options: ConvertOptions, keep?: (result: ConversionResult) => void): string {
  const start = performance.now();
  const first = everything(sources, options, keep);
  assertQuick(performance.now() - start, sources.reduce((n, s) => n + sizeOf(s), 0));
  // The parser never overflows the stack: documents nested past the limit are refused first (an
  // overflow's finding had a column that depended on the stack at hand).
  assert.ok(!first.includes('Maximum call stack size exceeded'), 'a stack overflow reached the report');
  assert.equal(everything(sources, options), first, 'the same input gave a different output or report');
  return first;
}

test('generated manifests: no exception, deterministic, every annotation accounted exactly once', () => {
  fc.assert(
    fc.property(manifests, fc.constantFrom(...optionSets), ({ text, expected }, options) => {
      const sources = [{ name: 'in.yaml', text }];
      let accounting: ConversionResult['accounting'] = [];
      assertSafeAndDeterministic(sources, options, (result) => (accounting = result.accounting));
      for (const o of accounting) {
        const names = o.entries.filter((e) => e.kind === 'annotation').map((e) => e.name);
        assert.equal(new Set(names).size, names.length, `${o.object.name}: an annotation accounted twice: ${JSON.stringify(names)}`);
      }
      for (const want of expected) {
        const found = accounting.filter((o) => o.location.doc === want.doc && o.location.path === want.path);
        assert.equal(found.length, 1, `${want.name} (doc ${want.doc}, ${want.path || 'top'}): ${found.length} accounts`);
        const names = found[0]!.entries.filter((e) => e.kind === 'annotation').map((e) => e.name);
        assert.deepEqual([...names].sort(), [...want.keys].sort(), `${want.name}: the annotations accounted`);
      }
    }),
    settings(1500),
  );
});

test('generated manifests through verify: no exception, deterministic', () => {
  fc.assert(
    fc.property(manifests, fc.constantFrom<ConvertOptions>({}, { to: 'adc' }), ({ text }, options) => {
      const run = () => {
        const result = verify([{ name: 'in.yaml', text }], options);
        return formatVerifyJson(result.verification) + formatVerifyText(result.verification);
      };
      const start = performance.now();
      const first = run();
      assertQuick(performance.now() - start, text.length);
      assert.equal(run(), first);
    }),
    settings(1500),
  );
});

const realInputs = fixtureFiles('input.yaml').map((f) => f.text);

test('damaged real inputs: no exception, deterministic', () => {
  fc.assert(
    fc.property(damagedText(realInputs), fc.constantFrom(...optionSets), (text, options) => {
      assertSafeAndDeterministic([{ name: 'in.yaml', text }], options);
    }),
    settings(1200),
  );
});

test('token soup, deep nesting, alias bombs: no exception, deterministic', () => {
  fc.assert(
    fc.property(fc.oneof({ weight: 8, arbitrary: tokenSoup }, { weight: 1, arbitrary: deepNesting }, { weight: 1, arbitrary: aliasBomb }), fc.constantFrom('in.yaml', 'in.json'), (text, name) => {
      assertSafeAndDeterministic([{ name, text }], {});
    }),
    settings(2000),
  );
});

test('random bytes: no exception, deterministic', () => {
  fc.assert(
    fc.property(randomBytes, fc.constantFrom('in.yaml', 'in.json', 'in'), (bytes, name) => {
      assertSafeAndDeterministic([{ name, bytes }], {});
    }),
    settings(3800),
  );
});

test('the binary on a few generated inputs: an exit code with a meaning, no stack trace, no raw terminal control', () => {
  const samples = fc.sample(fc.oneof(manifests.map((m) => m.text), tokenSoup, aliasBomb), { seed, numRuns: 4 });
  for (const [i, text] of samples.entries()) {
    for (const command of ['convert', 'verify']) {
      const run = spawnSync(process.execPath, [join(repoRoot, 'bin', 'ing2gw.js'), command, '-'], { input: text, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.ok([0, 1, 2].includes(run.status ?? -1), `sample ${i}, ${command}: exit ${run.status}\n${run.stderr}`);
      assert.doesNotMatch(run.stderr, /^\s+at /m, `sample ${i}, ${command}: a stack trace`);
      assert.doesNotMatch(run.stderr, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, `sample ${i}, ${command}: raw control on stderr`);
    }
  }
});
