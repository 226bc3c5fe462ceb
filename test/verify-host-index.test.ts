// The reference routers look rules, routes and services up by host instead of scanning them all.
// Over random hosts (exact, `*.` wildcards of several depths, dot-less, `*.` requests), each router
// must pick what a plain scan of everything picks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AdcConfiguration } from '../src/converters/adc/types.js';
import type { GatewayApiObject } from '../src/converters/gateway-api/types.js';
import type { Ingress, IngressRule } from '../src/ir/model.js';
import { ApisixRouter } from '../src/verify/apisix-router.js';
import { GatewayRouter, gatewayHostMatches, gatewayPathMatches } from '../src/verify/gateway-router.js';
import { IngressRouter, ingressHostMatches, ingressPathMatches } from '../src/verify/ingress-router.js';
import { pathDialect } from '../src/ir/dialect.js';
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

test('Ingress router: the winning path of a host, looked up by value and prefix, is the one a scan of every path picks', () => {
  const r = rng(11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const values = ['', '/', '/a', '/a/', '/a/b', '/a/b/', '/ab', '/a//b', '/a/*', '/a*', '^/a/[0-9]+', '/b/c', 'a', '/a/b/c/'];
  const requests = ['/', '/a', '/a/', '/a/b', '/a/b/', '/a/bc', '/ab', '/a//b', '/a/12', '/a/b/c', '/a/b/c/d', '/b/c/', '/x', '//', 'a', 'a/b'];
  for (let round = 0; round < 300; round++) {
    let n = 0;
    // Ingresses of both readings in one tier, as a shared host can have.
    const ingresses: Ingress[] = Array.from({ length: 1 + Math.floor(r() * 4) }, (_, i) => {
      const className = r() < 0.5 ? 'apisix' : 'nginx';
      const regex = className === 'apisix' && r() < 0.5;
      const rules: IngressRule[] = Array.from({ length: 1 + Math.floor(r() * 2) }, (): IngressRule => ({
        host: 'h.example.com',
        paths: Array.from({ length: 1 + Math.floor(r() * 4) }, () => ({ path: pick(values), pathType: pick(['Exact', 'Prefix', 'ImplementationSpecific'] as const), backend: { type: 'service' as const, name: `s${n++}`, port: { number: 80 }, location: loc }, location: loc })),
        location: loc,
      }));
      const intents = regex ? [{ kind: 'regex-paths', sources: [] } as unknown as Ingress['intents'][number]] : [];
      return { ref: { kind: 'Ingress', namespace: 'ns', name: `i${i}` }, namespace: 'ns', name: `i${i}`, apiVersion: 'networking.k8s.io/v1', ingressClassName: { value: className, location: loc }, rules, tls: [], annotations: [], intents, location: loc };
    });
    const router = new IngressRouter(ingresses, []);
    // The plain scan: every path in listing order, the first best by the same ordering.
    const candidates = ingresses.flatMap((ingress) => {
      const dialect = pathDialect(ingress);
      return ingress.rules.flatMap((rule) => rule.paths.map((path) => ({ path, dialect })));
    });
    for (const requestPath of requests) {
      const matching = candidates.filter((c) => ingressPathMatches(c.path, requestPath, c.dialect));
      const expected = router.route({ scheme: 'http', host: 'h.example.com', path: requestPath, method: 'GET' });
      const scanned = scanBest(matching);
      assert.equal(formatOutcome(expected.outcome).replace(/ \(.*\)$/, ''), scanned ? `backend ns/${(scanned.path.backend as { name: string }).name}:80` : '404', `round ${round}, ${requestPath}`);
    }
  }
});

/** The ordering of the Ingress spec and of APISIX (see ingress-router.ts), applied by a plain fold. */
function scanBest(matching: { path: Ingress['rules'][number]['paths'][number]; dialect: ReturnType<typeof pathDialect> }[]) {
  const rank = (c: (typeof matching)[number]) => (c.dialect.kind !== 'apisix' ? 0 : c.path.pathType === 'Exact' ? 0 : c.path.pathType === 'Prefix' ? 1 : c.dialect.regex ? 2 : c.path.path.endsWith('*') ? 1 : 0);
  const exact = (c: (typeof matching)[number]) => c.path.pathType === 'Exact' || (c.path.pathType === 'ImplementationSpecific' && c.dialect.kind === 'apisix' && !c.dialect.regex && !c.path.path.endsWith('*'));
  let best: (typeof matching)[number] | undefined;
  for (const c of matching) {
    if (!best) best = c;
    else if (c.dialect.kind === best.dialect.kind && rank(c) !== rank(best)) best = rank(c) < rank(best) ? c : best;
    else if ((c.path.path || '/').length !== (best.path.path || '/').length) best = (c.path.path || '/').length > (best.path.path || '/').length ? c : best;
    else if (exact(c) !== exact(best)) best = exact(c) ? c : best;
  }
  return best;
}

test('Gateway router: the winning match, looked up by value and prefix, is the one a scan of every rule picks', () => {
  const r = rng(13);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const values = ['/', '/a', '/a/', '/a/b', '/a/b/', '/ab', '/a//b', '/b/c', '/a/[0-9]+', '/a.*'];
  const requests = ['/', '/a', '/a/', '/a/b', '/a/b/', '/a/bc', '/ab', '/a//b', '/a/12', '/a/b/c', '/b/c/', '/x', '//'];
  const gateway = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { namespace: 'ns', name: 'gw' }, spec: { gatewayClassName: 'c', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] } } as unknown as Extract<GatewayApiObject, { kind: 'Gateway' }>;
  for (let round = 0; round < 300; round++) {
    let n = 0;
    const routes = Array.from({ length: 1 + Math.floor(r() * 4) }, (_, i) => ({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { namespace: 'ns', name: `r${i}`, creationTimestamp: pick(['2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z']) },
      spec: {
        // A section the Gateway does not have: listed under gw, never attached.
        parentRefs: [r() < 0.15 ? { name: 'gw', sectionName: 'https' } : { name: 'gw' }],
        hostnames: pick([[], ['h.example.com'], ['*.example.com'], ['h.example.com', '*.example.com']]),
        rules: Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({
          matches: r() < 0.1 ? [] : Array.from({ length: 1 + Math.floor(r() * 2) }, () => ({ path: { type: pick(['Exact', 'PathPrefix', 'PathPrefix', 'RegularExpression']), value: pick(values) }, ...(r() < 0.2 ? { method: pick(['GET', 'POST']) } : {}) })),
          backendRefs: [{ name: `s${n++}`, port: 80 }],
        })),
      },
    }));
    const router = new GatewayRouter([gateway], routes as unknown as GatewayApiObject[]);
    for (const path of requests) {
      // Every match of every rule, ranked as the Gateway API spec orders them.
      const ranked = routes.flatMap((route) =>
        route.spec.rules.flatMap((rule, ruleIndex) =>
          (rule.matches.length > 0 ? rule.matches : [{ path: { type: 'PathPrefix', value: '/' } }]).map((match, matchIndex) => {
            const hostnames = route.spec.hostnames;
            const host = hostnames.length === 0 ? [0, 0] : hostnames.includes('h.example.com') ? [13, 13] : [0, 13];
            const attached = route.spec.parentRefs[0]!.sectionName === undefined;
            const ok = attached && gatewayPathMatches(match.path.type, match.path.value, path) && (!('method' in match) || match.method === 'GET');
            return { ok, key: [-host[0]!, -host[1]!, ['Exact', 'PathPrefix', 'RegularExpression'].indexOf(match.path.type), match.path.type === 'PathPrefix' ? -match.path.value.length : 0, 'method' in match ? -1 : 0], tie: [route.metadata.creationTimestamp, route.metadata.name], ruleIndex, matchIndex, name: rule.backendRefs[0]!.name };
          }),
        ),
      );
      const best = ranked
        .filter((c) => c.ok)
        .sort((a, b) => {
          for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i]! - b.key[i]!;
          if (a.tie[0] !== b.tie[0]) return a.tie[0]! < b.tie[0]! ? -1 : 1;
          if (a.tie[1] !== b.tie[1]) return a.tie[1]! < b.tie[1]! ? -1 : 1;
          return a.ruleIndex - b.ruleIndex || a.matchIndex - b.matchIndex;
        })[0];
      const outcome = formatOutcome(router.route({ scheme: 'http', host: 'h.example.com', path, method: 'GET' }).outcome).replace(/ \(.*\)$/, '');
      assert.equal(outcome, best ? `backend ns/${best.name}:80` : '404', `round ${round}, ${path}`);
    }
  }
});

