import assert from 'node:assert/strict';
import { test } from 'node:test';
import { convertPath as convertAny, isPlainPathValue } from '../src/converters/gateway-api/paths.js';
import type { IngressPath } from '../src/ir/model.js';

const location = { file: 'x.yaml', doc: 1, path: '' };
const backend = { type: 'service' as const, name: 's', port: { number: 80 }, location };
function convertPath(p: IngressPath) {
  const converted = convertAny(p);
  if (!('match' in converted)) throw new Error('unexpected tooLong or invalidRegex');
  return converted;
}

const path = (p: string, pathType: IngressPath['pathType']): IngressPath => ({ path: p, pathType, backend, location });

test('Gateway API path whitelist (CEL of HTTPRoute v1.6)', () => {
  for (const ok of ['/', '/foo', '/foo/', '/~a/b.c', '/a%20b', "/a!$&'()*+,;=:@"]) assert.ok(isPlainPathValue(ok), ok);
  for (const bad of ['foo', '/a b', '/a//b', '/a/./b', '/a/../b', '/a%2fb', '/a#b', '/a/.', '/a/..', '/x{y}', '/é', '/100%']) assert.ok(!isPlainPathValue(bad), bad);
});

test('Prefix, Exact and ImplementationSpecific keep their meaning', () => {
  assert.deepEqual(convertPath(path('/api', 'Prefix')), { match: { path: { type: 'PathPrefix', value: '/api' } }, asRegex: false });
  assert.deepEqual(convertPath(path('/api', 'Exact')), { match: { path: { type: 'Exact', value: '/api' } }, asRegex: false });
  assert.deepEqual(convertPath(path('', 'ImplementationSpecific')).match.path, { type: 'PathPrefix', value: '/' });
});

test('paths Gateway API cannot hold become anchored, escaped regular expressions with Ingress semantics', () => {
  const prefix = convertPath(path('/a b/', 'Prefix'));
  assert.equal(prefix.asRegex, true);
  assert.equal(prefix.match.path.value, '^/a b(/.*)?$');
  const re = new RegExp(prefix.match.path.value);
  // Element-wise prefix: the path itself, with a trailing slash, and children; not siblings.
  for (const yes of ['/a b', '/a b/', '/a b/c']) assert.ok(re.test(yes), yes);
  for (const no of ['/a bc', '/a', '/x/a b']) assert.ok(!re.test(no), no);
  const exact = convertPath(path('/x{1}', 'Exact'));
  assert.equal(exact.match.path.value, '^/x\\{1\\}$');
  const exactRe = new RegExp(exact.match.path.value);
  assert.ok(exactRe.test('/x{1}'));
  assert.ok(!exactRe.test('/x{1}/'));
});

test('paths Gateway API cannot hold at any length are refused, not truncated', () => {
  assert.deepEqual(convertAny(path(`/${'a'.repeat(1030)}`, 'Prefix')), { tooLong: true });
  assert.deepEqual(convertAny(path(`/${'{'.repeat(600)}`, 'Prefix')), { tooLong: true }, 'the escaped regex would be too long');
});
