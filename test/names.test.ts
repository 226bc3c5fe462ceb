import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allocateNames, allocateNamespacedNames, dnsName, hostSlug, shortHash, withSuffix } from '../src/common/names.js';

const dns1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

test('hostSlug keeps wildcard and apex apart, and names the host-less case', () => {
  assert.equal(hostSlug('example.com'), 'example-com');
  assert.equal(hostSlug('*.example.com'), 'wildcard-example-com');
  assert.equal(hostSlug(undefined), 'all-hosts');
  assert.notEqual(hostSlug('*.example.com'), hostSlug('example.com'));
});

test('dnsName: valid, bounded, stable, distinct when truncated', () => {
  for (const text of ['Nginx_Internal', '---a..b---', '', 'x'.repeat(300), 'ÜBER.cool']) {
    const name = dnsName(text, 63);
    assert.match(name, dns1123, text);
    assert.ok(name.length <= 63);
    assert.equal(dnsName(text, 63), name, 'stable');
  }
  const a = dnsName(`${'a'.repeat(70)}-blue`, 63);
  const b = dnsName(`${'a'.repeat(70)}-green`, 63);
  assert.notEqual(a, b);
  assert.equal(dnsName('short'), 'short', 'no hash when nothing is cut');
});

test('withSuffix stays within the limit', () => {
  assert.equal(withSuffix('route', '2'), 'route-2');
  const long = withSuffix('r'.repeat(253), '12', 253);
  assert.equal(long.length, 253);
  assert.ok(long.endsWith('-12'));
});

test('allocateNames: collisions get identity hashes, independent of claim order', () => {
  const claims = [
    { wanted: 'a-b-com', identity: 'a-b.com' },
    { wanted: 'a-b-com', identity: 'a.b-com' },
    { wanted: 'solo', identity: 'solo' },
  ];
  const forward = allocateNames(claims);
  const backward = allocateNames([...claims].reverse());
  for (const c of claims) assert.equal(forward.get(c), backward.get(c));
  assert.equal(forward.get(claims[2]!), 'solo');
  assert.equal(forward.get(claims[0]!), `a-b-com-${shortHash('a-b.com')}`);
  assert.notEqual(forward.get(claims[0]!), forward.get(claims[1]!));
});

test('allocateNamespacedNames: the same name in two namespaces is no collision', () => {
  const claims = [
    { namespace: 'a', wanted: 'web', identity: '1' },
    { namespace: 'b', wanted: 'web', identity: '2' },
  ];
  const names = allocateNamespacedNames(claims);
  assert.equal(names.get(claims[0]!), 'web');
  assert.equal(names.get(claims[1]!), 'web');
});