test('APISIX router: the winning uri, looked up by value and prefix, is the one a scan of every route picks', () => {
  const r = rng(17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const uris = ['/*', '/a', '/a*', '/a/*', '/a/b', '/a/b*', '/ab', '/b/*', '*'];
  const requests = ['/', '/a', '/a/', '/a/b', '/a/bc', '/ab', '/abc', '/b/', '/b/x', '/x'];
  for (let round = 0; round < 300; round++) {
    let n = 0;
    const config: AdcConfiguration = {
      services: Array.from({ length: 1 + Math.floor(r() * 4) }, (_, i) => ({
        name: `svc${i}`,
        labels: {},
        hosts: pick([['h.example.com'], ['*.example.com'], ['h.example.com', '*.example.com']]),
        upstream: { type: 'roundrobin' as const, labels: {}, nodes: [{ host: `s${i}.ns.svc.cluster.local`, port: 80, weight: 1 }] },
        routes: Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({
          name: `r${n++}`,
          description: '',
          labels: {},
          uris: Array.from({ length: 1 + Math.floor(r() * 2) }, () => pick(uris)),
          ...(r() < 0.3 ? { priority: pick([0, 1, 2]) } : {}),
          ...(r() < 0.2 ? { vars: [['request_method', '==', pick(['GET', 'POST'])]] as never } : {}),
        })),
      })),
    };
    const router = new ApisixRouter(config, (route) => [{ file: route.name, doc: 1, path: '' }]);
    for (const path of requests) {
      // The plain scan over one tier at a time: exact before prefix, longer prefix, higher priority, else the first met.
      let chosen: string | undefined;
      for (const inTier of [(h: string[]) => h.includes('h.example.com'), (h: string[]) => !h.includes('h.example.com') && h.includes('*.example.com')]) {
        let best: { name: string; exact: boolean; length: number; priority: number } | undefined;
        for (const service of config.services ?? []) {
          if (!inTier(service.hosts ?? [])) continue;
          for (const route of service.routes) {
            if (route.vars && (route.vars[0] as unknown as string[])[2] !== 'GET') continue;
            for (const uri of route.uris) {
              const m = uri.endsWith('*') ? (path.startsWith(uri.slice(0, -1)) ? { exact: false, length: uri.length - 1 } : undefined) : uri === path ? { exact: true, length: uri.length } : undefined;
              if (!m) continue;
              const priority = route.priority ?? 0;
              if (!best || (m.exact !== best.exact ? m.exact : m.length !== best.length ? m.length > best.length : priority > best.priority)) best = { name: route.name, ...m, priority };
            }
          }
        }
        if (best) {
          chosen = best.name;
          break;
        }
      }
      const routed = router.route({ scheme: 'http', host: 'h.example.com', path, method: 'GET' });
      assert.equal(routed.trace[0]?.file, chosen, `round ${round}, ${path}`);
    }
  }
});

