// Support matrices of the controllers (and API channels) users migrate to, as versioned data.
// Sources: the API7 Ingress Controller 3.8.x and APISIX Ingress Controller "Next" support pages
// (Gateway API resource levels, unsupported fields, Ingress annotations), the AIC release history
// for annotations (2.0.0-rc1…rc5 honoured none of the 38; 2.0.0 GA restored them), and the Gateway
// API v1.6.1 CRDs for the generic targets (standard vs experimental channel).
import { APISIX_ANNOTATION_PREFIX, apisixAnnotations } from '../parsers/apisix/annotations.js';

export type SupportLevel = 'supported' | 'partial' | 'not-supported' | 'ignored';

export type MatrixSubject =
  | { kind: 'resource'; resource: string; apiVersion: string }
  /** `path` uses `[]` for "every item": `spec.rules[].timeouts`. */
  | { kind: 'field'; resource: string; path: string }
  | { kind: 'annotation'; key: string };

export interface MatrixRow {
  subject: MatrixSubject;
  level: SupportLevel;
  /** Core / extended / implementation-specific levels, for resources. */
  levels?: { core: string; extended: string; implementationSpecific: string };
  /** The source's own wording. */
  note: string;
  /** What to use instead, when the level is not "supported". */
  alternative?: string;
  /** A behaviour change users of an earlier version must know about. */
  changed?: string;
  /** For partly supported fields: the values that do work. */
  accepts?: readonly unknown[];
}

export interface Target {
  id: string;
  title: string;
  source: string;
  rows: readonly MatrixRow[];
}

const resource = (resourceName: string, apiVersion: string, core: string, extended: string, implementationSpecific: string, note = ''): MatrixRow => ({
  subject: { kind: 'resource', resource: resourceName, apiVersion },
  level: levelOf(core),
  levels: { core, extended, implementationSpecific },
  note: note || `Core: ${core}; Extended: ${extended}; Implementation-specific: ${implementationSpecific}.`,
});

function levelOf(text: string): SupportLevel {
  return text === 'Supported' ? 'supported' : text === 'Partially supported' ? 'partial' : 'not-supported';
}

const field = (resourceName: string, path: string, level: SupportLevel, note: string, alternative?: string, accepts?: readonly unknown[]): MatrixRow => ({
  subject: { kind: 'field', resource: resourceName, path },
  level,
  note,
  ...(alternative ? { alternative } : {}),
  ...(accepts ? { accepts } : {}),
});

// The Gateway API tables of both APISIX-family pages (identical except ReferenceGrant).
function apisixGatewayRows(referenceGrantCore: 'Supported' | 'Not supported'): MatrixRow[] {
  return [
    resource('GatewayClass', 'v1', 'Supported', 'N/A', 'Not supported'),
    resource('Gateway', 'v1', 'Partially supported', 'Partially supported', 'Not supported'),
    resource('HTTPRoute', 'v1', 'Supported', 'Partially supported', 'Not supported'),
    resource('GRPCRoute', 'v1', 'Not supported', 'Not supported', 'Not supported'),
    resource('ReferenceGrant', 'v1beta1', referenceGrantCore, 'Not supported', 'Not supported'),
    resource('TLSRoute', 'v1alpha2', 'Not supported', 'Not supported', 'Not supported'),
    resource('TCPRoute', 'v1alpha2', 'Not supported', 'Not supported', 'Not supported'),
    resource('UDPRoute', 'v1alpha2', 'Not supported', 'Not supported', 'Not supported'),
    resource('BackendTLSPolicy', 'v1alpha3', 'Not supported', 'Not supported', 'Not supported'),
    field(
      'HTTPRoute',
      'spec.rules[].timeouts',
      'not-supported',
      'The field is unsupported because ADC provides finer-grained timeout configuration (connect, read, write), whereas spec.timeouts only allows a general total timeout and upstream timeout, so it cannot be directly mapped. To configure route timeouts, you can use BackendTrafficPolicy.',
      'BackendTrafficPolicy',
    ),
    field('HTTPRoute', 'spec.rules[].retry', 'not-supported', 'The field is unsupported because APISIX does not support the features in retries. To configure route retries, you can use BackendTrafficPolicy.', 'BackendTrafficPolicy'),
    field('HTTPRoute', 'spec.rules[].sessionPersistence', 'not-supported', 'APISIX does not support the configuration of cookie lifetimes. As an alternative, you can use chash load balancer.', 'chash load balancer (BackendTrafficPolicy)'),
    field(
      'HTTPRoute',
      'spec.rules[].backendRefs[].filters',
      'not-supported',
      'BackendRef-level filters are not implemented as data plane does not support filtering at this level; only rule-level filters (spec.rules[].filters[]) are supported.',
      'rule-level filters (spec.rules[].filters[])',
    ),
    field(
      'Gateway',
      'spec.listeners[].port',
      'ignored',
      'The configuration is required but ignored. This is due to limitations in the data plane: it cannot dynamically open new ports. Since the Ingress Controller does not manage the data plane deployment, it cannot automatically update the configuration or restart the data plane to apply port changes.',
      'configure the ports of the APISIX data plane deployment',
    ),
    field('Gateway', 'spec.listeners[].allowedRoutes.kinds', 'partial', 'Only HTTPRoute (group gateway.networking.k8s.io) is accepted; other kinds are rejected.'),
    field('Gateway', 'spec.listeners[].tls.certificateRefs[].group', 'partial', 'Only "" is supported; other group values cause validation failure.', undefined, ['']),
    field('Gateway', 'spec.listeners[].tls.certificateRefs[].kind', 'partial', 'Only Secret is supported.', undefined, ['Secret']),
    field('Gateway', 'spec.listeners[].tls.mode', 'partial', 'Terminate is implemented; Passthrough is effectively unsupported for Gateway listeners.', undefined, ['Terminate']),
    field('Gateway', 'spec.addresses', 'not-supported', 'Controller does not read or act on spec.addresses.'),
  ];
}

