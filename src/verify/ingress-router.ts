// Reference router for Ingress semantics (networking.k8s.io/v1 API text and the Kubernetes docs),
// written independently of the converter: where would one Ingress controller send a request?
//   1. rules whose host equals the request host; 2. rules whose `*.` host matches it with exactly
//   one label; 3. rules without host. In the first tier with a matching path: the longest path
//   wins, Exact beats Prefix on equal length, then the oldest Ingress. 4. the defaultBackend.
//   5. 404.
// ImplementationSpecific is read as Prefix (the plain interpretation; providers refine it).
import type { Backend, Ingress, IngressPath, IngressRule, IngressTls, Service } from '../ir/model.js';
import type { BackendTarget, Probe, TracedOutcome } from './model.js';

export function ingressHostMatches(ruleHost: string, host: string): boolean {
  if (!ruleHost.startsWith('*.')) return ruleHost === host;
  const suffix = ruleHost.slice(1); // ".example.com"
  const label = host.slice(0, host.length - suffix.length);
  return host.endsWith(suffix) && label.length > 0 && !label.includes('.');
}

/** Element-wise prefix: "/foo" and "/foo/" match "/foo", "/foo/" and "/foo/bar", never "/foobar". */
export function ingressPathMatches(path: IngressPath, requestPath: string): boolean {
  const value = path.path === '' ? '/' : path.path;
  if (path.pathType === 'Exact') return value === requestPath;
  const prefix = value.replace(/\/+$/, '');
  return prefix === '' || requestPath === prefix || requestPath.startsWith(`${prefix}/`);
}

interface Candidate {
  ingress: Ingress;
  order: number;
  rule: IngressRule;
  path: IngressPath;
}

export class IngressRouter {
  private readonly servicePorts = new Map<string, Service>();

  /** `ingresses`: the Ingresses one controller serves together, oldest first. */
  constructor(
    private readonly ingresses: readonly Ingress[],
    services: readonly Service[],
  ) {
    for (const s of services) this.servicePorts.set(`${s.namespace}/${s.name}`, s);
  }

  route(probe: Probe): TracedOutcome {
    const tls = probe.scheme === 'https' ? this.tlsEntryFor(probe.host) : undefined;
    const tlsTrace = tls ? [tls.location] : [];
    const tiers: ((rule: IngressRule) => boolean)[] = [
      (r) => r.host !== undefined && !r.host.startsWith('*.') && r.host === probe.host,
      (r) => r.host !== undefined && r.host.startsWith('*.') && ingressHostMatches(r.host, probe.host),
      (r) => r.host === undefined,
    ];
    for (const inTier of tiers) {
      const best = this.bestPath(inTier, probe.path);
      if (best) {
        const hostTrace = best.rule.hostLocation ? [best.rule.hostLocation] : [];
        return { outcome: { kind: 'backend', backend: this.target(best.ingress, best.path.backend) }, trace: [best.path.location, ...hostTrace, ...tlsTrace] };
      }
    }
    const fallback = this.ingresses.find((i) => i.defaultBackend);
    if (fallback?.defaultBackend) {
      return { outcome: { kind: 'backend', backend: this.target(fallback, fallback.defaultBackend) }, trace: [fallback.defaultBackend.location, ...tlsTrace] };
    }
    return { outcome: { kind: 'status', statusCode: 404, reason: 'no rule and no default backend' }, trace: tlsTrace };
  }

  /** Does an Ingress serve this host over TLS (a tls entry lists it, or covers it by default)? */
  tlsEntryFor(host: string): IngressTls | undefined {
    for (const ingress of this.ingresses) {
      for (const entry of ingress.tls) {
        const hosts = entry.hosts.length > 0 ? entry.hosts : ingress.rules.map((r) => r.host);
        // A host-less entry of host-less rules is the controller's wildcard: every host.
        if (hosts.some((h) => h === undefined || ingressHostMatches(h, host))) return entry;
      }
    }
    return undefined;
  }

  private bestPath(inTier: (rule: IngressRule) => boolean, requestPath: string): Candidate | undefined {
    let best: Candidate | undefined;
    let order = 0;
    for (const ingress of this.ingresses) {
      for (const rule of ingress.rules) {
        if (!inTier(rule)) continue;
        for (const path of rule.paths) {
          const candidate = { ingress, order: order++, rule, path };
          if (ingressPathMatches(path, requestPath) && (!best || beats(candidate, best))) best = candidate;
        }
      }
    }
    return best;
  }

  private target(ingress: Ingress, backend: Backend): BackendTarget {
    if (backend.type === 'resource') return { type: 'resource', namespace: ingress.namespace, group: backend.apiGroup ?? '', kind: backend.kind, name: backend.name };
    if ('number' in backend.port) return { type: 'service', namespace: ingress.namespace, name: backend.name, port: backend.port.number };
    const portName = backend.port.name;
    const port = this.servicePorts.get(`${ingress.namespace}/${backend.name}`)?.ports.find((p) => p.name === portName);
    return { type: 'service', namespace: ingress.namespace, name: backend.name, port: port ? port.port : portName };
  }
}

/** Longest path first, then Exact over Prefix, then the oldest Ingress (the earlier candidate). */
function beats(a: Candidate, b: Candidate): boolean {
  const la = (a.path.path || '/').length;
  const lb = (b.path.path || '/').length;
  if (la !== lb) return la > lb;
  const ea = a.path.pathType === 'Exact';
  const eb = b.path.pathType === 'Exact';
  if (ea !== eb) return ea;
  return a.order < b.order;
}
