// Hostile and careless annotation values: every k8s.apisix.apache.org/* annotation on one Ingress,
// each with a garbage value, through every target and verify. No exception, every annotation
// accounted for, output that passes the schemas, and no internal error.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { convert, verify, type ConvertOptions, type VerifiedConversion } from '../src/index.js';
import { APISIX_ANNOTATION_PREFIX, apisixAnnotations } from '../src/parsers/apisix/annotations.js';
import { loadAdcValidator } from './helpers/adc-schema.js';
import { loadOutputValidator } from './helpers/gateway-api-schema.js';

const gatewayValidator = loadOutputValidator();
const adcValidator = loadAdcValidator();

/** Values each annotation was seen to choke on, and worse. */
export const garbage = [
  '',
  ' ',
  '\t',
  ' true ',
  'true',
  'false',
  '0',
  '-1',
  '-0',
  '1e20',
  '99999999999999999999',
  '9007199254740993',
  '1.5',
  'NaN',
  'Infinity',
  '0x1F',
  '1m',
  '5s',
  'abc',
  ',,,',
  ':',
  'a:',
  ':b',
  'X-A:',
  'X-A: ',
  'Bad Header:v',
  '999.999.999.999/99',
  '10.0.0.0/33',
  '::::/200',
  '!!!not base64!!!',
  '(((',
  '/(((',
  '(a+)+$',
  '/$1',
  '$9',
  'http://',
  'https://[::1',
  'https://exa mple.com/x',
  'https://UPPER.example.com:99999/x',
  'https://example.com:0/',
  '//example.com',
  '/a?b#c',
  '__proto__',
  'constructor',
  'toString',
  'keyAuth',
  'basicAuth',
  'GET,,POST',
  'get',
  '*',
  'http://*.a.com',
  'x'.repeat(5000),
  `/${'a'.repeat(1100)}`,
  '\u0000',
  '\u{1F600}',
];

const names = apisixAnnotations.map((a) => a.name);

function ingressText(values: Readonly<Record<string, string>>, paths: readonly string[] = ['/(((', '/(a+)+$', '/api', '/']): string {
  const annotations = Object.fromEntries(names.map((n) => [`${APISIX_ANNOTATION_PREFIX}${n}`, values[n] ?? '']));
  const ingress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'garbage', namespace: 'default', annotations },
    spec: {
      ingressClassName: 'apisix',
      tls: [{ hosts: ['a.example.com'], secretName: 'tls' }],
      rules: [
        {
          host: 'a.example.com',
          http: { paths: paths.map((path) => ({ path, pathType: 'ImplementationSpecific', backend: { service: { name: 'svc', port: { number: 80 } } } })) },
        },
      ],
    },
  };
  return stringify(ingress);
}

const runs: { label: string; options: ConvertOptions }[] = [
  { label: '--target generic', options: { target: 'generic' } },
  { label: '--target apisix-ingress-controller@2', options: { target: 'apisix-ingress-controller@2' } },
  { label: '--to adc', options: { to: 'adc' } },
];

/** Converts and verifies one input for every target; returns the problems found. */
function problemsOf(text: string): string[] {
  const problems: string[] = [];
  for (const { label, options } of runs) {
    let result: VerifiedConversion;
    try {
      convert([{ name: 'in.yaml', text }], options);
      result = verify([{ name: 'in.yaml', text }], options);
    } catch (e) {
      problems.push(`${label}: threw ${(e as Error).stack ?? String(e)}`);
      continue;
    }
    for (const d of result.diagnostics) if (d.code === 'internal-error') problems.push(`${label}: internal-error: ${d.message}`);
    const entries = result.accounting.flatMap((a) => a.entries).filter((e) => e.kind === 'annotation');
    for (const n of names) if (!entries.some((e) => e.name === `${APISIX_ANNOTATION_PREFIX}${n}`)) problems.push(`${label}: ${n} is not accounted for`);
    if (result.adc && adcValidator) for (const error of adcValidator(result.adc)) problems.push(`${label}: ADC schema: ${error}`);
    if (gatewayValidator) for (const object of result.objects) for (const error of gatewayValidator.validate(object)) problems.push(`${label}: ${error}`);
    for (const route of result.adc?.services?.flatMap((s) => s.routes) ?? []) {
      for (const [, op, value] of route.vars ?? []) {
        if (op !== '~~' || typeof value !== 'string') continue;
        try {
          new RegExp(value);
        } catch {
          problems.push(`${label}: route ${route.name} has the invalid regex ${JSON.stringify(value)}`);
        }
      }
    }
  }
  return problems;
}

test('every APISIX annotation with the same garbage value: no exception, all accounted, valid output', () => {
  const problems = garbage.flatMap((value) => problemsOf(ingressText(Object.fromEntries(names.map((n) => [n, value])))).map((p) => `${JSON.stringify(value.slice(0, 40))}: ${p}`));
  assert.deepEqual(problems, []);
});

test('every APISIX annotation with a garbage value of its own (fast-check)', () => {
  const value = fc.oneof(fc.constantFrom(...garbage), fc.string({ maxLength: 12 }), fc.integer().map(String), fc.double().map(String));
  const values = fc.record(Object.fromEntries(names.map((n) => [n, value])) as Record<string, fc.Arbitrary<string>>);
  fc.assert(
    fc.property(values, (v) => {
      assert.deepEqual(problemsOf(ingressText(v)), []);
    }),
    { numRuns: 40, seed: 20261203 },
  );
});