const annotationRows = (row: (name: string) => Omit<MatrixRow, 'subject'>): MatrixRow[] =>
  apisixAnnotations.map((a) => ({ subject: { kind: 'annotation', key: `${APISIX_ANNOTATION_PREFIX}${a.name}` }, ...row(a.name) }));

const byName = new Map(apisixAnnotations.map((a) => [a.name, a]));

const api7_3_8: Target = {
  id: 'api7-ingress-controller@3.8',
  title: 'API7 Ingress Controller 3.8.x',
  source: 'API7 Ingress Controller 3.8.x "Ingress and Gateway API Support" page',
  rows: [
    ...apisixGatewayRows('Not supported'),
    ...annotationRows(() => ({
      level: 'not-supported',
      note: 'The following Ingress annotations are not supported in the current version but will be supported in a future release.',
      alternative: 'the equivalent Gateway API filter or APISIX plugin configuration',
    })),
  ],
};

const aic2rc: Target = {
  id: 'apisix-ingress-controller@2.0-rc',
  title: 'APISIX Ingress Controller 2.0.0-rc1 … rc5',
  source: 'APISIX Ingress Controller release history (2.0.0-rc5 webhook) and its "Next" support page',
  rows: [
    ...apisixGatewayRows('Supported'),
    ...annotationRows((name) => ({
      level: 'not-supported',
      note: `2.0.0-rc1 … rc5 honour none of the 38 annotations; the rc5 webhook warns "Annotation '${APISIX_ANNOTATION_PREFIX}${name}' is not supported in APISIX Ingress Controller 2.0.0".`,
      alternative: 'upgrade to 2.0.0 GA or later, or use PluginConfig / Gateway API filters',
    })),
  ],
};

const aic2: Target = {
  id: 'apisix-ingress-controller@2',
  title: 'APISIX Ingress Controller 2.x (2.0.0 GA and later)',
  source: 'APISIX Ingress Controller "Next" support page and 2.x annotation reference',
  rows: [
    ...apisixGatewayRows('Supported'),
    ...annotationRows((name) => {
      const a = byName.get(name)!;
      return { level: 'supported', note: `Supported since ${a.since}. In 2.x: ${a.behaviour}`, ...(a.changedIn2 ? { changed: a.changedIn2 } : {}) };
    }),
    {
      subject: { kind: 'annotation', key: 'kubernetes.io/ingress.class' },
      level: 'supported',
      note: 'Names an IngressClass whose spec.controller is the APISIX controller; spec.ingressClassName wins over it; with neither, the default IngressClass applies.',
      changed: '1.x let the annotation win over spec.ingressClassName and had no default-class support.',
    },
  ],
};

