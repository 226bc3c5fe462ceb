// The APISIX plugin configuration AIC 2.x writes for an intent, shared by the ADC output and the
// PluginConfig of the APISIX Ingress Controller target.
import type { Intent } from '../ir/intents.js';

export type PluginIntent = Extract<Intent, { kind: 'forward-auth' | 'ip-restriction' | 'csrf' | 'auth' | 'methods' }>;

export function aicPlugin(intent: PluginIntent): { name: string; config: Record<string, unknown> } {
  switch (intent.kind) {
    case 'forward-auth':
      return {
        name: 'forward-auth',
        config: {
          uri: intent.uri,
          ssl_verify: intent.sslVerify,
          ...(intent.requestHeaders.length ? { request_headers: intent.requestHeaders } : {}),
          ...(intent.upstreamHeaders.length ? { upstream_headers: intent.upstreamHeaders } : {}),
          ...(intent.clientHeaders.length ? { client_headers: intent.clientHeaders } : {}),
        },
      };
    case 'ip-restriction':
      return { name: 'ip-restriction', config: intent.allow ? { whitelist: intent.allow } : { blacklist: intent.block } };
    case 'csrf':
      return { name: 'csrf', config: { key: intent.key } };
    case 'auth':
      return { name: intent.plugin, config: {} };
    case 'methods':
      // 405 for a method outside the allowed list, or inside the blocked one.
      return { name: 'fault-injection', config: { abort: { http_status: 405, vars: [[intent.allow ? ['request_method', '!', 'in', intent.allow] : ['request_method', 'in', intent.block]]] } } };
  }
}