test('Gateway router: two routes equal in every precedence field go by output order, as a scan did', () => {
  const gateway = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { namespace: 'ns', name: 'gw' }, spec: { gatewayClassName: 'c', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] } } as unknown as Extract<GatewayApiObject, { kind: 'Gateway' }>;
  // Same name (invalid, but verify must not depend on its index's order); "/a//" and "/a/b" are
  // as long as each other, and "/a//" is filed under the prefix "/a".
  const route = (value: string, backend: string) => ({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { namespace: 'ns', name: 'r' }, spec: { parentRefs: [{ name: 'gw' }], rules: [{ matches: [{ path: { type: 'PathPrefix', value } }], backendRefs: [{ name: backend, port: 80 }] }] } });
  for (const [first, second] of [[route('/a/b', 's0'), route('/a//', 's1')], [route('/a//', 's1'), route('/a/b', 's0')]] as const) {
    const router = new GatewayRouter([gateway], [first, second] as unknown as GatewayApiObject[]);
    const outcome = formatOutcome(router.route({ scheme: 'http', host: 'a.com', path: '/a/b', method: 'GET' }).outcome).replace(/ \(.*\)$/, '');
    assert.equal(outcome, `backend ns/${first.spec.rules[0]!.backendRefs[0]!.name}:80`);
  }
});