// Generic Gateway API v1.6 (from the v1.6.1 CRDs): standard vs experimental channel.
function gatewayApiRows(experimental: boolean): MatrixRow[] {
  const exp = (s: string): SupportLevel => (experimental ? 'supported' : s === 'supported' ? 'supported' : 'not-supported');
  const channelNote = (what: string) => (experimental ? `${what} (experimental channel).` : `${what} is in the experimental channel only; standard-channel CRDs prune or reject it.`);
  return [
    resource('GatewayClass', 'v1', 'Supported', 'N/A', 'N/A', 'Standard channel, v1.'),
    resource('Gateway', 'v1', 'Supported', 'Supported', 'Supported', 'Standard channel, v1.'),
    resource('HTTPRoute', 'v1', 'Supported', 'Supported', 'Supported', 'Standard channel, v1.'),
    resource('GRPCRoute', 'v1', 'Supported', 'Supported', 'Supported', 'Standard channel, v1.'),
    resource('ReferenceGrant', 'v1', 'Supported', 'N/A', 'N/A', 'Standard channel; v1 served since v1.5.'),
    resource('BackendTLSPolicy', 'v1', 'Supported', 'Supported', 'Supported', 'Standard channel; v1 since v1.4.'),
    resource('ListenerSet', 'v1', 'Supported', 'Supported', 'Supported', 'Standard channel since v1.5.'),
    resource('TLSRoute', 'v1', 'Supported', 'Supported', 'Supported', 'Standard channel v1 since v1.6 (v1alpha2/v1alpha3 not served).'),
    resource('TCPRoute', 'v1', 'Supported', 'Supported', 'Supported', 'Standard channel v1 since v1.6.'),
    resource('UDPRoute', 'v1', 'Supported', 'Supported', 'Supported', 'Standard channel v1 since v1.6.'),
    field('HTTPRoute', 'spec.rules[].timeouts', 'supported', 'Standard since v1.2 (Extended support).'),
    field('HTTPRoute', 'spec.rules[].retry', exp('not-supported'), channelNote('rules[].retry'), experimental ? undefined : 'the experimental channel, or an implementation policy'),
    field('HTTPRoute', 'spec.rules[].sessionPersistence', exp('not-supported'), channelNote('rules[].sessionPersistence'), experimental ? undefined : 'the experimental channel, or an implementation policy'),
    field('HTTPRoute', 'spec.rules[].filters[].externalAuth', exp('not-supported'), channelNote('The ExternalAuth filter'), experimental ? undefined : 'the experimental channel, or an implementation extension'),
    field('HTTPRoute', 'spec.useDefaultGateways', exp('not-supported'), channelNote('spec.useDefaultGateways'), experimental ? undefined : 'explicit parentRefs'),
    field('HTTPRoute', 'spec.rules[].filters[].cors', 'supported', 'CORS filter: standard since v1.5 (Extended support).'),
  ];
}

const gatewayApi: Target = { id: 'gateway-api@1.6', title: 'Gateway API v1.6 (standard channel)', source: 'Gateway API v1.6.1 CRDs, standard channel', rows: gatewayApiRows(false) };
const gatewayApiExperimental: Target = {
  id: 'gateway-api@1.6-experimental',
  title: 'Gateway API v1.6 (experimental channel)',
  source: 'Gateway API v1.6.1 CRDs, experimental channel',
  rows: gatewayApiRows(true),
};

/** Every target, in the order `matrix` prints them. */
export const targets: readonly Target[] = [gatewayApi, gatewayApiExperimental, api7_3_8, aic2rc, aic2];

/** Short names users may type. */
export const targetAliases: Readonly<Record<string, string>> = {
  generic: 'gateway-api@1.6',
  'gateway-api': 'gateway-api@1.6',
  'api7-ingress-controller': 'api7-ingress-controller@3.8',
  'apisix-ingress-controller': 'apisix-ingress-controller@2',
};

export const DEFAULT_TARGET = 'gateway-api@1.6';

export function findTarget(id: string): Target | undefined {
  const resolved = targetAliases[id] ?? id;
  return targets.find((t) => t.id === resolved);
}

export function annotationRow(target: Target, key: string): MatrixRow | undefined {
  return target.rows.find((r) => r.subject.kind === 'annotation' && r.subject.key === key);
}

export function resourceRow(target: Target, resourceName: string): MatrixRow | undefined {
  return target.rows.find((r) => r.subject.kind === 'resource' && r.subject.resource === resourceName);
}

export function fieldRows(target: Target, resourceName: string): MatrixRow[] {
  return target.rows.filter((r) => r.subject.kind === 'field' && r.subject.resource === resourceName);
}
