// Reference router for APISIX (radixtree_host_uri), written from APISIX's documentation, for ADC
// output: routes of services whose hosts equal the request host, then of wildcard hosts, then of
// services without hosts; in a tier, an exact uri before the longest "prefix*" uri, then the
// higher priority; vars must hold. Plugins: fault-injection, auth, csrf, proxy-rewrite, redirect.
import type { AdcConfiguration, AdcRoute, AdcService } from '../converters/adc/types.js';
import type { SourceLocation } from '../reporter/diagnostics.js';
import { appendTo } from '../common/multimap.js';
import { suffixWildcards, type BackendTarget, type Outcome, type Probe, type TracedOutcome } from './model.js';
import { applyPlugins, pluginsPathSensitive } from './plugins.js';
import { regexMatches } from './regex.js';

function uriMatch(uri: string, path: string): { exact: boolean; length: number } | undefined {
  if (uri.endsWith('*')) return path.startsWith(uri.slice(0, -1)) ? { exact: false, length: uri.length - 1 } : undefined;
  return uri === path ? { exact: true, length: uri.length } : undefined;
}

function varsHold(vars: AdcRoute['vars'], probe: Probe): boolean {
  return (vars ?? []).every(([name, op, value]) => {
    const actual = name === 'uri' ? probe.path : name === 'host' ? probe.host : name === 'request_method' ? probe.method : undefined;
    if (actual === undefined || typeof value !== 'string') return false;
    if (op === '~~') return regexMatches(value, actual);
    if (op === '==') return actual === value;
    if (op === '~=') return actual !== value;
    return false;
  });
}

/** A route's plugins as the plugin model takes them. */
function pluginsOf(route: AdcRoute): { name: string; config: Record<string, unknown> }[] {
  return Object.entries(route.plugins ?? {}).map(([name, config]) => ({ name, config: config as Record<string, unknown> }));
}

interface UriEntry {
  service: AdcService;
  route: AdcRoute;
  uri: string;
  order: number;
}

/** Uris by what they match: an exact uri by itself, a `prefix*` uri by its prefix (a plain string prefix). */
class UriIndex {
  private readonly exact = new Map<string, UriEntry[]>();
  private readonly prefix = new Map<string, UriEntry[]>();

  constructor(entries: readonly UriEntry[]) {
    for (const entry of entries) {
      if (entry.uri.endsWith('*')) appendTo(this.prefix, entry.uri.slice(0, -1), entry);
      else appendTo(this.exact, entry.uri, entry);
    }
  }

  /** The entries whose uri matches `path`: the same as uriMatch over every entry. */
  *lookup(path: string): Generator<UriEntry> {
    yield* this.exact.get(path) ?? [];
    if (this.prefix.size === 0) return;
    for (let length = 0; length <= path.length; length++) yield* this.prefix.get(path.slice(0, length)) ?? [];
  }
}

export class ApisixRouter {
  // Services by host, and whether an ssl serves a host: looked up per request instead of scanning
  // every service and ssl, which made verifying large inputs quadratic.
  private readonly exactHosts = new Map<string, number[]>();
  private readonly wildcardHosts = new Map<string, number[]>();
  private readonly hostless: number[] = [];
  private readonly exactSnis = new Set<string>();
  private readonly wildcardSnis = new Set<string>();
  /** Each service's uris, numbered in service, route and uri order. */
  private readonly uriEntries: UriEntry[][];
  private readonly uriIndexes = new WeakMap<readonly number[], UriIndex>();

  constructor(
    private readonly config: AdcConfiguration,
    private readonly sourcesOf: (route: AdcRoute) => SourceLocation[] = () => [],
    /** Port names of discovery upstreams (`ns/svc:http`) → numbers, to compare with the Ingress side. */
    private readonly portNumber: (namespace: string, service: string, port: string) => number | undefined = () => undefined,
  ) {
    let order = 0;
    this.uriEntries = (config.services ?? []).map((service) => service.routes.flatMap((route) => route.uris.map((uri) => ({ service, route, uri, order: order++ }))));
    (config.services ?? []).forEach((service, i) => {
      const hosts = service.hosts ?? [];
      if (hosts.length === 0) this.hostless.push(i);
      for (const h of new Set(hosts)) appendTo(h.startsWith('*.') ? this.wildcardHosts : this.exactHosts, h, i);
    });
    for (const ssl of config.ssls ?? []) for (const sni of ssl.snis) (sni.startsWith('*.') ? this.wildcardSnis : this.exactSnis).add(sni);
  }

