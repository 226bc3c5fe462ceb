// Reference router for Ingress semantics (networking.k8s.io/v1 API text and the Kubernetes docs),
// written independently of the converter: where would one Ingress controller send a request?
//   1. rules whose host equals the request host; 2. rules whose `*.` host matches it with exactly
//   one label; 3. rules without host. In the first tier with a matching path: the longest path
//   wins, Exact beats Prefix on equal length, then the oldest Ingress. 4. the defaultBackend.
//   5. 404.
// ImplementationSpecific is read as Prefix (the plain interpretation; providers refine it).
import type { Backend, Ingress, IngressPath, IngressRule, IngressTls, Service } from '../ir/model.js';
import { appendTo } from '../common/multimap.js';
import { PathIndex } from './path-index.js';
import { probeRegex, regexMatches } from './regex.js';
import { pathDialect, type PathDialect } from '../ir/dialect.js';
import type { Intent } from '../ir/intents.js';
import type { SourceLocation } from '../reporter/diagnostics.js';
import { suffixWildcards, type BackendTarget, type Outcome, type Probe, type TracedOutcome } from './model.js';

export function ingressHostMatches(ruleHost: string, host: string): boolean {
  if (!ruleHost.startsWith('*.')) return ruleHost === host;
  const suffix = ruleHost.slice(1); // ".example.com"
  const label = host.slice(0, host.length - suffix.length);
  return host.endsWith(suffix) && label.length > 0 && !label.includes('.');
}

/** Element-wise prefix: "/foo" and "/foo/" match "/foo", "/foo/" and "/foo/bar", never "/foobar". */
export function ingressPathMatches(path: IngressPath, requestPath: string, dialect: PathDialect = { kind: 'plain' }): boolean {
  const value = path.path === '' ? '/' : path.path;
  if (path.pathType === 'ImplementationSpecific' && dialect.kind === 'apisix') return apisixPathMatches(value, requestPath, dialect.regex);
  if (path.pathType === 'Exact') return value === requestPath;
  const prefix = value.replace(/\/+$/, '');
  return prefix === '' || requestPath === prefix || requestPath.startsWith(`${prefix}/`);
}

/** APISIX (AIC 2.x) reads ImplementationSpecific paths as written: a regex searched in the path with use-regex, a trailing "*" as "anything after", otherwise exactly. */
function apisixPathMatches(value: string, requestPath: string, regex: boolean): boolean {
  if (regex) return regexMatches(value, requestPath);
  if (value.endsWith('*')) return requestPath.startsWith(value.slice(0, -1));
  return value === requestPath;
}

/**
 * How APISIX ranks the paths of its own Ingresses: exact URIs first, then the longest prefix, regex
 * routes last. Plain Ingresses rank every path alike (longest path first, as the Ingress spec says).
 */
function pathRank(path: IngressPath, dialect: PathDialect): number {
  if (dialect.kind !== 'apisix') return 0;
  if (path.pathType === 'Exact') return 0;
  if (path.pathType === 'Prefix') return 1;
  if (dialect.regex) return 2;
  return path.path.endsWith('*') ? 1 : 0;
}

interface Candidate {
  ingress: Ingress;
  order: number;
  rule: IngressRule;
  path: IngressPath;
  rank: number;
  /** An APISIX ImplementationSpecific path without "*": an exact match. */
  exactLiteral: boolean;
  dialect: PathDialect['kind'];
}

/** A rule with what routing it needs, in the order the Ingresses and their rules are listed. */
interface RuleEntry {
  ingress: Ingress;
  rule: IngressRule;
  dialect: PathDialect;
}

/** A tls entry with the host keys it covers, and its place in the listing (the first one wins). */
interface TlsEntry {
  entry: IngressTls;
  order: number;
}

