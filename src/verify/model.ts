// What a probe is and what can happen to it. Both reference routers answer in these terms, so
// their answers can be compared; later providers add outcome kinds (rewrites, header changes…).
import type { SourceLocation } from '../reporter/diagnostics.js';

export type Scheme = 'http' | 'https';

/**
 * The `*.` patterns that cover a host when a wildcard covers one or more labels (Gateway API
 * hostnames, APISIX hosts and SNIs): `*.b.c` and `*.c` for `a.b.c`, never the apex.
 */
export function suffixWildcards(host: string): string[] {
  const keys: string[] = [];
  for (let i = 1; i < host.length; i++) if (host[i] === '.') keys.push(`*${host.slice(i)}`);
  return keys;
}

export interface Probe {
  scheme: Scheme;
  /** Lower-case host name, no port. */
  host: string;
  /** Path as sent, starting with "/". */
  path: string;
  method: string;
}

/** Where a request ends up. */
export type Outcome =
  | { kind: 'backend'; backend: BackendTarget; forwarded?: ForwardedRequest }
  | { kind: 'redirect'; statusCode: number; location: string }
  | { kind: 'status'; statusCode: number; reason: string }
  | { kind: 'no-listener'; reason: string };

/** How the request reaches the backend when filters changed it (absent: unchanged). */
export interface ForwardedRequest {
  path?: string;
  host?: string;
  /** Header changes, lower-case names: a value, or null for removed. */
  headers?: Record<string, string | null>;
}

export type BackendTarget =
  | { type: 'service'; namespace: string; name: string; port: number | string }
  | { type: 'resource'; namespace: string; group: string; kind: string; name: string };

/** An outcome with the input elements that decided it (for telling reported changes from bugs). */
export interface TracedOutcome {
  outcome: Outcome;
  trace: SourceLocation[];
}

export function sameOutcome(a: Outcome, b: Outcome): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'backend': {
      const x = a.backend;
      const y = (b as typeof a).backend;
      if (JSON.stringify(a.forwarded ?? {}) !== JSON.stringify((b as typeof a).forwarded ?? {})) return false;
      if (x.type === 'service' && y.type === 'service') return x.namespace === y.namespace && x.name === y.name && String(x.port) === String(y.port);
      if (x.type === 'resource' && y.type === 'resource') return x.namespace === y.namespace && x.group === y.group && x.kind === y.kind && x.name === y.name;
      return false;
    }
    case 'redirect':
      return a.statusCode === (b as typeof a).statusCode && a.location === (b as typeof a).location;
    case 'status':
      return a.statusCode === (b as typeof a).statusCode;
    case 'no-listener':
      return true;
  }
}

export function formatOutcome(o: Outcome): string {
  switch (o.kind) {
    case 'backend': {
      const target =
        o.backend.type === 'service'
          ? `backend ${o.backend.namespace}/${o.backend.name}:${o.backend.port}`
          : `backend ${o.backend.group || 'core'}/${o.backend.kind} ${o.backend.namespace}/${o.backend.name}`;
      return o.forwarded ? `${target} as ${JSON.stringify(o.forwarded)}` : target;
    }
    case 'redirect':
      return `redirect ${o.statusCode} ${o.location}`;
    case 'status':
      return `${o.statusCode} (${o.reason})`;
    case 'no-listener':
      return `no listener (${o.reason})`;
  }
}

export function formatProbe(p: Probe): string {
  return `${p.method} ${p.scheme}://${p.host}${p.path}`;
}