  route(probe: Probe): TracedOutcome {
    if (probe.scheme === 'https' && !this.sslServes(probe.host)) {
      return { outcome: { kind: 'no-listener', reason: `no ssl with an SNI for ${probe.host}` }, trace: [] };
    }
    // 1. services with this exact host; 2. with a `*.` host covering it; 3. without hosts.
    const tiers: readonly (readonly (readonly number[])[])[] = [[this.exactHosts.get(probe.host) ?? []], suffixWildcards(probe.host).map((key) => this.wildcardHosts.get(key) ?? []), [this.hostless]];
    for (const lists of tiers) {
      // The uris that can match, in the order a scan of the tier's services would meet them (ties keep the first).
      const found = new Set<UriEntry>();
      for (const list of lists) for (const entry of this.uriIndex(list).lookup(probe.path)) found.add(entry);
      let best: { service: AdcService; route: AdcRoute; exact: boolean; length: number } | undefined;
      for (const { service, route, uri } of [...found].sort((a, b) => a.order - b.order)) {
        if (!varsHold(route.vars, probe)) continue;
        const m = uriMatch(uri, probe.path)!;
        const better = !best || (m.exact !== best.exact ? m.exact : m.length !== best.length ? m.length > best.length : (route.priority ?? 0) > (best.route.priority ?? 0));
        if (better) best = { service, route, ...m };
      }
      if (best) return { outcome: this.apply(best.service, best.route, probe), trace: this.sourcesOf(best.route) };
    }
    return { outcome: { kind: 'status', statusCode: 404, reason: 'no route' }, trace: [] };
  }

  /** The uris of a list of services, by value (exact) and by the part before "*" (prefix). */
  private uriIndex(list: readonly number[]): UriIndex {
    let index = this.uriIndexes.get(list);
    if (!index) this.uriIndexes.set(list, (index = new UriIndex(list.flatMap((i) => this.uriEntries[i]!))));
    return index;
  }

  /**
   * What the routes of the services that may serve `host` name: their URIs (`/api/*` as its
   * prefix `/api/`), and where each route came from, whose paths a `vars` regex was made for.
   */
  *pathsFor(host: string): Generator<string | SourceLocation> {
    for (const route of this.routesServing(host)) {
      for (const uri of route.uris) yield uri.endsWith('*') ? uri.slice(0, -1) : uri;
      yield* this.sourcesOf(route);
    }
  }

  /**
   * Does a route of a service that may serve `host` route by more than where a path starts and
   * ends: a `vars` condition on the uri, a regex rewrite or uri condition in its plugins, a `*`
   * that is not a whole path segment?
   */
  pathSensitive(host: string): boolean {
    for (const route of this.routesServing(host)) {
      if ((route.vars ?? []).some(([name]) => name === 'uri')) return true;
      if (pluginsPathSensitive(pluginsOf(route))) return true;
      if (route.uris.some((uri) => uri.endsWith('*') && !uri.endsWith('/*'))) return true;
    }
    return false;
  }

  /** The routes of the services that may serve `host`: with it, with a `*.` host covering it, without hosts. */
  private *routesServing(host: string): Generator<AdcRoute> {
    const services = this.config.services ?? [];
    for (const tier of [this.exactHosts.get(host) ?? [], ...suffixWildcards(host).map((key) => this.wildcardHosts.get(key) ?? []), this.hostless]) {
      for (const i of tier) yield* services[i]!.routes;
    }
  }

  private sslServes(host: string): boolean {
    return (!host.startsWith('*.') && this.exactSnis.has(host)) || suffixWildcards(host).some((key) => this.wildcardSnis.has(key));
  }

  private apply(service: AdcService, route: AdcRoute, probe: Probe): Outcome {
    const effect = applyPlugins(pluginsOf(route), probe);
    if (effect.answer) return effect.answer;
    const proxyRewrite = route.plugins?.['proxy-rewrite'] as { uri?: string } | undefined;
    const backend = backendOf(service);
    if (backend?.type === 'service' && typeof backend.port === 'string') backend.port = this.portNumber(backend.namespace, backend.name, backend.port) ?? backend.port;
    if (!backend) return { kind: 'status', statusCode: 502, reason: 'upstream without nodes' };
    const path = effect.path ?? proxyRewrite?.uri;
    return path !== undefined ? { kind: 'backend', backend, forwarded: { path } } : { kind: 'backend', backend };
  }
}

/** The Service behind an upstream: `<svc>.<ns>.svc.cluster.local` nodes, or `ns/svc:port` discovery. */
function backendOf(service: AdcService): BackendTarget | undefined {
  const u = service.upstream;
  if (u.discovery_type === 'kubernetes' && u.service_name) {
    const m = /^([^/]+)\/([^:]+):(.+)$/.exec(u.service_name);
    return m ? { type: 'service', namespace: m[1]!, name: m[2]!, port: Number.isNaN(Number(m[3])) ? m[3]! : Number(m[3]) } : undefined;
  }
  const node = u.nodes?.[0];
  const m = node ? /^([^.]+)\.([^.]+)\.svc\.cluster\.local$/.exec(node.host) : null;
  return node && m ? { type: 'service', namespace: m[2]!, name: m[1]!, port: node.port } : undefined;
}
