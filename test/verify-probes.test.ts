// verify sends each host only the paths that the rules serving it name, on either side, instead of
// every path of the scope on every host (which grew with the square of the input). Property: over
// random corpora whose converted output is then broken at random (a rule moved to another route,
// a rule dropped, a prefix narrowed to Exact, a path changed, hostnames swapped, a filter lost, a
// match widened to a regex), the per-host
// probes find a divergence at every host where crossing every host with every path finds one,
// with the same status (explained or not).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { ConversionTrace, convertToGatewayApi, type GatewayApiObject } from '../src/converters/gateway-api/index.js';
import { InputReader } from '../src/parsers/index.js';
import { DiagnosticSink } from '../src/reporter/sink.js';
import { divergenceCodes, verifyConversion } from '../src/verify/index.js';
import { GatewayRouter } from '../src/verify/gateway-router.js';
import { IngressRouter } from '../src/verify/ingress-router.js';
import { sameOutcome } from '../src/verify/model.js';
import { generateProbes, hostsToProbe } from '../src/verify/probes.js';
import type { Ingress } from '../src/ir/model.js';
import { corpusArb, type Corpus } from './helpers/corpus.js';

const SEED = Number(process.env['VERIFY_SEED'] ?? 20261122);
const RUNS = Number(process.env['VERIFY_RUNS'] ?? 300);

type Route = Extract<GatewayApiObject, { kind: 'HTTPRoute' }>;

const mutationArb = fc.record({
  kind: fc.constantFrom('move', 'drop', 'exact', 'repath', 'hosts', 'unfilter', 'broaden'),
  a: fc.nat(),
  b: fc.nat(),
  path: fc.constantFrom('/', '/api', '/api/v1', '/static/', '/apix', '/other'),
});
type Mutation = typeof mutationArb extends fc.Arbitrary<infer M> ? M : never;

/** Breaks the output as a buggy converter could; false when the output has nothing to break. */
function mutate(objects: GatewayApiObject[], m: Mutation): boolean {
  const routes = objects.filter((o): o is Route => o.kind === 'HTTPRoute');
  const withRules = routes.filter((r) => r.spec.rules.length > 0);
  if (withRules.length === 0) return false;
  const from = withRules[m.a % withRules.length]!;
  const ruleIndex = m.b % from.spec.rules.length;
  const rule = from.spec.rules[ruleIndex]!;
  const match = rule.matches[m.b % Math.max(1, rule.matches.length)];
  switch (m.kind) {
    case 'move': {
      const others = routes.filter((r) => r !== from);
      if (others.length === 0) return false;
      from.spec.rules.splice(ruleIndex, 1);
      others[m.b % others.length]!.spec.rules.push(rule);
      return true;
    }
    case 'drop':
      from.spec.rules.splice(ruleIndex, 1);
      return true;
    case 'exact':
      if (!match || match.path.type !== 'PathPrefix') return false;
      match.path.type = 'Exact';
      return true;
    case 'repath':
      if (!match || match.path.type === 'RegularExpression') return false;
      match.path.value = m.path;
      return true;
    case 'unfilter':
      // A rewrite, redirect or plugin reference lost.
      if (!rule.filters || rule.filters.length === 0) return false;
      delete rule.filters;
      return true;
    case 'broaden':
      // A regex that also takes paths of other rules and hosts.
      if (!match) return false;
      match.path = { type: 'RegularExpression', value: '/(api|static|apix|a|other)(/.*)?' };
      return true;
    case 'hosts': {
      const other = routes[m.b % routes.length]!;
      if (other === from) return false;
      [from.spec.hostnames, other.spec.hostnames] = [other.spec.hostnames, from.spec.hostnames];
      return true;
    }
  }
}

/** `scope host` → 'explained' | 'unreported' (unreported wins) for every host with a divergence. */
type HostDivergences = Map<string, string>;

function note(found: HostDivergences, scope: string, host: string, explained: boolean): void {
  const key = `${scope} ${host}`;
  if (found.get(key) !== 'unreported') found.set(key, explained ? 'explained' : 'unreported');
}

/** The old check: every host of a scope × every path that any Ingress of the scope or any route names. */
function crossProduct(ingresses: readonly Ingress[], ingressRouter: IngressRouter, routes: readonly Route[]) {
  const paths = [...ingresses.flatMap((i) => i.rules.flatMap((r) => r.paths.map((p) => p.path))), ...routes.flatMap((r) => r.spec.rules.flatMap((rule) => rule.matches.map((m) => m.path.value)))];
  return generateProbes(ingresses, { pathsFor: () => paths, servesTls: (host) => ingressRouter.tlsEntryFor(host) !== undefined });
}

