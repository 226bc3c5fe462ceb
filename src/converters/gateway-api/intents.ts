// Intents (from controller annotations) → what every rule of that Ingress gets: filters, a
// redirect, timeouts, a backend namespace; and, for the APISIX Ingress Controller target, a
// PluginConfig and BackendTrafficPolicies. What the output cannot say is reported per annotation.
import { dnsName } from '../../common/names.js';
import { aicPlugin, type PluginIntent } from '../apisix-plugins.js';
import { shownValue } from '../../reporter/values.js';
import type { Intent, SourceAnnotation } from '../../ir/intents.js';
import type { ApisixPluginConfig, Ingress } from '../../ir/model.js';
import type { DiagnosticSink } from '../../reporter/sink.js';
import { APISIX_GROUP, type BackendTrafficPolicy, type HTTPHeader, type HTTPRouteFilter, type PluginConfig } from './types.js';
import { filterProblems, headerProblems } from './validate.js';

/** `standard`: Gateway API only; `apisix`: also the APISIX Ingress Controller 2.x extension kinds. */
export type ExtensionMode = 'standard' | 'apisix';

export interface IngressPlan {
  /** Filters of every rule of the Ingress (a redirect rule keeps all but URLRewrite). */
  filters: HTTPRouteFilter[];
  /** http-redirect: every rule redirects instead of proxying. */
  redirect?: Extract<HTTPRouteFilter, { type: 'RequestRedirect' }>;
  /** http-to-https: HTTP requests are redirected, HTTPS ones proxied. */
  httpsRedirect: boolean;
  timeouts?: { backendRequest: string };
  /** svc-namespace: where the backend Services live. */
  serviceNamespace?: string;
  pluginConfig?: PluginConfig;
  /** Upstream settings for a BackendTrafficPolicy per backend Service (apisix mode). */
  upstream?: Extract<Intent, { kind: 'upstream' }>;
}

const AIC_TARGET = '--target apisix-ingress-controller@2';
const redirectCodes = new Set([301, 302, 303, 307, 308]);
const corsOrigin = /(^\*$)|(^(http(s)?):\/\/(((\*\.)?([a-zA-Z0-9-]+\.)*[a-zA-Z0-9-]+|\*)(:([0-9]{1,5}))?)$)/;
const corsMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH', '*']);
const headerToken = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;

