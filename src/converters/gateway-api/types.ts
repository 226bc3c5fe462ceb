// The subset of Gateway API v1 (standard channel, v1.6) that the converter emits.

export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';
export const GATEWAY_API_VERSION = `${GATEWAY_API_GROUP}/v1`;

export interface ObjectMeta {
  name: string;
  namespace: string;
  /** Only what tools around the Gateway read (cert-manager, external-dns). */
  annotations?: Record<string, string>;
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
  sectionName?: string;
  port?: number;
}

export type PathMatchType = 'Exact' | 'PathPrefix' | 'RegularExpression';

export interface HTTPRouteMatch {
  path: { type: PathMatchType; value: string };
  method?: 'GET' | 'HEAD';
}

export interface HTTPBackendRef {
  group?: string;
  kind?: string;
  name: string;
  namespace?: string;
  port?: number;
}

export interface HTTPHeader {
  name: string;
  value: string;
}

export type HTTPRouteFilter =
  | {
      type: 'RequestRedirect';
      requestRedirect: { scheme?: 'http' | 'https'; hostname?: string; port?: number; path?: { type: 'ReplaceFullPath'; replaceFullPath: string }; statusCode: 301 | 302 | 303 | 307 | 308 };
    }
  | { type: 'URLRewrite'; urlRewrite: { path: { type: 'ReplaceFullPath'; replaceFullPath: string } } }
  | { type: 'ResponseHeaderModifier'; responseHeaderModifier: { add?: HTTPHeader[]; set?: HTTPHeader[]; remove?: string[] } }
  | { type: 'CORS'; cors: { allowOrigins: string[]; allowMethods: string[]; allowHeaders: string[] } }
  | { type: 'ExtensionRef'; extensionRef: { group: string; kind: string; name: string } };

export interface HTTPRouteRule {
  matches: HTTPRouteMatch[];
  filters?: HTTPRouteFilter[];
  backendRefs: HTTPBackendRef[];
  timeouts?: { backendRequest: string };
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

export const APISIX_GROUP = 'apisix.apache.org';

/** APISIX Ingress Controller 2.x: plugins an HTTPRoute rule uses through an ExtensionRef filter. */
export interface PluginConfig {
  apiVersion: 'apisix.apache.org/v1alpha1';
  kind: 'PluginConfig';
  metadata: ObjectMeta;
  spec: { plugins: { name: string; config?: Record<string, unknown> }[] };
}

/** APISIX Ingress Controller 2.x: upstream settings of a Service. */
export interface BackendTrafficPolicy {
  apiVersion: 'apisix.apache.org/v1alpha1';
  kind: 'BackendTrafficPolicy';
  metadata: ObjectMeta;
  spec: {
    targetRefs: { group: ''; kind: 'Service'; name: string }[];
    scheme?: string;
    retries?: number;
    timeout?: { connect?: string; read?: string; send?: string };
  };
}

export type GatewayApiObject = Gateway | HTTPRoute | ReferenceGrant | PluginConfig | BackendTrafficPolicy;