export function check(corpus: Corpus, m: Mutation): { mutated: boolean; perHost: HostDivergences; every: HostDivergences; probes: [number, number] } {
  const sink = new DiagnosticSink();
  const reader = new InputReader({ defaultNamespace: corpus.options.defaultNamespace ?? 'default' }, sink);
  reader.addSource({ name: 'corpus.yaml', text: corpus.objects.map((o) => stringify(o)).join('---\n') });
  const model = reader.model();
  const trace = new ConversionTrace(true);
  const objects = convertToGatewayApi(model, corpus.options, sink, trace);
  const mutated = mutate(objects, m);
  const result = verifyConversion({ model, objects, diagnostics: sink.items, trace });
  const perHost: HostDivergences = new Map();
  for (const d of result.divergences) note(perHost, d.scope, d.probe.host, d.explainedBy.length > 0);

  // The same check over the cross product. A divergence counts as explained when a finding with a
  // routing code sits at an element of its trace or around it, as verify's own rule says.
  const explained = (locations: { file: string; doc: number; path: string }[]) =>
    sink.items.some((f) => f.location && divergenceCodes.has(f.code) && f.location.path !== '' && locations.some((l) => l.file === f.location!.file && l.doc === f.location!.doc && (l.path === f.location!.path || l.path.startsWith(`${f.location!.path}.`) || l.path.startsWith(`${f.location!.path}[`) || f.location!.path.startsWith(`${l.path}.`) || f.location!.path.startsWith(`${l.path}[`))));
  const every: HostDivergences = new Map();
  const gateways = objects.filter((o): o is Extract<GatewayApiObject, { kind: 'Gateway' }> => o.kind === 'Gateway');
  const routes = objects.filter((o): o is Route => o.kind === 'HTTPRoute');
  let probes = 0;
  for (const scope of trace.scopes) {
    const scopeGateways = scope.gateways.map(({ namespace, name }) => gateways.find((g) => g.metadata.namespace === namespace && g.metadata.name === name)).filter((g) => g !== undefined);
    if (scopeGateways.length !== scope.gateways.length) continue; // assumed shared Gateways: compared through verifyConversion only
    const ingressRouter = new IngressRouter(scope.ingresses, model.services);
    const gatewayRouter = new GatewayRouter(scopeGateways, objects, { sourcesOf: (e) => trace.sourcesOf(e) });
    for (const probe of crossProduct(scope.ingresses, ingressRouter, routes)) {
      probes++;
      const ingress = ingressRouter.route(probe);
      const output = gatewayRouter.route(probe);
      if (!sameOutcome(ingress.outcome, output.outcome)) note(every, scope.key || 'shared', probe.host, explained([...ingress.trace, ...output.trace]));
    }
  }
  // Compare only scopes the cross product could build.
  const scopes = new Set(trace.scopes.filter((s) => s.gateways.every(({ namespace, name }) => gateways.some((g) => g.metadata.namespace === namespace && g.metadata.name === name))).map((s) => s.key || 'shared'));
  for (const key of [...perHost.keys()]) if (!scopes.has(key.slice(0, key.indexOf(' ')))) perHost.delete(key);
  return { mutated, perHost, every, probes: [result.probes, probes] };
}

test(`per-host probes find a divergence at every host the cross product does, on broken outputs (${RUNS} cases, seed ${SEED})`, () => {
  let mutatedRuns = 0;
  let divergentHosts = 0;
  let unreportedHosts = 0;
  fc.assert(
    fc.property(corpusArb(6), mutationArb, (corpus, m) => {
      const { mutated, perHost, every } = check(corpus, m);
      if (mutated) mutatedRuns++;
      divergentHosts += every.size;
      for (const status of every.values()) if (status === 'unreported') unreportedHosts++;
      assert.deepEqual(new Map([...perHost].sort()), new Map([...every].sort()), `mutation ${JSON.stringify(m)} per host ${JSON.stringify([...perHost])} every ${JSON.stringify([...every])}`);
    }),
    { seed: SEED, numRuns: RUNS},
  );
  // The mutations must produce what the check is about: hosts that route differently, unannounced.
  assert.ok(mutatedRuns > RUNS / 2, `only ${mutatedRuns} outputs were broken`);
  assert.ok(unreportedHosts > RUNS / 4, `only ${unreportedHosts} hosts with an unreported divergence (of ${divergentHosts})`);
});

