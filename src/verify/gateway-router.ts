// Reference router for Gateway API v1.6 semantics (HTTPRoute, Gateway and ReferenceGrant API
// docs), written independently of the converter: where does a Gateway send a request?
//   listener: port and protocol, then the most specific hostname (exact, then the longest
//   wildcard, then none); routes: attached by parentRefs and allowedRoutes, hostnames intersecting
//   the listener; rules: the most specific matching route hostname first, then Exact, the longest
//   PathPrefix, (RegularExpression: implementation-specific, ranked last here), method, header and
//   query counts, route age, namespace/name, rule order. No match: 404; no usable backend: 500.
// Filters in order: RequestRedirect answers; URLRewrite and RequestHeaderModifier change what the
// backend receives.
import type { GatewayApiObject } from '../converters/gateway-api/types.js';
import type { SourceLocation } from '../reporter/diagnostics.js';
import { appendTo } from '../common/multimap.js';
import { PathIndex } from './path-index.js';
import { suffixWildcards, type BackendTarget, type ForwardedRequest, type Outcome, type Probe, type TracedOutcome } from './model.js';
import { applyPlugins, pluginsPathSensitive } from './plugins.js';
import { regexMatches } from './regex.js';

type Gateway = Extract<GatewayApiObject, { kind: 'Gateway' }>;
type Listener = Gateway['spec']['listeners'][number];

/** The fields the router reads, wider than what the converter emits today (filters, methods…). */
interface RouteMatch {
  path?: { type?: string; value?: string };
  method?: string;
  headers?: { type?: string; name: string; value: string }[];
  queryParams?: { type?: string; name: string; value: string }[];
}
interface PathModifier {
  type: string;
  replaceFullPath?: string;
  replacePrefixMatch?: string;
}
interface HeaderModifier {
  set?: { name: string; value: string }[];
  add?: { name: string; value: string }[];
  remove?: string[];
}
interface RouteFilter {
  type: string;
  urlRewrite?: { hostname?: string; path?: PathModifier };
  extensionRef?: { group: string; kind: string; name: string };
  requestHeaderModifier?: HeaderModifier;
  requestRedirect?: { scheme?: string; hostname?: string; port?: number; statusCode?: number; path?: PathModifier };
}
interface BackendRef {
  group?: string;
  kind?: string;
  name: string;
  namespace?: string;
  port?: number;
  weight?: number;
}
interface RouteRule {
  matches?: RouteMatch[];
  filters?: RouteFilter[];
  backendRefs?: BackendRef[];
}
interface Route {
  metadata: { name: string; namespace: string; creationTimestamp?: string };
  spec: { parentRefs?: { name: string; namespace?: string; sectionName?: string; port?: number }[]; hostnames?: string[]; rules?: RouteRule[] };
}

/** Gateway hostname matching: `*.example.com` covers one or more labels, never the apex. */
export function gatewayHostMatches(pattern: string, host: string): boolean {
  if (!pattern.startsWith('*.')) return pattern === host;
  const suffix = pattern.slice(1);
  return host.endsWith(suffix) && host.length > suffix.length;
}

function hostnamesIntersect(a: string, b: string): boolean {
  return gatewayHostMatches(a, b) || gatewayHostMatches(b, a) || a === b;
}

/** PathPrefix: element-wise, a trailing "/" in the value is ignored. */
export function gatewayPathMatches(type: string, value: string, path: string): boolean {
  if (type === 'Exact') return value === path;
  if (type === 'PathPrefix') {
    const prefix = value.replace(/\/+$/, '');
    return prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
  }
  if (type === 'RegularExpression') return regexMatches(`^(?:${value})$`, path);
  return false;
}

const pathTypeRank: Record<string, number> = { Exact: 0, PathPrefix: 1, RegularExpression: 2 };

interface Candidate {
  route: Route;
  routeOrder: number;
  ruleIndex: number;
  matchIndex: number;
  rule: RouteRule;
  hostExactChars: number;
  hostChars: number;
  pathRank: number;
  pathChars: number;
  hasMethod: boolean;
  headers: number;
  queries: number;
}

