// The APISIX plugins both routers can evaluate on a probe, from their documented semantics:
// fault-injection (abort with vars on request_method), key-auth / basic-auth (no credentials in a
// probe: 401), csrf (unsafe methods without a token: 401), proxy-rewrite regex_uri. Others
// (ip-restriction, forward-auth, response-rewrite) depend on what a probe does not carry.
import type { Outcome, Probe } from './model.js';
import { probeRegex, regexMatches } from './regex.js';

export interface PluginEffect {
  /** The request is answered here. */
  answer?: Outcome;
  /** The path the backend receives. */
  path?: string;
}

type Plugins = readonly { name: string; config?: Record<string, unknown> }[];

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Applies the plugins in APISIX's priority order (fault-injection, auth, csrf, redirect, proxy-rewrite). */
export function applyPlugins(plugins: Plugins, probe: Probe): PluginEffect {
  const byName = new Map(plugins.map((p) => [p.name, p.config ?? {}]));
  const abort = (byName.get('fault-injection')?.['abort'] ?? undefined) as { http_status?: number; vars?: unknown } | undefined;
  if (abort && varsMatch(abort.vars, probe)) return { answer: { kind: 'status', statusCode: abort.http_status ?? 500, reason: 'fault-injection' } };
  for (const auth of ['key-auth', 'basic-auth']) if (byName.has(auth)) return { answer: { kind: 'status', statusCode: 401, reason: `${auth} without credentials` } };
  if (byName.has('csrf') && !safeMethods.has(probe.method)) return { answer: { kind: 'status', statusCode: 401, reason: 'csrf without a token' } };
  const redirect = byName.get('redirect') as { http_to_https?: boolean; uri?: string; ret_code?: number } | undefined;
  if (redirect?.http_to_https && probe.scheme === 'http') return { answer: { kind: 'redirect', statusCode: ['GET', 'HEAD'].includes(probe.method) ? 301 : 308, location: `https://${probe.host}${probe.path}` } };
  if (redirect?.uri) return { answer: { kind: 'redirect', statusCode: redirect.ret_code ?? 302, location: redirect.uri.startsWith('/') ? `${probe.scheme}://${probe.host}${redirect.uri}` : redirect.uri } };
  const uri = byName.get('proxy-rewrite')?.['uri'];
  if (typeof uri === 'string') return { path: uri.replace(/\$uri|\$request_uri/g, probe.path) };
  const regex = byName.get('proxy-rewrite')?.['regex_uri'] as [string, string] | undefined;
  // An invalid regex is reported by the parser; APISIX would reject the plugin.
  const re = regex ? probeRegex(regex[0]) : undefined;
  if (regex && re?.test(probe.path)) return { path: re.replaceFirst(probe.path, regex[1]) };
  return {};
}

/**
 * Do these plugins treat a request by more than where its path starts and ends: a regex rewrite,
 * or a fault-injection condition on the uri? (Probes then need paths from elsewhere.)
 */
export function pluginsPathSensitive(plugins: Plugins): boolean {
  return plugins.some(
    (p) => (p.name === 'proxy-rewrite' && p.config?.['regex_uri'] !== undefined) || (p.name === 'fault-injection' && JSON.stringify(p.config?.['abort'] ?? {}).includes('"uri"')),
  );
}

/** APISIX vars: [[ [var, ("!")?, op, value] … ]] — any inner list all of whose expressions hold. */
function varsMatch(vars: unknown, probe: Probe): boolean {
  if (!Array.isArray(vars)) return true;
  return vars.some((group) => Array.isArray(group) && group.every((expr) => Array.isArray(expr) && evaluate(expr, probe)));
}

function evaluate(expr: unknown[], probe: Probe): boolean {
  const [name, ...rest] = expr;
  const negate = rest[0] === '!';
  const [op, value] = negate ? rest.slice(1) : rest;
  const actual = name === 'request_method' ? probe.method : name === 'uri' ? probe.path : undefined;
  if (actual === undefined) return false;
  let result: boolean;
  if (op === 'in' && Array.isArray(value)) result = value.includes(actual);
  else if (op === '==') result = actual === value;
  else if (op === '~~' && typeof value === 'string') result = regexMatches(value, actual);
  else result = false;
  return negate ? !result : result;
}
