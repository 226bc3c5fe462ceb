// The routing rules of one Gateway: every Ingress path becomes one candidate rule; duplicates and
// rules Ingress could never choose are removed (and reported) before routes are built.
import type { Ingress, IngressPath } from '../../ir/model.js';
import type { DiagnosticSink } from '../../reporter/sink.js';
import { toBackendRef } from './backends.js';
import type { ServiceIndex } from '../shared/services.js';
import { describeHost } from './listeners.js';
import { convertPath, MAX_PATH_LENGTH } from './paths.js';
import type { ConversionTrace } from './trace.js';
import type { HTTPBackendRef, HTTPRouteMatch, HTTPRouteRule } from './types.js';
import type { IngressPlan } from './intents.js';
import { pathDialect } from '../../ir/dialect.js';
import { compareAge } from '../shared/age.js';

/** Which listeners a rule serves: all, or (http-to-https) only HTTP or only HTTPS. */
export type Attachment = 'any' | 'http' | 'https';

export interface RuleCandidate {
  ingress: Ingress;
  host: string | undefined;
  path: IngressPath;
  match: HTTPRouteMatch;
  /** One rule, or (http-to-https) a redirect on HTTP and the proxying rule on HTTPS. */
  rules: { attachment: Attachment; rule: HTTPRouteRule }[];
}

/** The rules of one (namespace, host, attachment): one HTTPRoute, or several when too many. */
export interface HostRoutes {
  namespace: string;
  host: string | undefined;
  attachment: Attachment;
  /** The oldest Ingress that contributed; the route is named after it. */
  owner: Ingress;
  /** Every Ingress that contributed a rule, oldest first. */
  ingresses: Ingress[];
  rules: HTTPRouteRule[];
}

/** Characters that make an ImplementationSpecific path look like a regex or glob rather than a literal. */
const patternCharacters = /[*()$^|+?[\]{}\\]/;

const matchTypeOrder = { Exact: 0, PathPrefix: 1, RegularExpression: 2 } as const;

/** The Ingresses of one Gateway, oldest first. */
export function collectRoutes(ingresses: readonly Ingress[], services: ServiceIndex, sink: DiagnosticSink, trace: ConversionTrace, plans: ReadonlyMap<Ingress, IngressPlan>): HostRoutes[] {
  const claimed = new Map<string, RuleCandidate>();
  for (const ingress of ingresses) {
    const plan = plans.get(ingress)!;
    const dialect = pathDialect(ingress);
    for (const rule of ingress.rules) {
      if (rule.host?.startsWith('*.') && rule.paths.length > 0) {
        sink.add('wildcard-host', `${rule.host} matches exactly one label under Ingress (a.${rule.host.slice(2)}) but one or more in Gateway API (also a.b.${rule.host.slice(2)})`, {
          location: rule.hostLocation ?? rule.location,
          object: ingress.ref,
        });
      }
      for (const path of rule.paths) {
        const converted = convertPath(path, dialect);
        if ('tooLong' in converted) {
          sink.add('path-too-long', `path of ${path.path.length} characters is longer than Gateway API allows (${MAX_PATH_LENGTH}); the path is not converted`, {
            location: path.location,
            object: ingress.ref,
          });
          continue;
        }
        if ('invalidRegex' in converted) {
          sink.add('path-regex-invalid', `path ${JSON.stringify(path.path)} is not a regular expression (${converted.invalidRegex}); APISIX never matches it, so the path is not converted`, { location: path.location, object: ingress.ref });
          continue;
        }
        const { match, asRegex } = converted;
        if (dialect.kind === 'apisix' && path.pathType === 'ImplementationSpecific') reportApisixPath(ingress, path, match, dialect.regex, sink);
        else reportPathConversion(ingress, path, match, asRegex, sink);
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
        const backendRef = toBackendRef(path.backend, ingress, () => `${describeHost(rule.host)} path ${JSON.stringify(path.path)}`, services, sink, plan.serviceNamespace);
        // Claim even when the backend is unresolvable: the oldest Ingress owns the path either way.
        const rules = backendRef ? rulesFor(match, backendRef, plan) : [];
        if (trace.enabled) {
          const intentSources = ingress.intents.flatMap((i) => i.sources.map((a) => a.location));
          for (const r of rules) trace.note(r.rule, path.location, rule.hostLocation, ...intentSources);
        }
        claimed.set(key, { ingress, host: rule.host, path, match, rules });
      }
    }
  }
  const candidates = [...claimed.values()].filter((c) => c.rules.length > 0);
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
  const groups = new Map<string, { owner: Ingress; host: string | undefined; attachment: Attachment; rules: { candidate: RuleCandidate; rule: HTTPRouteRule }[] }>();
  for (const c of candidates) {
    for (const { attachment, rule } of c.rules) {
      const key = `${c.ingress.namespace}\u0000${c.host ?? ''}\u0000${attachment}`;
      const group = groups.get(key);
      if (group) group.rules.push({ candidate: c, rule }); // candidates arrive oldest Ingress first
      else groups.set(key, { owner: c.ingress, host: c.host, attachment, rules: [{ candidate: c, rule }] });
    }
  }
  return [...groups.values()].map(({ owner, host, attachment, rules }) => ({
    namespace: owner.namespace,
    host,
    attachment,
    owner,
    ingresses: [...new Set(rules.map((r) => r.candidate.ingress))].sort(compareAge),
    rules: rules.sort((a, b) => compareCandidates(a.candidate, b.candidate)).map((r) => r.rule),
  }));
}