export interface GatewayRouterOptions {
  /** Where each emitted element came from (rules, listeners), for explaining divergences. */
  sourcesOf?: (element: object) => SourceLocation[];
}

/** One match of one rule of a route, with its path type and value (defaults applied). */
interface MatchEntry {
  route: Route;
  /** The route's place in the output: the last tie-break, as a scan in output order had it. */
  routeOrder: number;
  ruleIndex: number;
  matchIndex: number;
  rule: RouteRule;
  match: RouteMatch;
  type: string;
  value: string;
}

/**
 * The output's routes by the Gateway they name and the hostnames they serve, its grants and
 * PluginConfigs, so that a request looks only at the routes that can serve it rather than at
 * every route. verify builds one per check and shares it between the routers of its Gateway
 * scopes; it reflects the objects as they were when it was built (the router's look-ups are
 * cached), so a check of changed objects needs a new one.
 */
export class OutputIndex {
  readonly routes: Route[];
  readonly grants: GatewayApiObject[];
  readonly pluginConfigs = new Map<string, Extract<GatewayApiObject, { kind: 'PluginConfig' }>>();
  /** Gateway `namespace/name` → hostname (`''`: none, every host) → indexes into `routes`. */
  private readonly byGateway = new Map<string, Map<string, number[]>>();
  private readonly found = new Map<string, Route[]>();
  private readonly pathIndexes = new Map<string, PathIndex<MatchEntry>>();

  constructor(objects: readonly GatewayApiObject[]) {
    this.routes = objects.filter((o) => o.kind === 'HTTPRoute') as unknown as Route[];
    this.grants = objects.filter((o) => o.kind === 'ReferenceGrant');
    for (const o of objects) if (o.kind === 'PluginConfig' && !this.pluginConfigs.has(`${o.metadata.namespace}/${o.metadata.name}`)) this.pluginConfigs.set(`${o.metadata.namespace}/${o.metadata.name}`, o);
    this.routes.forEach((route, i) => {
      const hostnames = route.spec.hostnames ?? [];
      for (const gateway of new Set((route.spec.parentRefs ?? []).map((ref) => `${ref.namespace ?? route.metadata.namespace}/${ref.name}`))) {
        const byHostname = this.byGateway.get(gateway) ?? new Map<string, number[]>();
        this.byGateway.set(gateway, byHostname);
        for (const h of hostnames.length === 0 ? [''] : new Set(hostnames)) appendTo(byHostname, h, i);
      }
    });
  }

  /**
   * The rule matches of the routes naming the Gateway with a hostname that matches `host` (itself,
   * or `*.` + one of its suffixes) or none, that can match `path`: looked up by path, as each
   * (Gateway, hostname) keeps its matches by value. A superset: the router still checks
   * attachment, hosts and methods. A route listed under two such hostnames comes twice.
   */
  matchesFor(gateway: Gateway, host: string, path: string): MatchEntry[] {
    const found: MatchEntry[] = [];
    for (const index of this.pathIndexesFor(gateway, host)) index.lookupInto(path, found);
    return found;
  }

  /** The path indexes of hostnames `''`, `host` and its `*.` suffixes: probes come host by host, so the last host's are kept. */
  private pathIndexesFor(gateway: Gateway, host: string): PathIndex<MatchEntry>[] {
    const last = this.lastIndexes;
    if (last && last.gateway === gateway && last.host === host) return last.indexes;
    const gatewayKey = `${gateway.metadata.namespace}/${gateway.metadata.name}`;
    const indexes = ['', host, ...suffixWildcards(host)].flatMap((hostname) => this.pathIndex(gatewayKey, hostname) ?? []);
    this.lastIndexes = { gateway, host, indexes };
    return indexes;
  }

  private lastIndexes: { gateway: Gateway; host: string; indexes: PathIndex<MatchEntry>[] } | undefined;