test('each host is probed with its own paths, not with those of every other host', () => {
  const location = { file: 'x.yaml', doc: 1, path: '' };
  const ingress = (host: string, path: string): Ingress => ({
    ref: { kind: 'Ingress', namespace: 'ns', name: host },
    namespace: 'ns',
    name: host,
    apiVersion: 'networking.k8s.io/v1',
    rules: [{ host, paths: [{ path, pathType: 'Prefix', backend: { type: 'service', name: 'web', port: { number: 80 }, location }, location }], location }],
    tls: [],
    annotations: [],
    intents: [],
    location,
  });
  const ingresses = Array.from({ length: 50 }, (_, i) => ingress(`h${i}.example.com`, `/p${i}`));
  const router = new IngressRouter(ingresses, []);
  const probes = [...generateProbes(ingresses, { pathsFor: (host) => router.pathsFor(host), servesTls: () => false })];
  // '/', and /pN with its neighbours (/pN/, /pN/child, /pNbar): 5 paths per host; the unknown host gets '/'.
  assert.equal(hostsToProbe(ingresses).length, 51);
  assert.deepEqual(probes.filter((p) => p.host === 'h7.example.com').map((p) => p.path), ['/', '/p7', '/p7/', '/p7/child', '/p7bar']);
  assert.deepEqual(probes.filter((p) => p.host === 'unknown-host.invalid').map((p) => p.path), ['/']);
  assert.equal(probes.length, 50 * 5 + 1);
});

function ingress(name: string, rules: { host: string; path: string; pathType?: 'Exact' | 'Prefix' }[]): Ingress {
  const location = { file: 'x.yaml', doc: 1, path: name };
  return {
    ref: { kind: 'Ingress', namespace: 'ns', name },
    namespace: 'ns',
    name,
    apiVersion: 'networking.k8s.io/v1',
    rules: rules.map((r, i) => ({
      host: r.host,
      paths: [{ path: r.path, pathType: r.pathType ?? 'Prefix', backend: { type: 'service', name, port: { number: 80 }, location }, location: { ...location, path: `${name}.rules[${i}]` } }],
      location,
    })),
    tls: [],
    annotations: [],
    intents: [],
    location,
  };
}

test('a wildcard rule lends its paths to every host it covers in either reading (one label for Ingress, more for Gateway API)', () => {
  const router = new IngressRouter([ingress('w', [{ host: '*.example.com', path: '/w' }]), ingress('e', [{ host: 'a.example.com', path: '/e' }])], []);
  assert.deepEqual([...router.pathsFor('one.example.com')], ['/w']);
  assert.deepEqual([...router.pathsFor('two.one.example.com')], ['/w']);
  assert.deepEqual([...router.pathsFor('a.example.com')], ['/e', '/w']);
  assert.deepEqual([...router.pathsFor('example.com')], []);
});

test('a RegularExpression rule put on the wrong host is caught there, through the Ingress path it was made from', () => {
  // "/a b" is no Gateway API path: the rule becomes a RegularExpression, which is no request to send.
  const text = stringify({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web', namespace: 'ns' },
    spec: {
      ingressClassName: 'nginx',
      rules: [
        { host: 'a.example.com', http: { paths: [{ path: '/a b', pathType: 'Exact', backend: { service: { name: 'a', port: { number: 80 } } } }] } },
        { host: 'b.example.com', http: { paths: [{ path: '/x', pathType: 'Prefix', backend: { service: { name: 'b', port: { number: 80 } } } }] } },
      ],
    },
  });
  const sink = new DiagnosticSink();
  const reader = new InputReader({ defaultNamespace: 'default' }, sink);
  reader.addSource({ name: 'x.yaml', text });
  const model = reader.model();
  const trace = new ConversionTrace(true);
  const objects = convertToGatewayApi(model, {}, sink, trace);
  const routes = objects.filter((o): o is Route => o.kind === 'HTTPRoute');
  const from = routes.find((r) => r.spec.hostnames?.includes('a.example.com'))!;
  const to = routes.find((r) => r.spec.hostnames?.includes('b.example.com'))!;
  assert.equal(from.spec.rules[0]!.matches[0]!.path.type, 'RegularExpression');
  assert.equal(verifyConversion({ model, objects, diagnostics: sink.items, trace }).unreported, 0);
  to.spec.rules.push(from.spec.rules.pop()!); // the bug: a.example.com's rule on b.example.com
  const result = verifyConversion({ model, objects, diagnostics: sink.items, trace });
  const leak = result.divergences.find((d) => d.probe.host === 'b.example.com' && d.probe.path === '/a b');
  // Found (its explanation is the regex finding at that path, as verify matches findings by location).
  assert.ok(leak, JSON.stringify(result.divergences.map((d) => d.probe)));
});

