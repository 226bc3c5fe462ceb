// The 38 `k8s.apisix.apache.org/*` Ingress annotations of APISIX Ingress Controller, as data:
// since which 1.x release they exist, what 2.x GA makes of them, and what changed since 1.x.
// (Research notes: reference/apisix-adc.md §1.2–§1.3.)

export const APISIX_ANNOTATION_PREFIX = 'k8s.apisix.apache.org/';

export interface ApisixAnnotation {
  /** The part after the prefix, e.g. `enable-cors`. */
  name: string;
  /** First 1.x release that honours it. */
  since: string;
  /** What AIC 2.x GA does with it. */
  behaviour: string;
  /** A behaviour change between 1.x and 2.x, when there is one. */
  changedIn2?: string;
  /** The parser module (family) that reads it. */
  family: AnnotationFamily;
}

export type AnnotationFamily =
  | 'regex'
  | 'websocket'
  | 'plugin-config'
  | 'upstream'
  | 'cors'
  | 'csrf'
  | 'redirect'
  | 'rewrite'
  | 'response-rewrite'
  | 'forward-auth'
  | 'ip-restriction'
  | 'methods'
  | 'auth-type'
  | 'service-namespace';

/** What each family becomes, per output target (the README's per-annotation table). */
export const familyConversions: Record<AnnotationFamily, { generic: string; apisixIngressController2: string }> = {
  'regex': { generic: "PathMatch RegularExpression for ImplementationSpecific paths (caveat: anchoring is implementation-specific)", apisixIngressController2: "as generic" },
  'websocket': { generic: "nothing to emit (Gateway implementations proxy WebSocket upgrades); reported as a caveat", apisixIngressController2: "reported: AIC 2.x enables WebSocket from the Service port appProtocol kubernetes.io/ws(s)" },
  'plugin-config': { generic: "not expressible; reported", apisixIngressController2: "the ApisixPluginConfig's enabled plugins in a PluginConfig, referenced by an ExtensionRef filter" },
  'upstream': { generic: "timeouts: rules[].timeouts.backendRequest (caveat); scheme and retries not expressible, reported", apisixIngressController2: "BackendTrafficPolicy targeting the Service (scheme, retries, timeouts); no rules[].timeouts (AIC ignores them)" },
  'cors': { generic: "HTTPRoute CORS filter", apisixIngressController2: "as generic" },
  'csrf': { generic: "not expressible; reported", apisixIngressController2: "csrf plugin in the PluginConfig" },
  'redirect': { generic: "http-to-https: RequestRedirect {scheme: https, 301} on the HTTP listener, backends on HTTPS; http-redirect: RequestRedirect with the URL split into scheme, hostname, port and path", apisixIngressController2: "as generic" },
  'rewrite': { generic: "rewrite-target: URLRewrite ReplaceFullPath; regex rewrite not expressible, reported", apisixIngressController2: "rewrite-target as generic; regex rewrite: proxy-rewrite regex_uri in the PluginConfig" },
  'response-rewrite': { generic: "header annotations: ResponseHeaderModifier; status and body not expressible, reported", apisixIngressController2: "headers as generic; status and body: response-rewrite plugin in the PluginConfig" },
  'forward-auth': { generic: "not expressible in the standard channel; reported", apisixIngressController2: "forward-auth plugin in the PluginConfig" },
  'ip-restriction': { generic: "not expressible; reported", apisixIngressController2: "ip-restriction plugin in the PluginConfig" },
  'methods': { generic: "not expressible; reported", apisixIngressController2: "fault-injection plugin (405) in the PluginConfig" },
  'auth-type': { generic: "not expressible; reported", apisixIngressController2: "key-auth / basic-auth plugin in the PluginConfig (consumers needed)" },
  'service-namespace': { generic: "backendRef namespace + a ReferenceGrant in that namespace", apisixIngressController2: "as generic" },
};

