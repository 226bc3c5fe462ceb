// Accounting at scale: an element's status is the worst finding at it or around it, found by
// looking up the element's prefixes (not by comparing every element with every finding, which made
// an Ingress of thousands of paths take minutes). Checked against the plain definition, and timed
// as a ratio between two sizes so that a loaded machine does not make it flaky.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { convert, findTarget } from '../src/index.js';
import type { IngressAccount } from '../src/ir/model.js';
import { accountingStatuses, buildAccounting, countAccounting } from '../src/reporter/accounting.js';
import { codeInfo } from '../src/reporter/codes.js';
import type { Diagnostic } from '../src/reporter/diagnostics.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function within(outer: string, inner: string): boolean {
  return outer === '' || inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
}

test('an element takes the worst finding at it or around it (the first of equally bad ones), as a scan of every finding would', () => {
  const r = rng(11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const codes = ['unknown-field', 'annotation-caveat', 'annotation-not-converted', 'implementation-specific-path', 'duplicate-path', 'ingress-invalid', 'unknown-annotation', 'unsupported-by-target'];
  const target = findTarget('gateway-api@1.6')!;
  for (let round = 0; round < 200; round++) {
    const base = pick(['', 'items[3]']);
    const fields = ['spec.rules[0].host', 'spec.rules[0].http.paths[0].path', 'spec.rules[0].http.paths[0].pathType', 'spec.rules[0].http.paths[1].path', 'spec.rules[1].host', 'spec.tls[0].secretName'];
    const join = (p: string) => (base === '' ? p : `${base}.${p}`);
    const annotations = ['a.io/x', 'k8s.apisix.apache.org/enable-cors', 'b.io/y'].map((key) => ({ key, value: '', location: { file: 'a.yaml', doc: 1, path: join(`metadata.annotations["${key}"]`) } }));
    const account: IngressAccount = { ref: { kind: 'Ingress', name: 'x' }, location: { file: 'a.yaml', doc: 1, path: base }, annotations, fields };
    const places = [base, join('spec'), join('spec.rules[0]'), join('spec.rules[0].http.paths[0]'), join('spec.rules[1]'), join('spec.rules[10]'), ...fields.map(join), ...annotations.map((a) => a.location.path)];
    const diagnostics: Diagnostic[] = Array.from({ length: Math.floor(r() * 10) }, () => ({ severity: 'warning', code: pick(codes), message: '', location: { file: 'a.yaml', doc: 1, path: pick(places) } }));
    const [accounting] = buildAccounting([account], diagnostics, target);
    const rank = (code: string) => accountingStatuses.indexOf(codeInfo(code)!.accounting!);
    for (const entry of accounting!.entries) {
      let best: Diagnostic | undefined;
      for (const d of diagnostics) if (within(d.location!.path, entry.location.path) && (!best || rank(d.code) < rank(best.code))) best = d;
      const invalid = diagnostics.find((d) => d.code === 'ingress-invalid');
      const expected = best?.code ?? invalid?.code;
      assert.equal(entry.code, expected, `round ${round}: ${entry.name} among ${diagnostics.map((d) => `${d.code}@${d.location!.path}`).join(', ')}`);
    }
  }
});

function ingressWithPaths(n: number): string {
  const paths = Array.from({ length: n }, (_, i) => `      - path: /p${i}\n        pathType: ImplementationSpecific\n        backend: {service: {name: web, port: {number: 80}}}\n`).join('');
  return `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: big\n  namespace: ns\nspec:\n  ingressClassName: nginx\n  rules:\n  - host: a.example.com\n    http:\n      paths:\n${paths}`;
}

/** Converting and accounting (counting every entry, then reading them, as a text report does). */
function timed(text: string): number {
  const start = performance.now();
  const result = convert([{ name: 'in.yaml', text }]);
  countAccounting(result.accounting);
  for (const o of result.accounting) assert.ok(o.entries.length > 0);
  return performance.now() - start;
}

/**
 * Ten times the input must take about ten times as long, not a hundred: the larger run against
 * the best of three smaller ones (a ratio, so that a loaded machine does not make it flaky).
 */
function assertLinear(small: string, large: string, what: (n: 'small' | 'large') => string): void {
  timed(small); // warm-up
  const smallMs = Math.min(timed(small), timed(small), timed(small));
  const largeMs = timed(large);
  assert.ok(largeMs < smallMs * 25, `${what('small')}: ${smallMs.toFixed(0)} ms, ${what('large')}: ${largeMs.toFixed(0)} ms (ratio ${(largeMs / smallMs).toFixed(1)})`);
}

// The quadratic accounting was over 40 here (and 100 in the accounting itself).
test('an Ingress with 5,000 paths (a finding on each) takes about ten times as long as one with 500, not a hundred', () => {
  assertLinear(ingressWithPaths(500), ingressWithPaths(5000), (n) => (n === 'small' ? '500 paths' : '5,000 paths'));
});

function ingressWithAnnotations(n: number): string {
  const annotations = Array.from({ length: n }, (_, i) => `    example.com/k${i}: "v${i}"\n`).join('');
  return `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: big\n  namespace: ns\n  annotations:\n${annotations}spec:\n  ingressClassName: nginx\n  defaultBackend: {service: {name: web, port: {number: 80}}}\n`;
}

// Looking each key up by scanning its mapping made this quadratic (8.7 s for 20,000 keys; 1.2 s with the index).
test('an Ingress with 20,000 annotations (each located when reported) takes about ten times as long as one with 2,000, not a hundred', () => {
  assertLinear(ingressWithAnnotations(2000), ingressWithAnnotations(20000), (n) => (n === 'small' ? '2,000 annotations' : '20,000 annotations'));
});
