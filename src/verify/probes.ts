// Requests worth sending: every host the Ingresses name (wildcards: one label, two labels and the
// bare apex; plus a host nobody names) × every path they name and its neighbours (trailing slash
// toggled, a child, a sibling sharing the string prefix, the parent), over HTTP, and over HTTPS
// where the Ingresses terminate TLS for that host.
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

export function pathsToProbe(ingresses: readonly Ingress[]): string[] {
  const paths = new Set<string>(['/']);
  for (const ingress of ingresses) {
    for (const rule of ingress.rules) {
      for (const p of rule.paths) for (const variant of pathVariants(p.path === '' ? '/' : p.path)) paths.add(variant);
    }
  }
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

export function generateProbes(ingresses: readonly Ingress[], servesTls: (host: string) => boolean): Probe[] {
  const probes: Probe[] = [];
  const paths = pathsToProbe(ingresses);
  const methods = methodsToProbe(ingresses);
  for (const host of hostsToProbe(ingresses)) {
    const schemes = servesTls(host) ? (['http', 'https'] as const) : (['http'] as const);
    for (const scheme of schemes) for (const path of paths) for (const method of methods) probes.push({ scheme, host, path, method });
  }
  return probes;
}
