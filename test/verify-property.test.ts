// Property: for random Ingress corpora, the converted output routes every probe as the Ingresses
// did, or the report announces the difference. And the check has teeth: a converter that emits
// Prefix as Exact is caught.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { ConversionTrace } from '../src/converters/gateway-api/trace.js';
import { formatOutcome, formatProbe, verify, type ConvertOptions, type VerifyResult } from '../src/index.js';
import { corpusArb, type Corpus } from './helpers/corpus.js';

const SEED = Number(process.env['VERIFY_SEED'] ?? 20261122);
const RUNS = Number(process.env['VERIFY_RUNS'] ?? 1000);

function sourcesOf(corpus: Corpus) {
  return [{ name: 'corpus.yaml', text: corpus.objects.map((o) => stringify(o)).join('---\n') }];
}

function describeUnreported(result: VerifyResult, corpus: Corpus): string {
  const lines = result.divergences
    .filter((d) => d.explainedBy.length === 0)
    .slice(0, 5)
    .map((d) => `${formatProbe(d.probe)} (${d.scope}): ingress ${formatOutcome(d.ingress.outcome)}, output ${formatOutcome(d.output.outcome)}`);
  return `${lines.join('\n')}\noptions: ${JSON.stringify(corpus.options)}\ninput:\n${sourcesOf(corpus)[0]!.text}`;
}

test(`random Ingress sets: zero unreported divergences (${RUNS} cases, seed ${SEED})`, () => {
  let probes = 0;
  let expected = 0;
  fc.assert(
    fc.property(corpusArb(6), (corpus) => {
      const { verification } = verify(sourcesOf(corpus), corpus.options);
      probes += verification.probes;
      expected += verification.expected;
      if (verification.unreported > 0) throw new Error(`unreported divergence:\n${describeUnreported(verification, corpus)}`);
    }),
    { seed: SEED, numRuns: RUNS },
  );
  // The corpora must exercise the check: many requests, and some announced divergences.
  assert.ok(probes > RUNS * 10, `only ${probes} probes`);
  assert.ok(expected > 0, 'no expected divergence was ever produced');
});

test(`random Ingress sets to ADC: zero unreported divergences through the APISIX model (${Math.round(RUNS / 2)} cases)`, () => {
  fc.assert(
    fc.property(corpusArb(6), (corpus) => {
      const { verification } = verify(sourcesOf(corpus), { ...corpus.options, to: 'adc', sharedGateway: undefined, createSharedGateway: false });
      if (verification.unreported > 0) throw new Error(`unreported divergence:\n${describeUnreported(verification, corpus)}`);
    }),
    { seed: SEED, numRuns: Math.round(RUNS / 2) },
  );
});

test('a broken converter (PathPrefix emitted as Exact) is caught by the same property', async () => {
  const { Conversion } = await import('../src/index.js');
  const { verifyConversion } = await import('../src/verify/index.js');
  const { convertToGatewayApi } = await import('../src/converters/gateway-api/index.js');
  const { InputReader } = await import('../src/parsers/index.js');
  const { DiagnosticSink } = await import('../src/reporter/sink.js');
  void Conversion;
  const brokenVerify = (corpus: Corpus, options: ConvertOptions) => {
    const sink = new DiagnosticSink();
    const reader = new InputReader({ defaultNamespace: options.defaultNamespace ?? 'default' }, sink);
    for (const source of sourcesOf(corpus)) reader.addSource(source);
    const model = reader.model();
    const trace = new ConversionTrace();
    const objects = convertToGatewayApi(model, options, sink, trace);
    for (const o of objects) if (o.kind === 'HTTPRoute') for (const rule of o.spec.rules) for (const m of rule.matches) if (m.path.type === 'PathPrefix') m.path.type = 'Exact';
    return verifyConversion({ model, objects, diagnostics: sink.items, trace });
  };
  const failure = fc.check(
    fc.property(corpusArb(6), (corpus) => brokenVerify(corpus, corpus.options).unreported === 0),
    { seed: SEED, numRuns: 200 },
  );
  assert.equal(failure.failed, true, 'the mutated converter was not caught');
});