export function planIngress(ingress: Ingress, mode: ExtensionMode, pluginConfigs: readonly ApisixPluginConfig[], sink: DiagnosticSink): IngressPlan {
  const plan: IngressPlan = { filters: [], httpsRedirect: false };
  const plugins: { name: string; config?: Record<string, unknown> }[] = [];
  const report = (sources: readonly SourceAnnotation[], code: ReportCode | 'annotation-no-effect' | 'plugin-config-not-found', message: string) => {
    for (const a of sources) sink.add(code, `${a.key}=${shownValue(a)}: ${message}`, { location: a.location, object: ingress.ref, annotation: a.key });
  };
  const notExpressible = (intent: Intent, what: string, inApisix: string | undefined) =>
    report(intent.sources, 'annotation-not-converted', `${what} cannot be expressed in standard Gateway API${inApisix ? `; ${AIC_TARGET} emits ${inApisix}` : ''}`);
  const plugin = (intent: Intent, what: string, name: string, config: Record<string, unknown>) => {
    if (mode === 'apisix') plugins.push({ name, config });
    else notExpressible(intent, what, `the ${name} plugin in a PluginConfig`);
  };
  /**
   * Can Gateway API hold the filter an annotation became? A value the annotation takes but the
   * filter cannot (a 1,100-character rewrite, a redirect to port 0) leaves this filter out, not
   * the route that the Ingress shares with others.
   */
  const fits = <F extends HTTPRouteFilter>(filter: F, sources: readonly SourceAnnotation[]): F | undefined => {
    const problems = filterProblems(filter);
    if (problems.length === 0) return filter;
    report(sources, 'gateway-api-limit', `Gateway API cannot hold the ${filter.type} filter this becomes (${problems.join('; ')}); left out, the rest of the route is converted`);
    return undefined;
  };
  const responseHeaders: { add: HTTPHeader[]; set: HTTPHeader[]; remove: string[]; sources: SourceAnnotation[] } = { add: [], set: [], remove: [], sources: [] };
  let responseRewrite: Extract<Intent, { kind: 'response-rewrite' }> | undefined;

  for (const intent of ingress.intents) {
    switch (intent.kind) {
      case 'https-redirect':
        // AIC ignores sectionName (by default), so listener-split routes would both match on both
        // ports; its own redirect plugin does what the annotation did.
        if (mode === 'apisix') plugins.push({ name: 'redirect', config: { http_to_https: true } });
        else {
          plan.httpsRedirect = true;
          report(intent.sources, 'annotation-caveat', 'APISIX skips this redirect when X-Forwarded-Proto says https (TLS terminated in front of it); a RequestRedirect on the HTTP listener always fires, so behind such a load balancer requests loop');
        }
        break;
      case 'redirect': {
        if (mode === 'apisix') {
          // AIC drops RequestRedirect.path; the redirect plugin keeps the URL as written.
          plugins.push({ name: 'redirect', config: { uri: intent.url, ret_code: intent.statusCode } });
          break;
        }
        const filter = redirectFilter(intent.url, intent.statusCode);
        if (typeof filter === 'string') notExpressible(intent, `redirect to ${JSON.stringify(intent.url)} (${filter})`, undefined);
        else if (fits(filter, intent.sources)) {
          if (filter.requestRedirect.statusCode !== intent.statusCode) report(intent.sources, 'annotation-caveat', `status ${intent.statusCode} is not a Gateway API redirect code; redirecting with ${filter.requestRedirect.statusCode}`);
          plan.redirect = filter;
        }
        break;
      }
      case 'rewrite-path':
        // APISIX resolves $variables in the uri; Gateway API would take them literally.
        if (intent.path.includes('$')) plugin(intent, 'a rewrite with APISIX variables', 'proxy-rewrite', { uri: intent.path });
        else {
          const filter = fits({ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: intent.path } } }, intent.sources);
          if (filter) plan.filters.push(filter);
        }
        break;
      case 'rewrite-regex':
        plugin(intent, 'a regular-expression rewrite', 'proxy-rewrite', { regex_uri: [intent.pattern, intent.template] });
        break;
      case 'regex-paths':
        report(intent.sources, 'annotation-caveat', 'ImplementationSpecific paths become RegularExpression matches; APISIX searches the regex anywhere in the path, Gateway implementations usually match the whole path');
        break;
      case 'response-headers':
        responseHeaders.add.push(...intent.add);
        responseHeaders.set.push(...intent.set);
        responseHeaders.remove.push(...intent.remove);
        responseHeaders.sources.push(...intent.sources);
        break;
      case 'response-rewrite':
        responseRewrite = intent;
        break;
      case 'cors': {
        // APISIX compares origins literally: "https://*.a.com" matched no browser's Origin, while the filter would read it as a wildcard.
        const origins = intent.allowOrigins.filter((o) => corsOrigin.test(o) && !o.includes('*.'));
        const methods = intent.allowMethods.map((m) => m.toUpperCase()).filter((m) => corsMethods.has(m));
        const headers = intent.allowHeaders.filter((h) => h === '*' || headerToken.test(h));
        const dropped = [...intent.allowOrigins.filter((o) => !origins.includes(o)), ...intent.allowMethods.filter((m) => !methods.includes(m.toUpperCase())), ...intent.allowHeaders.filter((h) => !headers.includes(h))];
        if (dropped.length > 0) report(intent.sources, 'annotation-caveat', `the CORS filter cannot hold ${dropped.map((d) => JSON.stringify(d)).join(', ')}; left out`);
        const alone = (list: string[]) => (list.includes('*') ? ['*'] : list);
        const filter = fits({ type: 'CORS', cors: { allowOrigins: alone(origins.length ? origins : ['*']), allowMethods: alone(methods.length ? methods : ['*']), allowHeaders: alone(headers.length ? headers : ['*']) } }, intent.sources);
        if (filter) plan.filters.push(filter);
        break;
      }
      case 'forward-auth':
      case 'ip-restriction':
      case 'csrf':
      case 'auth':
      case 'methods': {
        const { name, config } = aicPlugin(intent);
        plugin(intent, pluginPurpose(intent), name, config);
        if (intent.kind === 'auth' && mode === 'apisix') report(intent.sources, 'annotation-caveat', `${intent.plugin} only admits consumers (Consumer or ApisixConsumer of the same ingress class); they are not generated`);
        break;
      }
      case 'upstream':
        planUpstream(intent, mode, plan, report);
        break;
      case 'websocket':
        report(
          intent.sources,
          'annotation-caveat',
          mode === 'apisix'
            ? 'AIC 2.x enables WebSocket for HTTPRoutes from the backend Service port appProtocol kubernetes.io/ws (or kubernetes.io/wss); set it on the Service'
            : 'Gateway API has no WebSocket switch: most implementations proxy upgrades by default, some need their own policy',
        );
        break;
      case 'plugin-config': {
        const config = pluginConfigs.find((c) => c.namespace === ingress.namespace && c.name === intent.name);
        if (config && mode !== 'apisix') {
          notExpressible(intent, `the plugins of ApisixPluginConfig ${intent.name}`, 'its enabled plugins in a PluginConfig');
          break;
        }
        if (!config) {
          report(intent.sources, 'plugin-config-not-found', `ApisixPluginConfig ${ingress.namespace}/${intent.name} is not in the input; AIC 2.x would add no plugins`);
          break;
        }
        // Filters become same-named APISIX plugins in AIC; the annotation's must win, as on Ingress.
        const byFilters = new Set(ingress.intents.flatMap((i) => (i.kind === 'cors' ? ['cors'] : i.kind === 'response-headers' ? ['response-rewrite'] : i.kind === 'rewrite-path' ? ['proxy-rewrite'] : [])));
        for (const p of config.plugins.filter((x) => x.enable)) {
          if (p.secretRef) report(intent.sources, 'annotation-caveat', `plugin ${p.name} of ${config.name} takes part of its config from Secret ${p.secretRef}, which is not inlined`);
          if (byFilters.has(p.name)) {
            report(intent.sources, 'annotation-caveat', `plugin ${p.name} of ${config.name} is left out: an annotation of the Ingress sets it, and annotation plugins override ApisixPluginConfig ones`);
            continue;
          }
          // Annotation plugins override same-named ones (AIC 2.x).
          if (!plugins.some((x) => x.name === p.name)) plugins.unshift({ name: p.name, config: p.config });
        }
        break;
      }
      case 'service-namespace':
        plan.serviceNamespace = intent.namespace;
        break;
    }
  }

  if (responseRewrite) {
    const config: Record<string, unknown> = {
      ...(responseRewrite.statusCode !== undefined ? { status_code: responseRewrite.statusCode } : {}),
      ...(responseRewrite.body !== undefined ? { body: responseRewrite.body, body_base64: responseRewrite.bodyBase64 } : {}),
    };
    if (mode === 'apisix' && responseHeaders.sources.length > 0) {
      // One response-rewrite plugin: AIC would let a filter's response-rewrite and the PluginConfig's overwrite each other.
      config['headers'] = { ...(responseHeaders.add.length ? { add: responseHeaders.add.map((h) => `${h.name}:${h.value}`) } : {}), ...(responseHeaders.set.length ? { set: Object.fromEntries(responseHeaders.set.map((h) => [h.name, h.value])) } : {}), ...(responseHeaders.remove.length ? { remove: responseHeaders.remove } : {}) };
      responseHeaders.sources = [];
    }
    plugin(responseRewrite, 'replacing the response status or body', 'response-rewrite', config);
  }
  if (responseHeaders.sources.length > 0) {
    const filter = responseHeaderFilter(responseHeaders, report);
    if (filter) plan.filters.push(filter);
  }
  if (plugins.length > 0) {
    const name = dnsName(`${ingress.name}-apisix-plugins`);
    plan.pluginConfig = { apiVersion: 'apisix.apache.org/v1alpha1', kind: 'PluginConfig', metadata: { name, namespace: ingress.namespace }, spec: { plugins } };
    plan.filters.push({ type: 'ExtensionRef', extensionRef: { group: APISIX_GROUP, kind: 'PluginConfig', name } });
  }
  return plan;
}