test("a divergence's trace has lines and columns, also for JSON input read with positions: 'findings'", async () => {
  const { verify } = await import('../src/index.js');
  const ingress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'saas', namespace: 'tenants' },
    spec: { ingressClassName: 'nginx', rules: [{ host: '*.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'router', port: { number: 80 } } } }] } }] },
  };
  const text = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [ingress] }, null, 2);
  const { verification } = verify([{ name: 'dump.json', text }], { positions: 'findings' });
  const wildcard = verification.divergences.find((d) => d.probe.host === 'two.one.example.com');
  assert.ok(wildcard, 'the two-label wildcard divergence');
  const trace = [...wildcard.ingress.trace, ...wildcard.output.trace];
  assert.ok(trace.length > 0);
  for (const location of trace) {
    assert.equal(typeof location.line, 'number', JSON.stringify(location));
    assert.equal(typeof location.col, 'number', JSON.stringify(location));
  }
  // Line 19 of the pretty-printed List opens items[0]'s first path (its "{", column 17).
  assert.deepEqual(JSON.parse(JSON.stringify(wildcard.output.trace[0])), { file: 'dump.json', doc: 1, path: 'items[0].spec.rules[0].http.paths[0]', line: 19, col: 17 });
});

/** Converts `text`, breaks the output with `mutate`, and verifies (Gateway API). */
function verifyBroken(text: string, options: Parameters<typeof convertToGatewayApi>[1], mutate: (objects: GatewayApiObject[]) => void) {
  const sink = new DiagnosticSink();
  const reader = new InputReader({ defaultNamespace: 'default' }, sink);
  reader.addSource({ name: 'x.yaml', text });
  const model = reader.model();
  const trace = new ConversionTrace(true);
  const objects = convertToGatewayApi(model, options, sink, trace);
  assert.equal(verifyConversion({ model, objects, diagnostics: sink.items, trace }).unreported, 0, 'the unbroken output verifies');
  mutate(objects);
  return verifyConversion({ model, objects, diagnostics: sink.items, trace });
}

const twoHosts = (annotations: Record<string, string>, className: string, a: string, b: string) =>
  stringify({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web', namespace: 'ns', annotations },
    spec: {
      ingressClassName: className,
      rules: [
        { host: 'a.example.com', http: { paths: [{ path: a, pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } },
        { host: 'b.example.com', http: { paths: [{ path: b, pathType: 'Prefix', backend: { service: { name: 'other', port: { number: 80 } } } }] } },
      ],
    },
  });

test("a regex rewrite lost on one host is caught, though that host's own paths never reach the regex", () => {
  // a.example.com has only "/": the rewrite's "^/api/" is met only by another host's path.
  const text = twoHosts({ 'k8s.apisix.apache.org/rewrite-target-regex': '^/api/(.*)', 'k8s.apisix.apache.org/rewrite-target-regex-template': '/v1/$1' }, 'apisix', '/', '/api/x');
  const result = verifyBroken(text, { apisixExtensions: true }, (objects) => {
    const a = objects.find((o): o is Route => o.kind === 'HTTPRoute' && o.spec.hostnames?.includes('a.example.com') === true)!;
    delete a.spec.rules[0]!.filters;
  });
  assert.ok(result.divergences.some((d) => d.probe.host === 'a.example.com' && d.probe.path === '/api/x' && d.explainedBy.length === 0), JSON.stringify(result.divergences.map((d) => d.probe)));
});

test('an output regex wider than the rule it came from is caught on the paths of other hosts', () => {
  const text = twoHosts({}, 'nginx', '/api', '/other');
  const result = verifyBroken(text, {}, (objects) => {
    const a = objects.find((o): o is Route => o.kind === 'HTTPRoute' && o.spec.hostnames?.includes('a.example.com') === true)!;
    a.spec.rules[0]!.matches[0]!.path = { type: 'RegularExpression', value: '/(api|other)(/.*)?' };
  });
  assert.ok(result.divergences.some((d) => d.probe.host === 'a.example.com' && d.probe.path === '/other' && d.explainedBy.length === 0), JSON.stringify(result.divergences.map((d) => d.probe)));
});