  private pathIndex(gatewayKey: string, hostname: string): PathIndex<MatchEntry> | undefined {
    const key = `${gatewayKey}\u0000${hostname}`;
    let index = this.pathIndexes.get(key);
    if (index) return index;
    const routeIndexes = this.byGateway.get(gatewayKey)?.get(hostname);
    if (!routeIndexes) return undefined;
    index = new PathIndex();
    for (const i of routeIndexes) {
      const route = this.routes[i]!;
      (route.spec.rules ?? []).forEach((rule, ruleIndex) => {
        const matches = rule.matches && rule.matches.length > 0 ? rule.matches : [{ path: { type: 'PathPrefix', value: '/' } }];
        matches.forEach((match, matchIndex) => {
          const entry = { route, routeOrder: i, ruleIndex, matchIndex, rule, match, type: match.path?.type ?? 'PathPrefix', value: match.path?.value ?? '/' };
          // The same split as gatewayPathMatches.
          if (entry.type === 'Exact') index!.addExact(entry.value, entry);
          else if (entry.type === 'PathPrefix') index!.addPrefix(entry.value, entry);
          else index!.addScanned(entry, (path) => gatewayPathMatches(entry.type, entry.value, path));
        });
      });
    }
    this.pathIndexes.set(key, index);
    return index;
  }

  /**
   * Routes naming the Gateway with a hostname that matches `host` (itself, or `*.` + one of its
   * suffixes) or none, in output order. A superset: the router still checks attachment and hosts.
   */
  routesFor(gateway: Gateway, host: string): Route[] {
    const key = `${gateway.metadata.namespace}/${gateway.metadata.name}\u0000${host}`;
    let routes = this.found.get(key);
    if (routes) return routes;
    const byHostname = this.byGateway.get(`${gateway.metadata.namespace}/${gateway.metadata.name}`);
    const found = new Set<number>();
    for (const hostname of ['', host, ...suffixWildcards(host)]) for (const i of byHostname?.get(hostname) ?? []) found.add(i);
    routes = [...found].sort((a, b) => a - b).map((i) => this.routes[i]!);
    this.found.set(key, routes);
    return routes;
  }
}

export class GatewayRouter {
  private readonly index: OutputIndex;

  /** `gateways`: the Gateways a client may reach, first one first; `output`: the objects, or an index of them. */
  constructor(
    private readonly gateways: readonly Gateway[],
    output: readonly GatewayApiObject[] | OutputIndex,
    private readonly options: GatewayRouterOptions = {},
  ) {
    this.index = output instanceof OutputIndex ? output : new OutputIndex(output);
  }

  route(probe: Probe): TracedOutcome {
    const selected = this.selectListener(probe);
    if (!selected) return { outcome: { kind: 'no-listener', reason: `no ${probe.scheme.toUpperCase()} listener for ${probe.host}` }, trace: [] };
    const { gateway, listener } = selected;
    const listenerTrace = this.traceOf(listener);
    const best = this.candidates(gateway, listener, probe).sort(compareCandidates)[0];
    if (!best) return { outcome: { kind: 'status', statusCode: 404, reason: 'no matching rule' }, trace: listenerTrace };
    const trace = [...this.traceOf(best.rule), ...listenerTrace];
    return { outcome: this.apply(best, listener, probe), trace };
  }

  /**
   * What the rules that may serve `host` on these Gateways name (a superset: attachment is not
   * checked): their Exact and PathPrefix values, and where each rule came from, whose paths are
   * the requests a RegularExpression was made for.
   */
  *pathsFor(host: string): Generator<string | SourceLocation> {
    for (const { rule } of this.rulesServing(host)) {
      for (const match of rule.matches && rule.matches.length > 0 ? rule.matches : [{}]) {
        const type = match.path?.type ?? 'PathPrefix';
        if (type === 'Exact' || type === 'PathPrefix') yield match.path?.value ?? '/';
      }
      yield* this.traceOf(rule);
    }
  }

