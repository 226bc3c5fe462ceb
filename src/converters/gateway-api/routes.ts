// The routing rules of one Gateway: every Ingress path becomes one candidate rule; duplicates and
// rules Ingress could never choose are removed (and reported) before routes are built.
import type { Ingress, IngressPath } from '../../ir/model.js';
import type { DiagnosticSink } from '../../reporter/sink.js';
import { toBackendRef, type ServiceIndex } from './backends.js';
import { describeHost } from './listeners.js';
import { convertPath, MAX_PATH_LENGTH } from './paths.js';
import type { ConversionTrace } from './trace.js';
import type { HTTPRouteMatch, HTTPRouteRule } from './types.js';

export interface RuleCandidate {
  ingress: Ingress;
  host: string | undefined;
  path: IngressPath;
  match: HTTPRouteMatch;
  rule: HTTPRouteRule;
}

/** The rules of one (namespace, host): they become one HTTPRoute, or several when too many. */
export interface HostRoutes {
  namespace: string;
  host: string | undefined;
  /** The oldest Ingress that contributed; the route is named after it. */
  owner: Ingress;
  rules: HTTPRouteRule[];
}

/** Characters that make an ImplementationSpecific path look like a regex or glob rather than a literal. */
const patternCharacters = /[*()$^|+?[\]{}\\]/;

const matchTypeOrder = { Exact: 0, PathPrefix: 1, RegularExpression: 2 } as const;

/** The Ingresses of one Gateway, oldest first. */
export function collectRoutes(ingresses: readonly Ingress[], services: ServiceIndex, sink: DiagnosticSink, trace: ConversionTrace): HostRoutes[] {
  const claimed = new Map<string, RuleCandidate>();
  for (const ingress of ingresses) {
    for (const rule of ingress.rules) {
      if (rule.host?.startsWith('*.') && rule.paths.length > 0) {
        sink.add('wildcard-host', `${rule.host} matches exactly one label under Ingress (a.${rule.host.slice(2)}) but one or more in Gateway API (also a.b.${rule.host.slice(2)})`, {
          location: rule.hostLocation ?? rule.location,
          object: ingress.ref,
        });
      }
      for (const path of rule.paths) {
        const converted = convertPath(path);
        if ('tooLong' in converted) {
          sink.add('path-too-long', `path of ${path.path.length} characters is longer than Gateway API allows (${MAX_PATH_LENGTH}); the path is not converted`, {
            location: path.location,
            object: ingress.ref,
          });
          continue;
        }
        const { match, asRegex } = converted;
        reportPathConversion(ingress, path, match, asRegex, sink);
        // One key per Gateway and host: Ingresses of several namespaces on a shared Gateway compete too.
        const key = `${rule.host ?? ''}\u0000${match.path.type}\u0000${match.path.value}`;
        const winner = claimed.get(key);
        if (winner && asRegex && winner.path.path.length !== path.path.length) {
          // "/a[1]" and "/a[1]/" give one regex; under Ingress the longer path always wins.
          const [longer, shorter] = path.path.length > winner.path.path.length ? [path, winner.path] : [winner.path, path];
          const loser = shorter === path ? ingress : winner.ingress;
          sink.add('duplicate-path', `${describeHost(rule.host)} path ${JSON.stringify(shorter.path)} is never chosen by Ingress: the longer ${JSON.stringify(longer.path)} matches the same requests; it is not converted`, {
            location: shorter.location,
            object: loser.ref,
          });
          if (shorter === path) continue;
        } else if (winner) {
          sink.add('duplicate-path', `${describeHost(rule.host)} path ${JSON.stringify(path.path)} (${path.pathType}) is already routed by older Ingress ${winner.ingress.namespace}/${winner.ingress.name}; this path is not converted`, {
            location: path.location,
            object: ingress.ref,
          });
          continue;
        }
        const what = `${describeHost(rule.host)} path ${JSON.stringify(path.path)}`;
        const backendRef = toBackendRef(path.backend, ingress, what, services, sink);
        // Claim even when the backend is unresolvable: the oldest Ingress owns the path either way.
        const routeRule: HTTPRouteRule = backendRef ? { matches: [match], backendRefs: [backendRef] } : { matches: [], backendRefs: [] };
        trace.note(routeRule, path.location, rule.hostLocation);
        claimed.set(key, { ingress, host: rule.host, path, match, rule: routeRule });
      }
    }
  }
  const candidates = [...claimed.values()].filter((c) => c.rule.matches.length > 0);
  return groupByHost(dropShadowedExact(candidates, sink));
}