/** What a plugin intent does, for "… cannot be expressed" findings. */
function pluginPurpose(intent: PluginIntent): string {
  switch (intent.kind) {
    case 'forward-auth':
      return 'forward authentication';
    case 'ip-restriction':
      return 'restricting client IP addresses';
    case 'csrf':
      return 'CSRF protection';
    case 'auth':
      return `${intent.plugin} authentication`;
    case 'methods':
      return intent.allow ? 'allowing only some request methods' : 'blocking request methods';
  }
}


type ReportCode = 'annotation-not-converted' | 'annotation-caveat' | 'gateway-api-limit';
type Report = (sources: readonly SourceAnnotation[], code: ReportCode, message: string) => void;

function planUpstream(intent: Extract<Intent, { kind: 'upstream' }>, mode: ExtensionMode, plan: IngressPlan, report: Report): void {
  if (mode === 'apisix') {
    plan.upstream = intent;
    return;
  }
  const timeoutKeys = intent.sources.filter((a) => a.key.endsWith('-timeout'));
  const otherKeys = intent.sources.filter((a) => !a.key.endsWith('-timeout'));
  if (intent.timeouts) {
    const read = intent.timeouts.read ?? 60;
    plan.timeouts = { backendRequest: `${read}s` };
    report(timeoutKeys, 'annotation-caveat', `rules[].timeouts.backendRequest ${read}s bounds each backend request as a whole; APISIX's separate connect/send/read timeouts (unset: 60s) have no Gateway API equivalent, and AIC ignores rules[].timeouts (use ${AIC_TARGET} for a BackendTrafficPolicy)`);
  }
  if (otherKeys.length > 0) report(otherKeys, 'annotation-not-converted', `the upstream scheme and retries cannot be expressed in standard Gateway API; ${AIC_TARGET} emits a BackendTrafficPolicy`);
}