export class IngressRouter {
  private readonly servicePorts = new Map<string, Service>();
  // Rules by the host tier they serve: looked up per request instead of scanning every rule, which
  // made verifying thousands of Ingresses in one namespace quadratic.
  private readonly exactHosts = new Map<string, RuleEntry[]>();
  private readonly wildcardHosts = new Map<string, RuleEntry[]>();
  private readonly hostless: RuleEntry[] = [];
  private readonly tlsByHost = new Map<string, TlsEntry>();
  private tlsForEveryHost: TlsEntry | undefined;
  /** The oldest Ingress with a default backend: where requests no rule takes go. */
  private readonly fallback: Ingress | undefined;

  /** `ingresses`: the Ingresses one controller serves together, oldest first. */
  constructor(
    ingresses: readonly Ingress[],
    services: readonly Service[],
  ) {
    for (const s of services) this.servicePorts.set(`${s.namespace}/${s.name}`, s);
    this.fallback = ingresses.find((i) => i.defaultBackend);
    let tlsOrder = 0;
    for (const ingress of ingresses) {
      const dialect = pathDialect(ingress);
      for (const rule of ingress.rules) {
        const entry = { ingress, rule, dialect };
        if (rule.host === undefined) this.hostless.push(entry);
        else appendTo(rule.host.startsWith('*.') ? this.wildcardHosts : this.exactHosts, rule.host, entry);
      }
      for (const entry of ingress.tls) {
        const tls = { entry, order: tlsOrder++ };
        const hosts = entry.hosts.length > 0 ? entry.hosts : ingress.rules.map((r) => r.host);
        for (const host of hosts) {
          // A host-less entry of host-less rules is the controller's wildcard: every host.
          if (host === undefined) this.tlsForEveryHost ??= tls;
          else if (!this.tlsByHost.has(host)) this.tlsByHost.set(host, tls);
        }
      }
    }
  }

  route(probe: Probe): TracedOutcome {
    const tls = probe.scheme === 'https' ? this.tlsEntryFor(probe.host) : undefined;
    const tlsTrace = tls ? [tls.location] : [];
    // 1. rules for exactly this host; 2. `*.` rules covering it (one label); 3. rules without host.
    const tiers: readonly (readonly RuleEntry[])[] = [this.exactHosts.get(probe.host) ?? [], this.wildcardRulesFor(probe.host), this.hostless];
    for (const entries of tiers) {
      const best = bestPath(entries, probe.path);
      if (best) {
        const hostTrace = best.rule.hostLocation ? [best.rule.hostLocation] : [];
        const dialect = pathDialect(best.ingress);
        const dialectTrace = dialect.kind === 'apisix' && dialect.regex ? best.ingress.intents.filter((i) => i.kind === 'regex-paths').flatMap((i) => i.sources.map((a) => a.location)) : [];
        const routed = this.applyIntents(best.ingress, probe, this.target(best.ingress, best.path.backend));
        return { outcome: routed.outcome, trace: [best.path.location, ...hostTrace, ...dialectTrace, ...routed.trace, ...tlsTrace] };
      }
    }
    const fallback = this.fallback;
    if (fallback?.defaultBackend) {
      return { outcome: { kind: 'backend', backend: this.target(fallback, fallback.defaultBackend) }, trace: [fallback.defaultBackend.location, ...tlsTrace] };
    }
    return { outcome: { kind: 'status', statusCode: 404, reason: 'no rule and no default backend' }, trace: tlsTrace };
  }

  /**
   * The paths of every rule that can serve `host`, as written. Wildcard rules count with Gateway
   * API's reading too (one or more labels), so that a host the output serves through a wildcard
   * is probed with that rule's paths, where the Ingress side answers 404.
   */
  *pathsFor(host: string): Generator<string> {
    for (const { rule } of this.rulesServing(host)) for (const path of rule.paths) yield path.path;
  }

  /**
   * Does a rule that can serve `host` route by more than where a path starts and ends: a regex
   * rewrite, or APISIX's own reading of ImplementationSpecific paths (regex search, `*` suffix)?
   * Its neighbours then say too little about other paths.
   */
  pathSensitive(host: string): boolean {
    for (const { ingress, rule, dialect } of this.rulesServing(host)) {
      if (ingress.intents.some((i) => i.kind === 'rewrite-regex')) return true;
      if (dialect.kind === 'apisix' && rule.paths.some((p) => p.pathType === 'ImplementationSpecific')) return true;
    }
    return false;
  }

