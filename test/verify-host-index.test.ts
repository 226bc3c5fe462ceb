// The reference routers look rules, routes and services up by host instead of scanning them all.
// Over random hosts (exact, `*.` wildcards of several depths, dot-less, `*.` requests), each router
// must pick what a plain scan of everything picks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AdcConfiguration } from '../src/converters/adc/types.js';
import type { GatewayApiObject } from '../src/converters/gateway-api/types.js';
import type { Ingress, IngressRule } from '../src/ir/model.js';
import { ApisixRouter } from '../src/verify/apisix-router.js';
import { GatewayRouter, gatewayHostMatches } from '../src/verify/gateway-router.js';
import { IngressRouter, ingressHostMatches } from '../src/verify/ingress-router.js';
import { formatOutcome, type Probe } from '../src/verify/model.js';

const loc = { file: 'x.yaml', doc: 1, path: '' };
const labels = ['a', 'b', 'c'];
const domains = ['x.com', 'y.x.com', 'b.y.x.com', 'com', 'localhost'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function hosts(r: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const host = (): string => {
    const k = r();
    return k < 0.35 ? `*.${pick(domains)}` : k < 0.5 ? pick(domains) : k < 0.55 ? `.${pick(domains)}` : `${pick(labels)}.${pick(domains)}`;
  };
  const requestHost = (): string => (r() < 0.1 ? `*.${pick(domains)}` : r() < 0.2 ? pick(domains) : `${r() < 0.3 ? `${pick(labels)}.` : ''}${pick(labels)}.${pick(domains)}`);
  return { pick, host, requestHost };
}

const request = (scheme: 'http' | 'https', host: string): Probe => ({ scheme, host, path: '/p', method: 'GET' });

test('Ingress router: first rule of the first host tier, first covering tls entry (as a scan of every rule)', () => {
  const r = rng(3);
  const { host, requestHost } = hosts(r);
  for (let round = 0; round < 300; round++) {
    let n = 0;
    const ingresses: Ingress[] = Array.from({ length: 1 + Math.floor(r() * 5) }, (_, i) => {
      const rules: IngressRule[] = Array.from({ length: 1 + Math.floor(r() * 3) }, (): IngressRule => {
        const h = r() < 0.2 ? undefined : host();
        return { ...(h === undefined ? {} : { host: h }), paths: [{ path: '/', pathType: 'Prefix', backend: { type: 'service', name: `s${n++}`, port: { number: 80 }, location: loc }, location: loc }], location: loc };
      });
      const tls = r() < 0.5 ? [{ hosts: r() < 0.3 ? [] : [host(), host()], secretName: `t${i}`, location: { ...loc, path: `tls${i}` } }] : [];
      return { ref: { kind: 'Ingress', namespace: 'ns', name: `i${i}` }, namespace: 'ns', name: `i${i}`, apiVersion: 'networking.k8s.io/v1', rules, tls, annotations: [], intents: [], location: loc };
    });
    const router = new IngressRouter(ingresses, []);
    const all = ingresses.flatMap((ingress) => ingress.rules);
    for (let q = 0; q < 10; q++) {
      const h = requestHost();
      const tiers: ((rule: IngressRule) => boolean)[] = [(x) => x.host !== undefined && !x.host.startsWith('*.') && x.host === h, (x) => x.host !== undefined && x.host.startsWith('*.') && ingressHostMatches(x.host, h), (x) => x.host === undefined];
      const chosen = tiers.map((inTier) => all.find(inTier)).find((x) => x !== undefined);
      const expected = chosen ? `backend ns/${(chosen.paths[0]!.backend as { name: string }).name}:80` : '404';
      assert.equal(formatOutcome(router.route(request('http', h)).outcome).replace(/ \(.*\)$/, ''), expected, `round ${round}, host ${h}`);
      const tls = ingresses.flatMap((i) => i.tls.map((entry) => ({ entry, hosts: entry.hosts.length > 0 ? entry.hosts : i.rules.map((x) => x.host) }))).find((t) => t.hosts.some((x) => x === undefined || ingressHostMatches(x, h)));
      assert.equal(router.tlsEntryFor(h), tls?.entry, `round ${round}, tls for ${h}`);
    }
  }
});

test('Gateway router: the route with the most specific matching hostname, then by name (as a scan of every route)', () => {
  const r = rng(5);
  const { host, requestHost } = hosts(r);
  const gateway = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { namespace: 'ns', name: 'gw' }, spec: { gatewayClassName: 'c', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] } } as unknown as Extract<GatewayApiObject, { kind: 'Gateway' }>;
  for (let round = 0; round < 300; round++) {
    const routes = Array.from({ length: 1 + Math.floor(r() * 8) }, (_, i) => {
      const hostnames = r() < 0.2 ? [] : Array.from({ length: 1 + Math.floor(r() * 2) }, host).filter((h) => !h.startsWith('.'));
      const parentRefs = [{ name: r() < 0.85 ? 'gw' : 'other' }];
      return { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { namespace: 'ns', name: `r${String(i).padStart(2, '0')}` }, spec: { parentRefs, hostnames, rules: [{ backendRefs: [{ name: `s${i}`, port: 80 }] }] } };
    });
    const router = new GatewayRouter([gateway], routes as unknown as GatewayApiObject[]);
    for (let q = 0; q < 10; q++) {
      const h = requestHost();
      const scored = routes
        .filter((x) => x.spec.parentRefs[0]!.name === 'gw')
        .map((x) => {
          const matching = x.spec.hostnames.filter((n) => gatewayHostMatches(n, h));
          if (x.spec.hostnames.length === 0) return { x, exact: 0, chars: 0 };
          if (matching.length === 0) return undefined;
          return { x, exact: Math.max(...matching.map((n) => (n.startsWith('*.') ? 0 : n.length))), chars: Math.max(...matching.filter((n) => (n.startsWith('*.') ? 0 : n.length) === Math.max(...matching.map((m) => (m.startsWith('*.') ? 0 : m.length)))).map((n) => n.length)) };
        })
        .filter((s) => s !== undefined)
        .sort((a, b) => b.exact - a.exact || b.chars - a.chars || (a.x.metadata.name < b.x.metadata.name ? -1 : 1));
      const expected = scored[0] ? `backend ns/${scored[0].x.spec.rules[0]!.backendRefs[0]!.name}:80` : '404';
      assert.equal(formatOutcome(router.route(request('http', h)).outcome).replace(/ \(.*\)$/, ''), expected, `round ${round}, host ${h}`);
    }
  }
});