  /**
   * Does a rule that may serve `host` route by more than where a path starts and ends: a
   * RegularExpression match, or APISIX plugins (through an ExtensionRef) with a regex rewrite or a
   * uri condition? An ExtensionRef to a PluginConfig that is not there counts too.
   */
  pathSensitive(host: string): boolean {
    for (const { route, rule } of this.rulesServing(host)) {
      if ((rule.matches ?? []).some((m) => m.path?.type === 'RegularExpression')) return true;
      for (const filter of rule.filters ?? []) {
        if (filter.type !== 'ExtensionRef') continue;
        const config = this.index.pluginConfigs.get(`${route.metadata.namespace}/${filter.extensionRef?.name}`);
        if (!config || pluginsPathSensitive(config.spec.plugins)) return true;
      }
    }
    return false;
  }

  /** The rules of the routes that may serve `host` on these Gateways (attachment not checked). */
  private *rulesServing(host: string): Generator<{ route: Route; rule: RouteRule }> {
    for (const gateway of this.gateways) for (const route of this.index.routesFor(gateway, host)) for (const rule of route.spec.rules ?? []) yield { route, rule };
  }

  private traceOf(element: object): SourceLocation[] {
    return this.options.sourcesOf?.(element) ?? [];
  }

  private selectListener(probe: Probe): { gateway: Gateway; listener: Listener } | undefined {
    const port = probe.scheme === 'https' ? 443 : 80;
    const protocol = probe.scheme === 'https' ? 'HTTPS' : 'HTTP';
    let best: { gateway: Gateway; listener: Listener; rank: number } | undefined;
    for (const gateway of this.gateways) {
      for (const listener of gateway.spec.listeners) {
        if (listener.port !== port || listener.protocol !== protocol) continue;
        const rank = listenerRank(listener.hostname, probe.host);
        if (rank >= 0 && (!best || rank > best.rank)) best = { gateway, listener, rank };
      }
    }
    return best;
  }

  private candidates(gateway: Gateway, listener: Listener, probe: Probe): Candidate[] {
    const out: Candidate[] = [];
    const hostOf = new Map<Route, { hostExactChars: number; hostChars: number } | undefined>();
    for (const { route, routeOrder, ruleIndex, matchIndex, rule, match, type, value } of this.index.matchesFor(gateway, probe.host, probe.path)) {
      let host = hostOf.get(route);
      if (!hostOf.has(route)) hostOf.set(route, (host = this.attached(route, gateway, listener) ? routeHostSpecificity(route, listener, probe.host) : undefined));
      if (!host) continue;
      if (match.method && match.method !== probe.method) continue;
      if ((match.headers ?? []).length > 0 || (match.queryParams ?? []).length > 0) continue; // probes carry none
      out.push({
        route,
        routeOrder,
        ruleIndex,
        matchIndex,
        rule,
        ...host,
        pathRank: pathTypeRank[type] ?? 3,
        pathChars: value.length,
        hasMethod: match.method !== undefined,
        headers: (match.headers ?? []).length,
        queries: (match.queryParams ?? []).length,
      });
    }
    return out;
  }

  private attached(route: Route, gateway: Gateway, listener: Listener): boolean {
    const refs = route.spec.parentRefs ?? [];
    const referenced = refs.some(
      (ref) =>
        ref.name === gateway.metadata.name &&
        (ref.namespace ?? route.metadata.namespace) === gateway.metadata.namespace &&
        (ref.sectionName === undefined || ref.sectionName === listener.name) &&
        (ref.port === undefined || ref.port === listener.port),
    );
    if (!referenced) return false;
    const from = listener.allowedRoutes?.namespaces.from ?? 'Same';
    if (from === 'Same' && route.metadata.namespace !== gateway.metadata.namespace) return false;
    const hostnames = route.spec.hostnames ?? [];
    if (listener.hostname === undefined || hostnames.length === 0) return true;
    return hostnames.some((h) => hostnamesIntersect(h, listener.hostname!));
  }

