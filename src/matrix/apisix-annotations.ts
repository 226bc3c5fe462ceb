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
}

export const apisixAnnotations: readonly ApisixAnnotation[] = [
  { name: 'use-regex', since: '1.4.0', behaviour: 'With pathType ImplementationSpecific, the path is a regular expression (route vars uri ~~ path).', changedIn2: '1.x also gave regex routes priority 100; 2.x sets no priority.' },
  { name: 'enable-websocket', since: '1.5.0', behaviour: 'Route enable_websocket: true.', changedIn2: '2.x also enables WebSocket when the Service port appProtocol is kubernetes.io/ws or kubernetes.io/wss.' },
  { name: 'plugin-config-name', since: '1.5.0', behaviour: 'The enabled plugins of the named ApisixPluginConfig (Ingress namespace) are inlined into the route; annotation plugins override same-named ones.', changedIn2: '1.x referenced an APISIX plugin_config object (plugin_config_id) instead of inlining; a missing ApisixPluginConfig now silently gives no plugins, and since 2.2.0 a malformed one fails the sync.' },
  { name: 'upstream-scheme', since: '1.6.0', behaviour: 'Upstream scheme http, https, grpc or grpcs; an invalid value drops the scheme, retries and timeouts annotations together.' },
  { name: 'upstream-retries', since: '1.8.0', behaviour: 'Upstream retries (only when > 0); a non-integer drops the upstream annotation group.' },
  { name: 'upstream-connect-timeout', since: '1.8.0', behaviour: 'Upstream timeout.connect in seconds ("5" or "5s"; "1m" is invalid).', changedIn2: '2.x emits timeouts only when one is set (the others default to 60 s); 1.x always emitted timeout {60, 60, 60} on Ingress upstreams.' },
  { name: 'upstream-read-timeout', since: '1.8.0', behaviour: 'Upstream timeout.read in seconds.', changedIn2: '2.x emits timeouts only when one is set; 1.x always emitted them.' },
  { name: 'upstream-send-timeout', since: '1.8.0', behaviour: 'Upstream timeout.send in seconds.', changedIn2: '2.x emits timeouts only when one is set; 1.x always emitted them.' },
  { name: 'enable-cors', since: '0.6.0', behaviour: 'Plugin cors; the cors-allow-* annotations are ignored without it.' },
  { name: 'cors-allow-origin', since: '0.6.0', behaviour: 'cors.allow_origins (comma list, verbatim; default *).', changedIn2: 'Since 2.2.0 comma lists are trimmed and empty items dropped.' },
  { name: 'cors-allow-headers', since: '0.6.0', behaviour: 'cors.allow_headers (comma list, verbatim).', changedIn2: 'Since 2.2.0 comma lists are trimmed and empty items dropped.' },
  { name: 'cors-allow-methods', since: '0.6.0', behaviour: 'cors.allow_methods (comma list, verbatim).', changedIn2: 'Since 2.2.0 comma lists are trimmed and empty items dropped.' },
  { name: 'enable-csrf', since: '1.5.0', behaviour: 'Plugin csrf with csrf-key.', changedIn2: 'Since 2.2.0 enabling csrf without csrf-key is rejected by the webhook (1.x silently dropped the plugin).' },
  { name: 'csrf-key', since: '1.5.0', behaviour: 'csrf.key; required when enable-csrf is "true".' },
  { name: 'http-to-https', since: '1.0.0', behaviour: 'Plugin redirect {http_to_https: true}; takes precedence over http-redirect.', changedIn2: '1.x also copied http-redirect/http-redirect-code into the same redirect.' },
  { name: 'http-redirect', since: '1.5.0', behaviour: 'redirect.uri, when http-to-https is not "true".' },
  { name: 'http-redirect-code', since: '1.5.0', behaviour: 'redirect.ret_code; outside 301–308 or not a number: 301.' },
  { name: 'rewrite-target', since: '1.0.0', behaviour: 'Plugin proxy-rewrite uri.' },
  { name: 'rewrite-target-regex', since: '1.0.0', behaviour: 'proxy-rewrite regex_uri[0] (RE2), only with rewrite-target-regex-template; an invalid regex drops proxy-rewrite.' },
  { name: 'rewrite-target-regex-template', since: '1.0.0', behaviour: 'proxy-rewrite regex_uri[1] ($1 … captures).' },
  { name: 'enable-response-rewrite', since: '1.6.0', behaviour: 'Plugin response-rewrite; switch for the response-rewrite-* annotations.' },
  { name: 'response-rewrite-status-code', since: '1.6.0', behaviour: 'response-rewrite status_code (an unparsable value is omitted).' },
  { name: 'response-rewrite-body', since: '1.6.0', behaviour: 'response-rewrite body.' },
  { name: 'response-rewrite-body-base64', since: '1.6.0', behaviour: 'response-rewrite body_base64.' },
  { name: 'response-rewrite-add-header', since: '1.7.0', behaviour: 'response-rewrite headers.add ("k:v" items, verbatim).', changedIn2: '1.x dropped items without ":" and truncated values containing ":".' },
  { name: 'response-rewrite-set-header', since: '1.7.0', behaviour: 'response-rewrite headers.set (split at the first ":").' },
  { name: 'response-rewrite-remove-header', since: '1.7.0', behaviour: 'response-rewrite headers.remove.' },
  { name: 'auth-uri', since: '1.5.0', behaviour: 'Plugin forward-auth uri (the plugin is emitted only with it).' },
  { name: 'auth-ssl-verify', since: '1.5.0', behaviour: 'forward-auth ssl_verify; only "false" disables it.' },
  { name: 'auth-request-headers', since: '1.5.0', behaviour: 'forward-auth request_headers.' },
  { name: 'auth-upstream-headers', since: '1.5.0', behaviour: 'forward-auth upstream_headers.' },
  { name: 'auth-client-headers', since: '1.5.0', behaviour: 'forward-auth client_headers.' },
  { name: 'allowlist-source-range', since: '1.0.0', behaviour: 'Plugin ip-restriction whitelist (both lists set: APISIX rejects the plugin).' },
  { name: 'blocklist-source-range', since: '1.0.0', behaviour: 'Plugin ip-restriction blacklist.' },
  { name: 'http-allow-methods', since: '1.6.0', behaviour: 'Plugin fault-injection answering 405 to other methods; wins over http-block-methods.', changedIn2: '1.x used response-rewrite {status_code: 405}, which the response-rewrite annotations overwrote.' },
  { name: 'http-block-methods', since: '1.6.0', behaviour: 'Plugin fault-injection answering 405 to the listed methods.', changedIn2: '1.x used response-rewrite {status_code: 405}.' },
  { name: 'auth-type', since: '1.5.0', behaviour: 'keyAuth or basicAuth: plugin key-auth / basic-auth (needs consumers of the same ingress class); other values ignored.' },
  { name: 'svc-namespace', since: '1.6.0', behaviour: 'Namespace of every backend Service of the Ingress (no ReferenceGrant check).' },
];

export const apisixAnnotationKeys: readonly string[] = apisixAnnotations.map((a) => `${APISIX_ANNOTATION_PREFIX}${a.name}`);
