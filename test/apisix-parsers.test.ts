// The APISIX annotation parsers against AIC 2.x's own parsing rules.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Intent } from '../src/ir/intents.js';
import { parseApisixAnnotations } from '../src/parsers/apisix/index.js';
import { DiagnosticSink } from '../src/reporter/sink.js';

const location = { file: 'x.yaml', doc: 1, path: '' };
function parse(annotations: Record<string, string>) {
  const sink = new DiagnosticSink();
  const intents = parseApisixAnnotations(
    Object.entries(annotations).map(([key, value]) => ({ key: `k8s.apisix.apache.org/${key}`, value, location: { ...location, path: `metadata.annotations["k8s.apisix.apache.org/${key}"]` } })),
    { kind: 'Ingress', namespace: 'ns', name: 'i' },
    sink,
  );
  return { intents, codes: sink.items.map((d) => `${d.code}:${d.annotation?.replace('k8s.apisix.apache.org/', '')}`) };
}
const kinds = (intents: Intent[]) => intents.map((i) => i.kind);

test('booleans are true only for the exact string "true"', () => {
  assert.deepEqual(kinds(parse({ 'enable-cors': 'true' }).intents), ['cors']);
  for (const value of ['True', 'yes', '1', '']) {
    const r = parse({ 'enable-cors': value, 'cors-allow-origin': '*' });
    assert.deepEqual(r.intents, [], value);
    assert.deepEqual(r.codes, ['annotation-no-effect:enable-cors', 'annotation-no-effect:cors-allow-origin']);
  }
});

test('comma lists are trimmed and empty items dropped; CORS lists default to "*"', () => {
  const [cors] = parse({ 'enable-cors': 'true', 'cors-allow-origin': ' https://a.example.com , ,https://b.example.com ' }).intents;
  assert.ok(cors?.kind === 'cors');
  assert.deepEqual(cors.allowOrigins, ['https://a.example.com', 'https://b.example.com']);
  assert.deepEqual(cors.allowMethods, ['*']);
});

test('timeouts are "5" or "5s", never "1m"; one invalid upstream value drops the whole group', () => {
  const ok = parse({ 'upstream-read-timeout': '5s', 'upstream-connect-timeout': '3', 'upstream-retries': '2', 'upstream-scheme': 'HTTPS' }).intents[0];
  assert.ok(ok?.kind === 'upstream');
  assert.deepEqual(ok.timeouts, { connect: 3, read: 5 });
  assert.equal(ok.retries, 2);
  assert.equal(ok.scheme, 'https');
  const bad = parse({ 'upstream-read-timeout': '1m', 'upstream-retries': '2' });
  assert.deepEqual(bad.intents, []);
  assert.deepEqual(bad.codes.sort(), ['annotation-invalid:upstream-read-timeout', 'annotation-no-effect:upstream-retries']);
});

test('redirect codes outside 301–308 become 301; http-to-https takes precedence', () => {
  const [r] = parse({ 'http-redirect': 'https://x.example.com/', 'http-redirect-code': '404' }).intents;
  assert.ok(r?.kind === 'redirect');
  assert.equal(r.statusCode, 301);
  assert.deepEqual(parse({ 'http-redirect': '/x', 'http-redirect-code': '307' }).intents[0], { kind: 'redirect', url: '/x', statusCode: 307, sources: parse({ 'http-redirect': '/x', 'http-redirect-code': '307' }).intents[0]!.sources });
  const both = parse({ 'http-to-https': 'true', 'http-redirect': '/x' });
  assert.deepEqual(kinds(both.intents), ['https-redirect']);
  assert.deepEqual(both.codes, ['annotation-no-effect:http-redirect']);
});

test('invalid values are reported as AIC acts: csrf without key, both IP lists, unknown auth-type, bad regex', () => {
  assert.deepEqual(parse({ 'enable-csrf': 'true' }).codes, ['annotation-invalid:enable-csrf']);
  assert.deepEqual(parse({ 'allowlist-source-range': '10.0.0.0/8', 'blocklist-source-range': '10.1.0.0/16' }).codes, ['annotation-invalid:allowlist-source-range', 'annotation-invalid:blocklist-source-range']);
  assert.deepEqual(parse({ 'auth-type': 'jwtAuth' }).codes, ['annotation-invalid:auth-type']);
  assert.deepEqual(parse({ 'rewrite-target-regex': '(', 'rewrite-target-regex-template': '/$1' }).codes, ['annotation-invalid:rewrite-target-regex', 'annotation-no-effect:rewrite-target-regex-template']);
  assert.deepEqual(kinds(parse({ 'http-allow-methods': 'get, post', 'http-block-methods': 'DELETE' }).intents), ['methods']);
});

test('unknown keys get the closest known key suggested', () => {
  const sink = new DiagnosticSink();
  parseApisixAnnotations([{ key: 'k8s.apisix.apache.org/enable-cros', value: 'true', location }], { kind: 'Ingress', name: 'i' }, sink);
  assert.equal(sink.items[0]!.code, 'unknown-annotation');
  assert.match(sink.items[0]!.message, /did you mean k8s\.apisix\.apache\.org\/enable-cors\?/);
});

test('the suggested key is the first of the nearest known keys within three edits, for any unknown key', async () => {
  const { apisixAnnotationKeys } = await import('../src/parsers/apisix/annotations.js');
  const known = apisixAnnotationKeys.map((k) => k.slice('k8s.apisix.apache.org/'.length));
  const distance = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length]![b.length]!;
  };
  const expected = (name: string): string | undefined => {
    const best = Math.min(...known.map((k) => distance(name, k)));
    return best <= 3 ? known.find((k) => distance(name, k) === best) : undefined;
  };
  let s = 11;
  const random = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const edit = (name: string): string => {
    const at = Math.floor(random() * (name.length + 1));
    const c = 'abcdeorstx-'[Math.floor(random() * 11)]!;
    const op = random();
    return op < 0.33 ? name.slice(0, at) + c + name.slice(at) : op < 0.66 ? name.slice(0, at) + name.slice(at + 1) : name.slice(0, at) + c + name.slice(at + 1);
  };
  for (let round = 0; round < 400; round++) {
    let name = known[Math.floor(random() * known.length)]!;
    for (let e = Math.floor(random() * 6); e > 0; e--) name = edit(name);
    if (known.includes(name)) continue;
    for (let twice = 0; twice < 2; twice++) {
      // twice: the second answer comes from the memo
      const sink = new DiagnosticSink();
      parseApisixAnnotations([{ key: `k8s.apisix.apache.org/${name}`, value: 'x', location }], { kind: 'Ingress', name: 'i' }, sink);
      const suggested = /did you mean k8s\.apisix\.apache\.org\/(.*)\?/.exec(sink.items[0]!.message)?.[1];
      assert.equal(suggested, expected(name), name);
    }
  }
});