/** The rule(s) of one path under its Ingress's plan: redirect, or proxy with filters, or both (http-to-https). */
function rulesFor(match: HTTPRouteMatch, backendRef: HTTPBackendRef, plan: IngressPlan): { attachment: Attachment; rule: HTTPRouteRule }[] {
  // APISIX runs plugins such as fault-injection and auth before it redirects: keep them on redirect rules.
  const extensions = plan.filters.filter((f) => f.type === 'ExtensionRef');
  if (plan.redirect) return [{ attachment: 'any', rule: { matches: [match], filters: [plan.redirect, ...extensions], backendRefs: [] } }];
  // Literals rather than conditional spreads: one hidden class per shape, keys in output order.
  const proxy: HTTPRouteRule = plan.filters.length > 0 ? { matches: [match], filters: plan.filters, backendRefs: [backendRef] } : { matches: [match], backendRefs: [backendRef] };
  if (plan.timeouts) proxy.timeouts = plan.timeouts;
  if (!plan.httpsRedirect) return [{ attachment: 'any', rule: proxy }];
  // APISIX's http_to_https answers GET and HEAD with 301 and every other method with 308 (which keeps the method).
  const redirect = (statusCode: 301 | 308, matches: HTTPRouteMatch[]): HTTPRouteRule => ({ matches, filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode } }, ...extensions], backendRefs: [] });
  return [
    { attachment: 'http', rule: redirect(301, [{ ...match, method: 'GET' }, { ...match, method: 'HEAD' }]) },
    { attachment: 'http', rule: redirect(308, [match]) },
    { attachment: 'https', rule: proxy },
  ];
}

/** APISIX's reading of ImplementationSpecific paths, said once per path. */
function reportApisixPath(ingress: Ingress, path: IngressPath, match: HTTPRouteMatch, regex: boolean, sink: DiagnosticSink): void {
  if (path.pathType !== 'ImplementationSpecific') return;
  const how = regex
    ? `a regular expression (use-regex): RegularExpression ${JSON.stringify(match.path.value)}, whose precedence against other paths is implementation-specific`
    : match.path.type === 'Exact'
      ? `a literal path without "*", which APISIX matches exactly: Exact ${JSON.stringify(match.path.value)}`
      : `a path ending in "*", which APISIX matches as a prefix: ${match.path.type} ${JSON.stringify(match.path.value)}`;
  // A string prefix ("/api*") only fits a regular expression, whose precedence is implementation-specific.
  const code = regex ? 'implementation-specific-path' : match.path.type === 'RegularExpression' ? 'path-as-regex' : match.path.type === 'PathPrefix' && match.path.value !== '/' ? 'path-prefix-widened' : 'implementation-specific-path';
  const caveat = code === 'path-as-regex' ? '; RegularExpression support and precedence are implementation-specific' : code === 'path-prefix-widened' ? `; unlike APISIX, it also matches ${JSON.stringify(match.path.value)} itself` : '';
  sink.add(code, `path ${JSON.stringify(path.path)} (ImplementationSpecific, APISIX) is ${how}${caveat}`, { location: path.location, object: ingress.ref });
}

/** Exact first, then longer paths; the order is cosmetic (matches are unique) but stable. */
function compareCandidates(a: RuleCandidate, b: RuleCandidate): number {
  const pa = a.match.path;
  const pb = b.match.path;
  return matchTypeOrder[pa.type] - matchTypeOrder[pb.type] || pb.value.length - pa.value.length || (pa.value < pb.value ? -1 : pa.value > pb.value ? 1 : 0);
}
