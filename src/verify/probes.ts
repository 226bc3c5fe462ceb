// Requests worth sending: every host the Ingresses name (wildcards: one label, two labels and the
// bare apex; plus a host nobody names) × every path that a rule for that host names, in the input
// or in the output, and its neighbours (trailing slash toggled, a child, a sibling sharing the
// string prefix, the parent), over HTTP, and over HTTPS where the Ingresses terminate TLS for
// that host.
//
// Why per host, not every path on every host: a request's outcome depends only on the rules that
// serve its host. Where those rules only say where a path starts and ends (exact and prefix
// matches, fixed rewrites), a path that no rule of either side names for that host is routed as
// one of the neighbours of a named path is, so it adds nothing; and a rule the output put on the
// wrong host is probed there, because the output names it for that host. Where a rule serving the
// host matches or rewrites by regex, or runs conditional plugins, any path may behave differently:
// such a host gets every path of its scope as well (see verify/index.ts). Crossing every host with
// every path of a scope grew with the square of its size: minutes for a few thousand Ingresses.
import type { Ingress } from '../ir/model.js';
import type { Probe } from './model.js';

export const UNKNOWN_HOST = 'unknown-host.invalid';

export function hostsToProbe(ingresses: readonly Ingress[]): string[] {
  const hosts = new Set<string>();
  const add = (host: string | undefined) => {
    if (host === undefined) return;
    if (host.startsWith('*.')) {
      const apex = host.slice(2);
      hosts.add(`one.${apex}`).add(`two.one.${apex}`).add(apex);
    } else {
      hosts.add(host);
    }
  };
  for (const ingress of ingresses) {
    for (const rule of ingress.rules) add(rule.host);
    for (const entry of ingress.tls) for (const host of entry.hosts) add(host);
  }
  hosts.add(UNKNOWN_HOST);
  return [...hosts].sort();
}

/** '/' and the neighbours of every named path, sorted. */
export function pathsToProbe(named: Iterable<string>): string[] {
  const paths = new Set<string>(['/']);
  for (const path of named) for (const variant of pathVariants(path === '' ? '/' : path)) paths.add(variant);
  return [...paths].sort();
}

export function pathVariants(path: string): string[] {
  const trimmed = path.replace(/\/+$/, '');
  const variants = [path, `${trimmed}/child`];
  if (trimmed !== '') {
    variants.push(path.endsWith('/') ? trimmed : `${path}/`, `${trimmed}bar`);
    const parent = trimmed.slice(0, trimmed.lastIndexOf('/'));
    variants.push(parent === '' ? '/' : parent);
  }
  return variants;
}

/** GET always; other methods where an Ingress treats methods differently (allowed/blocked methods, csrf). */
export function methodsToProbe(ingresses: readonly Ingress[]): string[] {
  const methods = new Set(['GET']);
  for (const ingress of ingresses) {
    for (const intent of ingress.intents) {
      if (intent.kind === 'csrf' || intent.kind === 'https-redirect') methods.add('POST');
      if (intent.kind === 'methods') for (const m of [...(intent.allow ?? []), ...(intent.block ?? []), 'POST', 'DELETE']) methods.add(m);
    }
  }
  return [...methods].sort();
}

/** What the two routers of a check know about a host. */
export interface ProbeSpace {
  /** The paths that the rules serving `host` name, on both sides (repeats are fine). */
  pathsFor(host: string): Iterable<string>;
  /** Does the input terminate TLS for `host`? */
  servesTls(host: string): boolean;
}

/** The requests of one check, host by host (a generator: a large scope's probes are never all held). */
export function* generateProbes(ingresses: readonly Ingress[], space: ProbeSpace): Generator<Probe> {
  const methods = methodsToProbe(ingresses);
  for (const host of hostsToProbe(ingresses)) {
    const schemes = space.servesTls(host) ? (['http', 'https'] as const) : (['http'] as const);
    const paths = pathsToProbe(space.pathsFor(host));
    for (const scheme of schemes) for (const path of paths) for (const method of methods) yield { scheme, host, path, method };
  }
}