export const apisixAnnotations: readonly ApisixAnnotation[] = [
  { name: 'use-regex', since: '1.4.0', behaviour: 'With pathType ImplementationSpecific, the path is a regular expression (route vars uri ~~ path).', changedIn2: '1.x also gave regex routes priority 100; 2.x sets no priority.', family: 'regex' },
  { name: 'enable-websocket', since: '1.5.0', behaviour: 'Route enable_websocket: true.', changedIn2: '2.x also enables WebSocket when the Service port appProtocol is kubernetes.io/ws or kubernetes.io/wss.', family: 'websocket' },
  { name: 'plugin-config-name', since: '1.5.0', behaviour: 'The enabled plugins of the named ApisixPluginConfig (Ingress namespace) are inlined into the route; annotation plugins override same-named ones.', changedIn2: '1.x referenced an APISIX plugin_config object (plugin_config_id) instead of inlining; a missing ApisixPluginConfig now silently gives no plugins, and since 2.2.0 a malformed one fails the sync.', family: 'plugin-config' },
  { name: 'upstream-scheme', since: '1.6.0', behaviour: 'Upstream scheme http, https, grpc or grpcs; an invalid value drops the scheme, retries and timeouts annotations together.', family: 'upstream' },
  { name: 'upstream-retries', since: '1.8.0', behaviour: 'Upstream retries (only when > 0); a non-integer drops the upstream annotation group.', family: 'upstream' },
  { name: 'upstream-connect-timeout', since: '1.8.0', behaviour: 'Upstream timeout.connect in seconds ("5" or "5s"; "1m" is invalid).', changedIn2: '2.x emits timeouts only when one is set (the others default to 60 s); 1.x always emitted timeout {60, 60, 60} on Ingress upstreams.', family: 'upstream' },
  { name: 'upstream-read-timeout', since: '1.8.0', behaviour: 'Upstream timeout.read in seconds.', changedIn2: '2.x emits timeouts only when one is set; 1.x always emitted them.', family: 'upstream' },
  { name: 'upstream-send-timeout', since: '1.8.0', behaviour: 'Upstream timeout.send in seconds.', changedIn2: '2.x emits timeouts only when one is set; 1.x always emitted them.', family: 'upstream' },
  { name: 'enable-cors', since: '0.6.0', behaviour: 'Plugin cors; the cors-allow-* annotations are ignored without it.', family: 'cors' },
  { name: 'cors-allow-origin', since: '0.6.0', behaviour: 'cors.allow_origins (comma list, verbatim; default *).', changedIn2: 'Since 2.2.0 comma lists are trimmed and empty items dropped.', family: 'cors' },
  { name: 'cors-allow-headers', since: '0.6.0', behaviour: 'cors.allow_headers (comma list, verbatim).', changedIn2: 'Since 2.2.0 comma lists are trimmed and empty items dropped.', family: 'cors' },
  { name: 'cors-allow-methods', since: '0.6.0', behaviour: 'cors.allow_methods (comma list, verbatim).', changedIn2: 'Since 2.2.0 comma lists are trimmed and empty items dropped.', family: 'cors' },
  { name: 'enable-csrf', since: '1.5.0', behaviour: 'Plugin csrf with csrf-key.', changedIn2: 'Since 2.2.0 enabling csrf without csrf-key is rejected by the webhook (1.x silently dropped the plugin).', family: 'csrf' },
  { name: 'csrf-key', since: '1.5.0', behaviour: 'csrf.key; required when enable-csrf is "true".', family: 'csrf' },
  { name: 'http-to-https', since: '1.0.0', behaviour: 'Plugin redirect {http_to_https: true}; takes precedence over http-redirect.', changedIn2: '1.x also copied http-redirect/http-redirect-code into the same redirect.', family: 'redirect' },
  { name: 'http-redirect', since: '1.5.0', behaviour: 'redirect.uri, when http-to-https is not "true".', family: 'redirect' },
  { name: 'http-redirect-code', since: '1.5.0', behaviour: 'redirect.ret_code; outside 301–308 or not a number: 301.', family: 'redirect' },
  { name: 'rewrite-target', since: '1.0.0', behaviour: 'Plugin proxy-rewrite uri.', family: 'rewrite' },
  { name: 'rewrite-target-regex', since: '1.0.0', behaviour: 'proxy-rewrite regex_uri[0] (RE2), only with rewrite-target-regex-template; an invalid regex drops proxy-rewrite.', family: 'rewrite' },
  { name: 'rewrite-target-regex-template', since: '1.0.0', behaviour: 'proxy-rewrite regex_uri[1] ($1 … captures).', family: 'rewrite' },
  { name: 'enable-response-rewrite', since: '1.6.0', behaviour: 'Plugin response-rewrite; switch for the response-rewrite-* annotations.', family: 'response-rewrite' },
  { name: 'response-rewrite-status-code', since: '1.6.0', behaviour: 'response-rewrite status_code (an unparsable value is omitted).', family: 'response-rewrite' },
  { name: 'response-rewrite-body', since: '1.6.0', behaviour: 'response-rewrite body.', family: 'response-rewrite' },
  { name: 'response-rewrite-body-base64', since: '1.6.0', behaviour: 'response-rewrite body_base64.', family: 'response-rewrite' },
  { name: 'response-rewrite-add-header', since: '1.7.0', behaviour: 'response-rewrite headers.add ("k:v" items, verbatim).', changedIn2: '1.x dropped items without ":" and truncated values containing ":".', family: 'response-rewrite' },
  { name: 'response-rewrite-set-header', since: '1.7.0', behaviour: 'response-rewrite headers.set (split at the first ":").', family: 'response-rewrite' },
  { name: 'response-rewrite-remove-header', since: '1.7.0', behaviour: 'response-rewrite headers.remove.', family: 'response-rewrite' },
  { name: 'auth-uri', since: '1.5.0', behaviour: 'Plugin forward-auth uri (the plugin is emitted only with it).', family: 'forward-auth' },
  { name: 'auth-ssl-verify', since: '1.5.0', behaviour: 'forward-auth ssl_verify; only "false" disables it.', family: 'forward-auth' },
  { name: 'auth-request-headers', since: '1.5.0', behaviour: 'forward-auth request_headers.', family: 'forward-auth' },
  { name: 'auth-upstream-headers', since: '1.5.0', behaviour: 'forward-auth upstream_headers.', family: 'forward-auth' },
  { name: 'auth-client-headers', since: '1.5.0', behaviour: 'forward-auth client_headers.', family: 'forward-auth' },
  { name: 'allowlist-source-range', since: '1.0.0', behaviour: 'Plugin ip-restriction whitelist (both lists set: APISIX rejects the plugin).', family: 'ip-restriction' },
  { name: 'blocklist-source-range', since: '1.0.0', behaviour: 'Plugin ip-restriction blacklist.', family: 'ip-restriction' },
  { name: 'http-allow-methods', since: '1.6.0', behaviour: 'Plugin fault-injection answering 405 to other methods; wins over http-block-methods.', changedIn2: '1.x used response-rewrite {status_code: 405}, which the response-rewrite annotations overwrote.', family: 'methods' },
  { name: 'http-block-methods', since: '1.6.0', behaviour: 'Plugin fault-injection answering 405 to the listed methods.', changedIn2: '1.x used response-rewrite {status_code: 405}.', family: 'methods' },
  { name: 'auth-type', since: '1.5.0', behaviour: 'keyAuth or basicAuth: plugin key-auth / basic-auth (needs consumers of the same ingress class); other values ignored.', family: 'auth-type' },
  { name: 'svc-namespace', since: '1.6.0', behaviour: 'Namespace of every backend Service of the Ingress (no ReferenceGrant check).', family: 'service-namespace' },
];

export const apisixAnnotationKeys: readonly string[] = apisixAnnotations.map((a) => `${APISIX_ANNOTATION_PREFIX}${a.name}`);