  private apply(best: Candidate, listener: Listener, probe: Probe): Outcome {
    // ExtensionRef PluginConfig (APISIX Ingress Controller): its plugins, by APISIX's semantics, run before a redirect.
    const plugins = (best.rule.filters ?? [])
      .filter((f) => f.type === 'ExtensionRef' && f.extensionRef?.group === 'apisix.apache.org' && f.extensionRef.kind === 'PluginConfig')
      .flatMap((f) => {
        const config = this.index.pluginConfigs.get(`${best.route.metadata.namespace}/${f.extensionRef!.name}`);
        return config ? config.spec.plugins : [];
      });
    const effect = applyPlugins(plugins, probe);
    if (effect.answer) return effect.answer;
    const redirect = (best.rule.filters ?? []).find((f) => f.type === 'RequestRedirect')?.requestRedirect;
    if (redirect) return { kind: 'redirect', statusCode: redirect.statusCode ?? 302, location: redirectLocation(redirect, listener, probe, best) };
    const refs = best.rule.backendRefs ?? [];
    if (refs.length === 0) return { kind: 'status', statusCode: 500, reason: 'rule without backendRefs' };
    const usable = refs.filter((r) => (r.weight ?? 1) > 0);
    if (usable.length !== 1) return { kind: 'status', statusCode: 500, reason: `${usable.length} weighted backends (not modelled)` };
    const ref = usable[0]!;
    const target = this.target(ref, best.route.metadata.namespace);
    if (typeof target === 'string') return { kind: 'status', statusCode: 500, reason: target };
    const forwarded = forwardedRequest(best, probe) ?? (effect.path !== undefined ? {} : undefined);
    if (forwarded && effect.path !== undefined && forwarded.path === undefined) forwarded.path = effect.path;
    return forwarded ? { kind: 'backend', backend: target, forwarded } : { kind: 'backend', backend: target };
  }

  /** A backendRef → its target, or why it is invalid (the request then gets a 500). */
  private target(ref: BackendRef, routeNamespace: string): BackendTarget | string {
    const group = ref.group ?? '';
    const kind = ref.kind ?? 'Service';
    const namespace = ref.namespace ?? routeNamespace;
    if (namespace !== routeNamespace && !this.granted(routeNamespace, namespace, group, kind, ref.name)) return `backendRef to ${namespace}/${ref.name} without a ReferenceGrant`;
    if (group === '' && kind === 'Service') {
      if (ref.port === undefined) return `Service backendRef ${ref.name} without port`;
      return { type: 'service', namespace, name: ref.name, port: ref.port };
    }
    return { type: 'resource', namespace, group, kind, name: ref.name };
  }

  private granted(fromNamespace: string, toNamespace: string, group: string, kind: string, name: string): boolean {
    return this.index.grants.some((g) => {
      if (g.kind !== 'ReferenceGrant' || g.metadata.namespace !== toNamespace) return false;
      const from = g.spec.from.some((f) => f.group === 'gateway.networking.k8s.io' && f.kind === 'HTTPRoute' && f.namespace === fromNamespace);
      const to = g.spec.to.some((t) => t.group === group && t.kind === kind && (t.name === undefined || t.name === name));
      return from && to;
    });
  }
}

/** -1: the listener does not accept the host; otherwise higher is more specific. */
function listenerRank(hostname: string | undefined, host: string): number {
  if (hostname === undefined) return 0;
  if (!gatewayHostMatches(hostname, host)) return -1;
  return hostname.startsWith('*.') ? 1 + hostname.length : 1000 + hostname.length;
}

/** The route hostname that matches the request (and the listener), as the spec ranks it. */
function routeHostSpecificity(route: Route, listener: Listener, host: string): { hostExactChars: number; hostChars: number } | undefined {
  const hostnames = route.spec.hostnames ?? [];
  if (hostnames.length === 0) return { hostExactChars: 0, hostChars: 0 };
  let best: { hostExactChars: number; hostChars: number } | undefined;
  for (const h of hostnames) {
    if (!gatewayHostMatches(h, host)) continue;
    if (listener.hostname !== undefined && !hostnamesIntersect(h, listener.hostname)) continue;
    const score = { hostExactChars: h.startsWith('*.') ? 0 : h.length, hostChars: h.length };
    if (!best || score.hostExactChars > best.hostExactChars || (score.hostExactChars === best.hostExactChars && score.hostChars > best.hostChars)) best = score;
  }
  return best;
}