  /** The rules that can serve `host`: its own, `*.` rules covering it in either reading, host-less rules. */
  private *rulesServing(host: string): Generator<RuleEntry> {
    yield* this.exactHosts.get(host) ?? [];
    for (const key of suffixWildcards(host)) yield* this.wildcardHosts.get(key) ?? [];
    yield* this.hostless;
  }

  /**
   * `*.example.com` covers exactly one label: only the host's first-dot suffix can match, and then
   * every rule listed under it does (the same list each time, so its path index is kept).
   */
  private wildcardRulesFor(host: string): readonly RuleEntry[] {
    const dot = host.indexOf('.');
    if (dot <= 0) return [];
    const key = `*${host.slice(dot)}`;
    return ingressHostMatches(key, host) ? (this.wildcardHosts.get(key) ?? []) : [];
  }

  /** Does an Ingress serve this host over TLS (a tls entry lists it, or covers it by default)? The first such entry. */
  tlsEntryFor(host: string): IngressTls | undefined {
    const dot = host.indexOf('.');
    const wildcard = dot > 0 ? this.tlsByHost.get(`*${host.slice(dot)}`) : undefined;
    const found = [host.startsWith('*.') ? undefined : this.tlsByHost.get(host), wildcard && ingressHostMatches(`*${host.slice(dot)}`, host) ? wildcard : undefined, this.tlsForEveryHost];
    let first: TlsEntry | undefined;
    for (const tls of found) if (tls && (!first || tls.order < first.order)) first = tls;
    return first?.entry;
  }

  /**
   * What the Ingress's annotations do to a request it routes, in APISIX's plugin order:
   * fault-injection (allowed/blocked methods), authentication, csrf, rewrites, redirects.
   */
  private applyIntents(ingress: Ingress, probe: Probe, backend: BackendTarget): { outcome: Outcome; trace: SourceLocation[] } {
    const traceOf = (intent: Intent) => intent.sources.map((a) => a.location);
    let path: string | undefined;
    const used: SourceLocation[] = [];
    // APISIX runs these plugins in its rewrite phase by priority: fault-injection, csrf, auth, proxy-rewrite, redirect.
    const order: Intent['kind'][] = ['methods', 'csrf', 'auth', 'rewrite-path', 'rewrite-regex', 'https-redirect', 'redirect'];
    const intents = ingress.intents.filter((i) => order.includes(i.kind)).sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
    for (const intent of intents) {
      switch (intent.kind) {
        case 'methods': {
          const blocked = intent.allow ? !intent.allow.includes(probe.method) : (intent.block ?? []).includes(probe.method);
          if (blocked) return { outcome: { kind: 'status', statusCode: 405, reason: 'method not allowed' }, trace: traceOf(intent) };
          break;
        }
        case 'auth':
          return { outcome: { kind: 'status', statusCode: 401, reason: `${intent.plugin} without credentials` }, trace: traceOf(intent) };
        case 'csrf':
          if (!['GET', 'HEAD', 'OPTIONS'].includes(probe.method)) return { outcome: { kind: 'status', statusCode: 401, reason: 'csrf without a token' }, trace: traceOf(intent) };
          break;
        case 'https-redirect':
          // APISIX: 301 for GET and HEAD, 308 for other methods.
          if (probe.scheme === 'http') return { outcome: { kind: 'redirect', statusCode: ['GET', 'HEAD'].includes(probe.method) ? 301 : 308, location: `https://${probe.host}${probe.path}` }, trace: traceOf(intent) };
          break;
        case 'redirect': {
          const location = intent.url.startsWith('/') ? `${probe.scheme}://${probe.host}${intent.url}` : intent.url;
          return { outcome: { kind: 'redirect', statusCode: intent.statusCode, location }, trace: traceOf(intent) };
        }
        case 'rewrite-path':
          path = intent.path.replace(/\$uri|\$request_uri/g, probe.path);
          used.push(...traceOf(intent));
          break;
        case 'rewrite-regex': {
          // An invalid pattern is reported by the parser.
          const re = probeRegex(intent.pattern);
          if (re?.test(probe.path)) {
            path = re.replaceFirst(probe.path, intent.template);
            used.push(...traceOf(intent));
          }
          break;
        }
        default:
          break;
      }
    }
    return { outcome: path === undefined ? { kind: 'backend', backend } : { kind: 'backend', backend, forwarded: { path } }, trace: used };
  }