/** Gateway API's limit on each list of a header modifier. */
const MAX_HEADER_CHANGES = 16;

function responseHeaderFilter(h: { add: HTTPHeader[]; set: HTTPHeader[]; remove: string[]; sources: SourceAnnotation[] }, report: Report): HTTPRouteFilter | undefined {
  // Each list comes from its own annotation: a header Gateway API cannot hold is reported there.
  const sourceOf = (list: 'add' | 'set' | 'remove') => h.sources.filter((a) => a.key.endsWith(`response-rewrite-${list}-header`));
  // Gateway API allows one action per header name; the first one wins, as in a list-map.
  const seen = new Set<string>();
  const once = <T>(items: T[], nameOf: (t: T) => string, list: 'add' | 'set' | 'remove', problemsOf: (t: T) => string[]): T[] => {
    const kept = items.filter((item) => {
      const problems = problemsOf(item);
      if (problems.length > 0) {
        report(sourceOf(list), 'gateway-api-limit', `Gateway API cannot hold the header change ${JSON.stringify(nameOf(item))} (${problems.join('; ')}); left out`);
        return false;
      }
      const name = nameOf(item).toLowerCase();
      if (seen.has(name)) {
        report(h.sources, 'annotation-caveat', `header ${nameOf(item)} is changed more than once; Gateway API allows one change per header, the later ones are left out`);
        return false;
      }
      seen.add(name);
      return true;
    });
    if (kept.length > MAX_HEADER_CHANGES) report(sourceOf(list), 'gateway-api-limit', `${kept.length} headers to ${list}; Gateway API holds ${MAX_HEADER_CHANGES}, the others (${kept.slice(MAX_HEADER_CHANGES).map((x) => JSON.stringify(nameOf(x))).join(', ')}) are left out`);
    return kept.slice(0, MAX_HEADER_CHANGES);
  };
  const set = once(h.set, (x) => x.name, 'set', headerProblems);
  const add = once(h.add, (x) => x.name, 'add', headerProblems);
  const remove = once(h.remove, (x) => x, 'remove', (x) => headerProblems({ name: x, value: 'x' }));
  if (add.length + set.length + remove.length === 0) return undefined;
  return { type: 'ResponseHeaderModifier', responseHeaderModifier: { ...(add.length ? { add } : {}), ...(set.length ? { set } : {}), ...(remove.length ? { remove } : {}) } };
}

/** `https://host:8443/path` → RequestRedirect parts; a string says why it cannot be one. */
function redirectFilter(target: string, statusCode: number): Extract<HTTPRouteFilter, { type: 'RequestRedirect' }> | string {
  if (target.includes('$')) return 'APISIX variables have no Gateway API equivalent';
  const code = (redirectCodes.has(statusCode) ? statusCode : 301) as 301 | 302 | 303 | 307 | 308;
  if (target.startsWith('/')) {
    if (target.includes('?') || target.includes('#')) return 'a query or fragment cannot be set';
    return { type: 'RequestRedirect', requestRedirect: { path: { type: 'ReplaceFullPath', replaceFullPath: target }, statusCode: code } };
  }
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return 'not a URL or absolute path';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `scheme ${url.protocol} cannot be redirected to`;
  if (url.search || url.hash || url.username) return 'a query, fragment or user cannot be set';
  const scheme = url.protocol === 'https:' ? 'https' : 'http';
  return {
    type: 'RequestRedirect',
    requestRedirect: {
      scheme,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: { type: 'ReplaceFullPath', replaceFullPath: url.pathname || '/' },
      statusCode: code,
    },
  };
}

/** BackendTrafficPolicy for a Service that an Ingress with upstream annotations uses. */
export function backendTrafficPolicy(namespace: string, service: string, upstream: Extract<Intent, { kind: 'upstream' }>): BackendTrafficPolicy {
  const t = upstream.timeouts;
  return {
    apiVersion: 'apisix.apache.org/v1alpha1',
    kind: 'BackendTrafficPolicy',
    metadata: { name: dnsName(`${service}-upstream`), namespace },
    spec: {
      targetRefs: [{ group: '', kind: 'Service', name: service }],
      ...(upstream.scheme ? { scheme: upstream.scheme } : {}),
      ...(upstream.retries ? { retries: upstream.retries } : {}),
      ...(t ? { timeout: { ...(t.connect ? { connect: `${t.connect}s` } : {}), ...(t.read ? { read: `${t.read}s` } : {}), ...(t.send ? { send: `${t.send}s` } : {}) } } : {}),
    },
  };
}