test('APISIX router: first service of the first host tier, ssl by SNI (as a scan of every service and ssl)', () => {
  const r = rng(9);
  const { host, requestHost } = hosts(r);
  const apisixMatches = (pattern: string, h: string) => (pattern.startsWith('*.') ? h.endsWith(pattern.slice(1)) && h.length > pattern.length - 1 : pattern === h);
  for (let round = 0; round < 300; round++) {
    const config: AdcConfiguration = {
      services: Array.from({ length: 1 + Math.floor(r() * 6) }, (_, i) => ({
        name: `svc${i}`,
        labels: {},
        ...(r() < 0.2 ? {} : { hosts: Array.from({ length: 1 + Math.floor(r() * 2) }, host) }),
        upstream: { type: 'roundrobin' as const, labels: {}, nodes: [{ host: `s${i}.ns.svc.cluster.local`, port: 80, weight: 1 }] },
        routes: [{ name: `r${i}`, description: '', labels: {}, uris: ['/*'] }],
      })),
      ssls: Array.from({ length: Math.floor(r() * 3) }, () => ({ labels: {}, snis: [host(), host()], certificates: [] })),
    };
    const router = new ApisixRouter(config);
    for (let q = 0; q < 10; q++) {
      const h = requestHost();
      const services = config.services ?? [];
      const tiers = [(s: (typeof services)[number]) => (s.hosts ?? []).some((x) => !x.startsWith('*.') && x === h), (s: (typeof services)[number]) => (s.hosts ?? []).some((x) => x.startsWith('*.') && apisixMatches(x, h)), (s: (typeof services)[number]) => (s.hosts ?? []).length === 0];
      const chosen = tiers.map((inTier) => services.find(inTier)).find((s) => s !== undefined);
      assert.equal(formatOutcome(router.route(request('http', h)).outcome).replace(/ \(.*\)$/, ''), chosen ? `backend ns/${chosen.upstream.nodes![0]!.host.split('.')[0]}:80` : '404', `round ${round}, host ${h}`);
      const served = (config.ssls ?? []).some((s) => s.snis.some((sni) => apisixMatches(sni, h)));
      assert.equal(router.route(request('https', h)).outcome.kind === 'no-listener', !served, `round ${round}, ssl for ${h}`);
    }
  }
});
