// The subset of Gateway API v1 (standard channel, v1.6) that the converter emits.

export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';
export const GATEWAY_API_VERSION = `${GATEWAY_API_GROUP}/v1`;

export interface ObjectMeta {
  name: string;
  namespace: string;
}

export interface SecretObjectReference {
  group: '';
  kind: 'Secret';
  name: string;
  namespace?: string;
}

export interface Listener {
  name: string;
  hostname?: string;
  port: number;
  protocol: 'HTTP' | 'HTTPS';
  tls?: { mode: 'Terminate'; certificateRefs: SecretObjectReference[] };
  allowedRoutes?: { namespaces: { from: 'All' | 'Same' } };
}

export interface Gateway {
  apiVersion: typeof GATEWAY_API_VERSION;
  kind: 'Gateway';
  metadata: ObjectMeta;
  spec: { gatewayClassName: string; listeners: Listener[] };
}

export interface ParentReference {
  name: string;
  namespace?: string;
}

export type PathMatchType = 'Exact' | 'PathPrefix' | 'RegularExpression';

export interface HTTPRouteMatch {
  path: { type: PathMatchType; value: string };
}

export interface HTTPBackendRef {
  group?: string;
  kind?: string;
  name: string;
  port?: number;
}

export interface HTTPRouteRule {
  matches: HTTPRouteMatch[];
  backendRefs: HTTPBackendRef[];
}

export interface HTTPRoute {
  apiVersion: typeof GATEWAY_API_VERSION;
  kind: 'HTTPRoute';
  metadata: ObjectMeta;
  spec: { parentRefs: ParentReference[]; hostnames?: string[]; rules: HTTPRouteRule[] };
}

export interface ReferenceGrant {
  apiVersion: typeof GATEWAY_API_VERSION;
  kind: 'ReferenceGrant';
  metadata: ObjectMeta;
  spec: {
    from: { group: string; kind: string; namespace: string }[];
    to: { group: string; kind: string; name?: string }[];
  };
}

export type GatewayApiObject = Gateway | HTTPRoute | ReferenceGrant;