function reportPathConversion(ingress: Ingress, path: IngressPath, match: HTTPRouteMatch, asRegex: boolean, sink: DiagnosticSink): void {
  if (asRegex) {
    sink.add('path-as-regex', `path ${JSON.stringify(path.path)} has characters Gateway API does not allow in ${path.pathType === 'Exact' ? 'Exact' : 'PathPrefix'} matches; converted to RegularExpression ${JSON.stringify(match.path.value)}, whose support and precedence are implementation-specific`, {
      location: path.location,
      object: ingress.ref,
    });
  } else if (path.pathType === 'ImplementationSpecific' && patternCharacters.test(path.path)) {
    sink.add('implementation-specific-pattern', `path ${JSON.stringify(path.path)} (ImplementationSpecific) looks like a regular expression or glob; it is converted literally as PathPrefix ${JSON.stringify(match.path.value)}`, {
      location: path.location,
      object: ingress.ref,
      hint: 'if the controller read it as a pattern (e.g. nginx use-regex, GCE "/*"), rewrite the path as Prefix or Exact',
    });
  } else if (path.pathType === 'ImplementationSpecific') {
    sink.add('implementation-specific-path', `path ${JSON.stringify(path.path)} with pathType ImplementationSpecific is converted as PathPrefix ${JSON.stringify(match.path.value)}`, {
      location: path.location,
      object: ingress.ref,
    });
  }
}

/**
 * Ingress picks the longest matching path, and Prefix "/foo/" matches the request "/foo"; so an
 * Exact "/foo" beside a Prefix "/foo/" on the same host is never chosen. Gateway API would choose
 * it (Exact first), so keeping it would change where "/foo" goes.
 */
function dropShadowedExact(candidates: RuleCandidate[], sink: DiagnosticSink): RuleCandidate[] {
  const prefixes = new Map<string, RuleCandidate>();
  for (const c of candidates) {
    if (c.match.path.type === 'PathPrefix') prefixes.set(`${c.host ?? ''}\u0000${c.match.path.value}`, c);
  }
  return candidates.filter((c) => {
    if (c.match.path.type !== 'Exact') return true;
    const shadow = prefixes.get(`${c.host ?? ''}\u0000${c.match.path.value}/`);
    if (!shadow) return true;
    sink.add('exact-path-shadowed', `Exact ${JSON.stringify(c.path.path)} on ${describeHost(c.host)} is never chosen by Ingress: Prefix ${JSON.stringify(shadow.path.path)} of Ingress ${shadow.ingress.namespace}/${shadow.ingress.name} is longer and also matches it; left out so that ${JSON.stringify(c.path.path)} keeps reaching the backend of ${JSON.stringify(shadow.path.path)}`, {
      location: c.path.location,
      object: c.ingress.ref,
    });
    return false;
  });
}

function groupByHost(candidates: RuleCandidate[]): HostRoutes[] {
  const groups = new Map<string, { owner: Ingress; candidates: RuleCandidate[] }>();
  for (const c of candidates) {
    const key = `${c.ingress.namespace}\u0000${c.host ?? ''}`;
    const group = groups.get(key);
    if (group) group.candidates.push(c); // candidates arrive oldest Ingress first
    else groups.set(key, { owner: c.ingress, candidates: [c] });
  }
  return [...groups.values()].map(({ owner, candidates: list }) => ({
    namespace: owner.namespace,
    host: list[0]!.host,
    owner,
    rules: list.sort(compareCandidates).map((c) => c.rule),
  }));
}

/** Exact first, then longer paths; the order is cosmetic (matches are unique) but stable. */
function compareCandidates(a: RuleCandidate, b: RuleCandidate): number {
  const pa = a.match.path;
  const pb = b.match.path;
  return matchTypeOrder[pa.type] - matchTypeOrder[pb.type] || pb.value.length - pa.value.length || (pa.value < pb.value ? -1 : pa.value > pb.value ? 1 : 0);
}
