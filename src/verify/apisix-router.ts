// Reference router for APISIX (radixtree_host_uri), written from APISIX's documentation, for ADC
// output: routes of services whose hosts equal the request host, then of wildcard hosts, then of
// services without hosts; in a tier, an exact uri before the longest "prefix*" uri, then the
// higher priority; vars must hold. Plugins: fault-injection, auth, csrf, proxy-rewrite, redirect.
import type { AdcConfiguration, AdcRoute, AdcService } from '../converters/adc/types.js';
import type { SourceLocation } from '../reporter/diagnostics.js';
import type { BackendTarget, Outcome, Probe, TracedOutcome } from './model.js';
import { applyPlugins } from './plugins.js';

/** APISIX wildcard hosts and SNIs: `*.example.com` covers one or more labels. */
function apisixHostMatches(pattern: string, host: string): boolean {
  if (!pattern.startsWith('*.')) return pattern === host;
  return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
}

function uriMatch(uri: string, path: string): { exact: boolean; length: number } | undefined {
  if (uri.endsWith('*')) return path.startsWith(uri.slice(0, -1)) ? { exact: false, length: uri.length - 1 } : undefined;
  return uri === path ? { exact: true, length: uri.length } : undefined;
}

function varsHold(vars: AdcRoute['vars'], probe: Probe): boolean {
  return (vars ?? []).every(([name, op, value]) => {
    const actual = name === 'uri' ? probe.path : name === 'host' ? probe.host : name === 'request_method' ? probe.method : undefined;
    if (actual === undefined || typeof value !== 'string') return false;
    if (op === '~~') return new RegExp(value).test(actual);
    if (op === '==') return actual === value;
    if (op === '~=') return actual !== value;
    return false;
  });
}

export class ApisixRouter {
  constructor(
    private readonly config: AdcConfiguration,
    private readonly sourcesOf: (route: AdcRoute) => SourceLocation[] = () => [],
    /** Port names of discovery upstreams (`ns/svc:http`) → numbers, to compare with the Ingress side. */
    private readonly portNumber: (namespace: string, service: string, port: string) => number | undefined = () => undefined,
  ) {}

  route(probe: Probe): TracedOutcome {
    if (probe.scheme === 'https' && !(this.config.ssls ?? []).some((s) => s.snis.some((sni) => apisixHostMatches(sni, probe.host)))) {
      return { outcome: { kind: 'no-listener', reason: `no ssl with an SNI for ${probe.host}` }, trace: [] };
    }
    const services = this.config.services ?? [];
    const tiers: ((s: AdcService) => boolean)[] = [
      (s) => (s.hosts ?? []).some((h) => !h.startsWith('*.') && h === probe.host),
      (s) => (s.hosts ?? []).some((h) => h.startsWith('*.') && apisixHostMatches(h, probe.host)),
      (s) => (s.hosts ?? []).length === 0,
    ];
    for (const inTier of tiers) {
      let best: { service: AdcService; route: AdcRoute; exact: boolean; length: number } | undefined;
      for (const service of services.filter(inTier)) {
        for (const route of service.routes) {
          if (!varsHold(route.vars, probe)) continue;
          for (const uri of route.uris) {
            const m = uriMatch(uri, probe.path);
            if (!m) continue;
            const better =
              !best || (m.exact !== best.exact ? m.exact : m.length !== best.length ? m.length > best.length : (route.priority ?? 0) > (best.route.priority ?? 0));
            if (better) best = { service, route, ...m };
          }
        }
      }
      if (best) return { outcome: this.apply(best.service, best.route, probe), trace: this.sourcesOf(best.route) };
    }
    return { outcome: { kind: 'status', statusCode: 404, reason: 'no route' }, trace: [] };
  }

  private apply(service: AdcService, route: AdcRoute, probe: Probe): Outcome {
    const plugins = Object.entries(route.plugins ?? {}).map(([name, config]) => ({ name, config }));
    const effect = applyPlugins(plugins, probe);
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
