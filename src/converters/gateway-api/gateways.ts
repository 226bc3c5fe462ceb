// Gateways and their listeners: one host-less HTTP listener serves every route; one HTTPS
// listener per TLS host. Past 64 listeners the HTTPS listeners are spread over more Gateways.
import { allocateNames, dnsName, hostSlug, withSuffix } from '../../common/names.js';
import type { DiagnosticSink } from '../../reporter/sink.js';
import type { TlsHost } from './listeners.js';
import type { ConversionTrace } from './trace.js';
import { GATEWAY_API_GROUP, GATEWAY_API_VERSION, type Gateway, type Listener, type ReferenceGrant } from './types.js';

export const MAX_LISTENERS = 64;

export interface GatewayPlan {
  namespace: string;
  /** The (first) Gateway's name. */
  name: string;
  gatewayClassName: string;
  /** Listeners allow routes from every namespace (a shared Gateway). */
  allowAllNamespaces: boolean;
}

export interface PlannedGateways {
  /** Names of the Gateways, first one first; every one has the HTTP listener. */
  names: string[];
  objects: Gateway[];
}

const HTTPS_PER_GATEWAY = MAX_LISTENERS - 1; // each Gateway keeps the HTTP listener

/** How many Gateways the listeners of these TLS hosts need. */
export function gatewaysNeeded(tlsHosts: readonly TlsHost[]): number {
  return Math.max(1, Math.ceil(tlsHosts.length / HTTPS_PER_GATEWAY));
}

/** `names` (from gatewaysNeeded and the namespace's name allocation): the Gateways, first one first. */
export function planGateways(plan: GatewayPlan, names: readonly string[], tlsHosts: readonly TlsHost[], sink: DiagnosticSink, trace: ConversionTrace): PlannedGateways {
  const claims = tlsHosts.map((tls) => ({ tls, wanted: listenerName(tls.host), identity: tls.host ?? '' }));
  const listenerNames = allocateNames(claims);
  const https = claims.map((claim) => {
    const listener = httpsListener(claim.tls, listenerNames.get(claim)!, plan);
    trace.note(listener, claim.tls.location);
    return listener;
  });
  const chunks = names.map((_, i) => https.slice(i * HTTPS_PER_GATEWAY, (i + 1) * HTTPS_PER_GATEWAY));
  if (chunks.length > 1) {
    sink.add('gateway-split', `Gateway ${plan.namespace}/${plan.name} would need ${https.length + 1} listeners (limit ${MAX_LISTENERS}); its HTTPS listeners are spread over Gateways ${names.join(', ')}, each with its own address`, {
      hint: 'point each host\'s DNS at the Gateway that holds its listener, or use a shared Gateway with ListenerSets',
    });
  }
  const objects = chunks.map(
    (chunk, i): Gateway => ({
      apiVersion: GATEWAY_API_VERSION,
      kind: 'Gateway',
      metadata: { name: names[i]!, namespace: plan.namespace },
      spec: { gatewayClassName: plan.gatewayClassName, listeners: [httpListener(plan), ...chunk] },
    }),
  );
  return { names: [...names], objects };
}

function httpListener(plan: GatewayPlan): Listener {
  return { name: 'http', port: 80, protocol: 'HTTP', ...allowedRoutes(plan) };
}

/** `https-www-example-com`, `https-wildcard-example-com`; `https` for the host-less listener. */
function listenerName(host: string | undefined): string {
  return host === undefined ? 'https' : dnsName(`https-${hostSlug(host)}`);
}

function httpsListener(tls: TlsHost, name: string, plan: GatewayPlan): Listener {
  const ref = { group: '' as const, kind: 'Secret' as const, name: tls.secret.name, ...(tls.secret.namespace === plan.namespace ? {} : { namespace: tls.secret.namespace }) };
  return {
    name,
    ...(tls.host === undefined ? {} : { hostname: tls.host }),
    port: 443,
    protocol: 'HTTPS',
    tls: { mode: 'Terminate', certificateRefs: [ref] },
    ...allowedRoutes(plan),
  };
}

function allowedRoutes(plan: GatewayPlan): Pick<Listener, 'allowedRoutes'> {
  return plan.allowAllNamespaces ? { allowedRoutes: { namespaces: { from: 'All' } } } : {};
}

export const MAX_GRANT_TARGETS = 16;

/** Secrets outside the Gateway's namespace need a ReferenceGrant in their own namespace. */
export function referenceGrantsFor(plan: GatewayPlan, tlsHosts: readonly TlsHost[]): ReferenceGrant[] {
  const secretsByNamespace = new Map<string, Set<string>>();
  for (const { secret } of tlsHosts) {
    if (secret.namespace === plan.namespace) continue;
    const names = secretsByNamespace.get(secret.namespace) ?? new Set<string>();
    names.add(secret.name);
    secretsByNamespace.set(secret.namespace, names);
  }
  const grants: ReferenceGrant[] = [];
  for (const [namespace, names] of [...secretsByNamespace].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const sorted = [...names].sort();
    const base = dnsName(`${plan.namespace}-${plan.name}-certificates`);
    for (let i = 0; i < sorted.length; i += MAX_GRANT_TARGETS) {
      grants.push({
        apiVersion: GATEWAY_API_VERSION,
        kind: 'ReferenceGrant',
        metadata: { name: i === 0 ? base : withSuffix(base, String(i / MAX_GRANT_TARGETS + 1)), namespace },
        spec: {
          from: [{ group: GATEWAY_API_GROUP, kind: 'Gateway', namespace: plan.namespace }],
          to: sorted.slice(i, i + MAX_GRANT_TARGETS).map((name) => ({ group: '', kind: 'Secret', name })),
        },
      });
    }
  }
  return grants;
}