function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    b.hostExactChars - a.hostExactChars ||
    b.hostChars - a.hostChars ||
    a.pathRank - b.pathRank ||
    (a.pathRank === 1 ? b.pathChars - a.pathChars : 0) ||
    Number(b.hasMethod) - Number(a.hasMethod) ||
    b.headers - a.headers ||
    b.queries - a.queries ||
    compareText(a.route.metadata.creationTimestamp ?? '', b.route.metadata.creationTimestamp ?? '') ||
    compareText(`${a.route.metadata.namespace}/${a.route.metadata.name}`, `${b.route.metadata.namespace}/${b.route.metadata.name}`) ||
    a.ruleIndex - b.ruleIndex ||
    a.matchIndex - b.matchIndex ||
    a.routeOrder - b.routeOrder
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** URLRewrite and RequestHeaderModifier, applied in filter order; undefined when nothing changed. */
function forwardedRequest(best: Candidate, probe: Probe): ForwardedRequest | undefined {
  const forwarded: ForwardedRequest = {};
  for (const filter of best.rule.filters ?? []) {
    if (filter.type === 'URLRewrite' && filter.urlRewrite) {
      if (filter.urlRewrite.hostname) forwarded.host = filter.urlRewrite.hostname;
      if (filter.urlRewrite.path) forwarded.path = modifiedPath(filter.urlRewrite.path, forwarded.path ?? probe.path, best);
    } else if (filter.type === 'RequestHeaderModifier' && filter.requestHeaderModifier) {
      const headers = (forwarded.headers ??= {});
      const m = filter.requestHeaderModifier;
      for (const h of m.set ?? []) headers[h.name.toLowerCase()] = h.value;
      for (const h of m.add ?? []) headers[h.name.toLowerCase()] = headers[h.name.toLowerCase()] ? `${headers[h.name.toLowerCase()]},${h.value}` : h.value;
      for (const name of m.remove ?? []) headers[name.toLowerCase()] = null;
    }
  }
  return Object.keys(forwarded).length > 0 ? forwarded : undefined;
}

/** ReplaceFullPath, or ReplacePrefixMatch as the spec's table defines it ("/foo/bar" − "/foo" + "/xyz" = "/xyz/bar"). */
function modifiedPath(modifier: PathModifier, path: string, best: Candidate): string {
  if (modifier.type === 'ReplaceFullPath') return modifier.replaceFullPath ?? '/';
  if (modifier.type !== 'ReplacePrefixMatch') return path;
  const prefix = (best.rule.matches?.[best.matchIndex]?.path?.value ?? '/').replace(/\/+$/, '');
  const rest = path.slice(prefix.length);
  const replacement = (modifier.replacePrefixMatch ?? '/').replace(/\/+$/, '');
  const result = `${replacement}${rest}`;
  return result === '' ? '/' : result.startsWith('/') ? result : `/${result}`;
}

/** Location header of a RequestRedirect (well-known ports omitted, as the spec says). */
function redirectLocation(redirect: NonNullable<RouteFilter['requestRedirect']>, listener: Listener, probe: Probe, best: Candidate): string {
  const scheme = redirect.scheme ?? probe.scheme;
  const host = redirect.hostname ?? probe.host;
  const port = redirect.port ?? (redirect.scheme ? (scheme === 'https' ? 443 : 80) : listener.port);
  const defaultPort = scheme === 'https' ? 443 : 80;
  const path = redirect.path ? modifiedPath(redirect.path, probe.path, best) : probe.path;
  return `${scheme}://${host}${port === defaultPort ? '' : `:${port}`}${path}`;
}