  private target(ingress: Ingress, backend: Backend): BackendTarget {
    // svc-namespace moves every backend Service of the Ingress.
    const namespace = ingress.intents.find((i): i is Extract<Intent, { kind: 'service-namespace' }> => i.kind === 'service-namespace')?.namespace ?? ingress.namespace;
    if (backend.type === 'resource') return { type: 'resource', namespace: ingress.namespace, group: backend.apiGroup ?? '', kind: backend.kind, name: backend.name };
    if ('number' in backend.port) return { type: 'service', namespace, name: backend.name, port: backend.port.number };
    const portName = backend.port.name;
    const port = this.servicePorts.get(`${namespace}/${backend.name}`)?.ports.find((p) => p.name === portName);
    return { type: 'service', namespace, name: backend.name, port: port ? port.port : portName };
  }
}

/**
 * The paths of one tier by how they match (APISIX's own readings of ImplementationSpecific are
 * tested one by one). Built once per tier: scanning every path of a host for every request grew
 * with hosts × paths.
 */
const tierIndexes = new WeakMap<readonly RuleEntry[], PathIndex<Candidate>>();

function tierIndex(entries: readonly RuleEntry[]): PathIndex<Candidate> {
  let index = tierIndexes.get(entries);
  if (index) return index;
  index = new PathIndex();
  let order = 0;
  for (const { ingress, rule, dialect } of entries) {
    for (const path of rule.paths) {
      const exactLiteral = path.pathType === 'ImplementationSpecific' && dialect.kind === 'apisix' && !dialect.regex && !path.path.endsWith('*');
      const candidate = { ingress, order: order++, rule, path, rank: pathRank(path, dialect), exactLiteral, dialect: dialect.kind };
      // The same split as ingressPathMatches.
      const value = path.path === '' ? '/' : path.path;
      if (path.pathType === 'ImplementationSpecific' && dialect.kind === 'apisix') index.addScanned(candidate, (requestPath) => ingressPathMatches(path, requestPath, dialect));
      else if (path.pathType === 'Exact') index.addExact(value, candidate);
      else index.addPrefix(value, candidate);
    }
  }
  tierIndexes.set(entries, index);
  return index;
}

/** The winning path among the rules of one tier, listed oldest Ingress first. */
function bestPath(entries: readonly RuleEntry[], requestPath: string): Candidate | undefined {
  if (entries.length === 0) return undefined;
  const matching = tierIndex(entries).lookup(requestPath);
  // In listing order, as a scan of every path would meet them: ranks compare only within one
  // dialect, so which candidate wins can depend on that order.
  matching.sort((a, b) => a.order - b.order);
  let best: Candidate | undefined;
  for (const candidate of matching) if (!best || beats(candidate, best)) best = candidate;
  return best;
}

/** Longest path first, then Exact over Prefix, then the oldest Ingress (the earlier candidate). */
function beats(a: Candidate, b: Candidate): boolean {
  // Ranks compare only within one reading of paths (Ingresses of one class share it).
  if (a.dialect === b.dialect && a.rank !== b.rank) return a.rank < b.rank;
  const la = (a.path.path || '/').length;
  const lb = (b.path.path || '/').length;
  if (la !== lb) return la > lb;
  const ea = a.path.pathType === 'Exact' || a.exactLiteral;
  const eb = b.path.pathType === 'Exact' || b.exactLiteral;
  if (ea !== eb) return ea;
  return a.order < b.order;
}
