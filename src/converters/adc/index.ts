// IR → ADC declarative configuration, shaped as APISIX Ingress Controller 2.x translates an
// Ingress (one service with one route and an inline upstream per path, AIC's names, labels and
// CRC32 ids), keeping Ingress semantics where APISIX's matching differs (one-label wildcards,
// longest path first) and doing better than AIC where it can (default backends, both IP lists).
import { crc32Hex } from '../../common/crc32.js';
import { pathDialect } from '../../ir/dialect.js';
import type { Intent } from '../../ir/intents.js';
import type { Backend, Ingress, IngressPath, InputModel, TlsSecret } from '../../ir/model.js';
import type { DiagnosticSink } from '../../reporter/sink.js';
import { compareAge } from '../shared/age.js';
import { classifyIngresses, defaultIngressClass } from '../shared/classes.js';
import { ServiceIndex } from '../shared/services.js';
import { reportEcosystemForAdc } from '../shared/ecosystem.js';
import { checkAdc } from './validate.js';
import { aicPlugin } from '../apisix-plugins.js';
import { regexProblem } from '../../common/regex-syntax.js';
import { setOwn } from '../../parsers/drop-nulls.js';
import type { AdcConfiguration, AdcNode, AdcRoute, AdcService, AdcSsl, AdcUpstream, Labels, Plugins, Var } from './types.js';

export interface AdcOptions {
  ingressClasses?: readonly string[] | undefined;
  /** `crc32` (AIC's ids, the default) or `none` (ADC derives them). */
  ids?: 'crc32' | 'none' | undefined;
  /** `dns` (a node per Service DNS name, the default) or `kubernetes` (APISIX service discovery). */
  discovery?: 'dns' | 'kubernetes' | undefined;
}

const CONTROLLER = 'apisix.apache.org/apisix-ingress-controller';
const DESCRIPTION = 'Created by apisix-ingress-controller, DO NOT modify it manually';

function labelsOf(ingress: Ingress): Labels {
  return { 'k8s/controller-name': CONTROLLER, 'k8s/kind': 'Ingress', 'k8s/name': ingress.name, 'k8s/namespace': ingress.namespace, 'manager-by': 'apisix-ingress-controller' };
}

export function convertToAdc(model: InputModel, options: AdcOptions, sink: DiagnosticSink): AdcConfiguration {
  const services = new ServiceIndex(model.services);
  const classified = classifyIngresses(model.ingresses, defaultIngressClass(model.ingressClasses, sink), options.ingressClasses, sink);
  const id = (name: string) => (options.ids === 'none' ? {} : { id: crc32Hex(name) });
  const out: AdcService[] = [];
  const ssls: AdcSsl[] = [];
  const claimed = new Map<string, Ingress>();
  let defaultOwner: Ingress | undefined;
  /** Ingress precedence of each route's path: 2 × length, + 1 for Exact. */
  const pathLength = new Map<string, number>();
  // Prefix paths, and ImplementationSpecific ones of plain Ingresses (read as prefixes).
  const prefixes = new Set(
    classified.flatMap(({ ingress }) =>
      ingress.rules.flatMap((r) => r.paths.filter((p) => p.pathType === 'Prefix' || (p.pathType === 'ImplementationSpecific' && pathDialect(ingress).kind === 'plain')).map((p) => `${r.host ?? ''}\u0000${p.path}`)),
    ),
  );
  for (const { ingress } of [...classified].sort((a, b) => compareAge(a.ingress, b.ingress))) {
    reportEcosystemForAdc(ingress, sink);
    const plugins = pluginsOf(ingress, model, sink);
    const upstreamIntent = ingress.intents.find((i): i is Extract<Intent, { kind: 'upstream' }> => i.kind === 'upstream');
    const namespace = ingress.intents.find((i): i is Extract<Intent, { kind: 'service-namespace' }> => i.kind === 'service-namespace')?.namespace ?? ingress.namespace;
    const websocket = ingress.intents.some((i) => i.kind === 'websocket');
    const dialect = pathDialect(ingress);
    const labels = labelsOf(ingress);
    const upstreamFor = (backend: Backend, where: string): AdcUpstream | undefined => {
      if (backend.type === 'resource') {
        sink.add('annotation-not-converted', `${where}: resource backend ${backend.kind} ${backend.name} has no APISIX upstream (AIC skips it); the path is not converted`, { location: backend.location, object: ingress.ref });
        return undefined;
      }
      const port = resolvePort(backend, namespace, services, ingress, sink, where);
      if (port === undefined) return undefined;
      const upstream: AdcUpstream = { type: 'roundrobin', labels: { 'managed-by': 'apisix-ingress-controller' } };
      if (upstreamIntent?.scheme) upstream.scheme = upstreamIntent.scheme;
      if (upstreamIntent?.retries) upstream.retries = upstreamIntent.retries;
      if (upstreamIntent?.timeouts) upstream.timeout = { connect: upstreamIntent.timeouts.connect ?? 60, send: upstreamIntent.timeouts.send ?? 60, read: upstreamIntent.timeouts.read ?? 60 };
      if (options.discovery === 'kubernetes') {
        upstream.discovery_type = 'kubernetes';
        upstream.service_name = `${namespace}/${backend.name}:${port.name ?? port.number}`;
      } else {
        upstream.nodes = [{ host: `${backend.name}.${namespace}.svc.cluster.local`, port: port.number, weight: 1 } satisfies AdcNode];
      }
      return upstream;
    };

    ingress.rules.forEach((rule, i) => {
      rule.paths.forEach((path, j) => {
        // One controller serves every namespace: the oldest Ingress owns a host+path+type.
        // Keyed by meaning: a plain ImplementationSpecific path is the Prefix path it reads as.
        const effectiveType = path.pathType === 'ImplementationSpecific' && dialect.kind === 'plain' ? 'Prefix' : path.pathType;
        const key = `${rule.host ?? ''}\u0000${effectiveType}\u0000${path.path || '/'}`;
        const owner = claimed.get(key);
        if (owner) {
          sink.add('duplicate-path', `host ${rule.host ?? '(any)'} path ${JSON.stringify(path.path)} (${path.pathType}) is already routed by older Ingress ${owner.namespace}/${owner.name}; this path is not converted`, { location: path.location, object: ingress.ref });
          return;
        }
        claimed.set(key, ingress);
        // APISIX prefers an exact uri; Ingress prefers the longer Prefix "/foo/" for "/foo".
        const exactLiteral = path.pathType === 'Exact' || (path.pathType === 'ImplementationSpecific' && dialect.kind === 'apisix' && !dialect.regex && !path.path.endsWith('*'));
        if (exactLiteral && prefixes.has(`${rule.host ?? ''}\u0000${path.path}/`)) {
          sink.add('exact-path-shadowed', `Exact ${JSON.stringify(path.path)} is never chosen by Ingress: Prefix ${JSON.stringify(`${path.path}/`)} on the same host is longer and also matches it; left out so that ${JSON.stringify(path.path)} keeps reaching that backend`, { location: path.location, object: ingress.ref });
          return;
        }
        // AIC passes a use-regex path to APISIX as written; one that does not compile matches nothing.
        const problem = path.pathType === 'ImplementationSpecific' && dialect.kind === 'apisix' && dialect.regex ? regexProblem(path.path || '/') : undefined;
        if (problem) {
          sink.add('path-regex-invalid', `path ${JSON.stringify(path.path)} is not a regular expression (${problem}); APISIX never matches it, so the path is not converted`, { location: path.location, object: ingress.ref });
          return;
        }
        const upstream = upstreamFor(path.backend, `host ${rule.host ?? '(any)'} path ${JSON.stringify(path.path)}`);
        if (!upstream) return;
        if (path.pathType === 'ImplementationSpecific' && dialect.kind === 'plain') {
          const pattern = /[*()$^|+?[\]{}\\]/.test(path.path);
          sink.add(pattern ? 'implementation-specific-pattern' : 'implementation-specific-path', `path ${JSON.stringify(path.path)} (ImplementationSpecific) is converted as a prefix${pattern ? '; it looks like a pattern, and "*" is a wildcard in APISIX uris' : ''}`, { location: path.location, object: ingress.ref });
        }
        const name = `${ingress.namespace}_${ingress.name}_${i}-${j}`;
        const { uris, vars } = matchOf(path, dialect);
        const hostVars = rule.host?.startsWith('*.') ? [oneLabelHost(rule.host)] : [];
        const exactLike = path.pathType === 'Exact' || (path.pathType === 'ImplementationSpecific' && dialect.kind === 'apisix' && !dialect.regex && !path.path.endsWith('*'));
        // Exact paths above prefixes above regexes, whatever their length: APISIX's own order, and for
        // plain Ingresses the same as "longest first" (a matching Exact path is never shorter than a
        // matching Prefix, but for the unreachable Exact "/x" beside Prefix "/x/", left out above).
        const tier = (exactLike ? 2 : path.pathType === 'ImplementationSpecific' && dialect.kind === 'apisix' && dialect.regex ? 0 : 1) * 100000;
        pathLength.set(name, tier + (path.path || '/').length * 2 + (exactLike ? 1 : 0));
        const route: AdcRoute = {
          ...id(name),
          name,
          description: DESCRIPTION,
          labels,
          uris,
          ...(vars.length + hostVars.length > 0 ? { vars: [...vars, ...hostVars] } : {}),
          ...(websocket ? { enable_websocket: true } : {}),
          ...(Object.keys(plugins).length > 0 ? { plugins } : {}),
        };
        out.push({ ...id(name), name, labels, ...(rule.host ? { hosts: [rule.host.toLowerCase()] } : {}), upstream, routes: [route] });
      });
    });
    if (ingress.defaultBackend && defaultOwner) {
      sink.add('default-backend-conflict', `defaultBackend is not converted: older Ingress ${defaultOwner.namespace}/${defaultOwner.name} already sets the default backend`, { location: ingress.defaultBackend.location, object: ingress.ref });
    } else if (ingress.defaultBackend) {
      defaultOwner = ingress;
      // AIC ignores defaultBackend; a host-less catch-all route at the lowest priority keeps it.
      const upstream = upstreamFor(ingress.defaultBackend, 'defaultBackend');
      if (upstream) {
        const name = `${ingress.namespace}_${ingress.name}_default-backend`;
        out.push({ ...id(name), name, labels, upstream, routes: [{ ...id(name), name, description: DESCRIPTION, labels, uris: ['/*'], priority: -1 }] });
      }
    }
    ingress.tls.forEach((entry, k) => {
      if (!entry.secretName) {
        sink.add('tls-without-secret', `tls entry ${k} has no secretName (SNI routing with the controller's default certificate); an ADC ssl needs a certificate, so HTTPS for its hosts is not configured`, { location: entry.location, object: ingress.ref });
        return;
      }
      const snis = [...new Set((entry.hosts.length > 0 ? entry.hosts : ingress.rules.map((r) => r.host).filter((h): h is string => h !== undefined)).map((h) => h.toLowerCase()))].sort();
      if (entry.hosts.length === 0 && ingress.rules.some((r) => r.host === undefined) && snis.length > 0) {
        sink.add('tls-every-host', `tls entry ${k} covers the host-less rules too (every host), but an ADC ssl lists SNIs: only ${snis.join(', ')}`, { location: entry.location, object: ingress.ref });
      }
      if (snis.length === 0) {
        sink.add('tls-without-secret', `tls entry ${k} names no host and the Ingress has no rule hosts; an ADC ssl needs SNIs, so it is not converted`, { location: entry.location, object: ingress.ref });
        return;
      }
      const secret = model.secrets.find((s) => s.namespace === ingress.namespace && s.name === entry.secretName);
      ssls.push({ ...id(`Ingress_${ingress.namespace}_${ingress.name}_${k}`), labels, snis, certificates: [certificatesOf(secret, ingress, entry.secretName, entry.location, sink)] });
    });
  }
  prioritizeSharedPrefixes(out, pathLength);
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return checkAdc({ ...(out.length > 0 ? { services: out.sort(byName) } : {}), ...(ssls.length > 0 ? { ssls: ssls.sort((a, b) => (a.snis.join() < b.snis.join() ? -1 : a.snis.join() > b.snis.join() ? 1 : 0)) } : {}) }, sink);
}

function resolvePort(backend: Extract<Backend, { type: 'service' }>, namespace: string, services: ServiceIndex, ingress: Ingress, sink: DiagnosticSink, where: string): { number: number; name?: string } | undefined {
  const service = services.get(namespace, backend.name);
  if ('number' in backend.port) {
    const name = service?.ports.find((p) => p.port === (backend.port as { number: number }).number)?.name;
    return { number: backend.port.number, ...(name ? { name } : {}) };
  }
  const portName = backend.port.name;
  const port = service?.ports.find((p) => p.name === portName);
  if (!port) {
    sink.add(service ? 'service-port-not-found' : 'service-not-found', `${where}: port ${JSON.stringify(portName)} of Service ${namespace}/${backend.name} cannot be resolved; the path is not converted`, { location: backend.location, object: ingress.ref });
    return undefined;
  }
  return { number: port.port, name: portName };
}

/**
 * Route uris as AIC writes them, and regex paths as a vars condition; but a Prefix "/foo/" also
 * gets "/foo" (AIC leaves it out, though Ingress matches it), and ImplementationSpecific paths of
 * Ingresses that are not APISIX's keep their plain Prefix meaning.
 */
function matchOf(path: IngressPath, dialect: ReturnType<typeof pathDialect>): { uris: string[]; vars: Var[] } {
  const p = path.path === '' ? '/' : path.path;
  // "*" and "/:name" mean wildcards and parameters in APISIX uris; such literal paths go to vars.
  // The uri keeps the literal part before the first special character, so APISIX still ranks it by that prefix.
  const cut = Math.min(...[p.indexOf('*'), p.indexOf('/:') + 1].filter((i) => i > 0));
  const special = Number.isFinite(cut);
  const literalPrefix = special ? `${p.slice(0, cut)}*` : '';
  if (path.pathType === 'Exact') return special ? { uris: [literalPrefix], vars: [['uri', '==', p]] } : { uris: [p], vars: [] };
  if (path.pathType === 'Prefix' || dialect.kind === 'plain') {
    const trimmed = p.replace(/\/+$/, '');
    if (special) return { uris: [literalPrefix], vars: [['uri', '~~', `^${trimmed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/.*)?$`]] };
    return { uris: trimmed === '' ? ['/', '/*'] : [trimmed, `${trimmed}/*`], vars: [] };
  }
  if (dialect.regex) return { uris: ['/*'], vars: [['uri', '~~', p]] };
  return { uris: [p], vars: [] };
}

/** Ingress `*.example.com` matches exactly one label; APISIX's wildcard host matches more. */
function oneLabelHost(host: string): Var {
  return ['host', '~~', `^[^.]+${host.slice(1).replace(/\./g, '\\.')}$`];
}

/**
 * APISIX picks among routes that match with the same uri (exact, or the same "/x/*") by priority;
 * Ingress picks the longest path, then Exact over Prefix. Routes that share a uri get a priority
 * saying exactly that.
 */
function prioritizeSharedPrefixes(services: AdcService[], pathLength: ReadonlyMap<string, number>): void {
  const byUri = new Map<string, AdcRoute[]>();
  for (const s of services) {
    for (const r of s.routes) {
      if (r.priority !== undefined) continue;
      for (const uri of r.uris) {
        const key = `${(s.hosts ?? []).join(',')}\u0000${uri}`;
        byUri.set(key, [...(byUri.get(key) ?? []), r]);
      }
    }
  }
  const shared = new Set([...byUri.values()].filter((routes) => routes.length > 1).flat());
  // Longer Ingress path first; on equal length an Exact path first (the rank is 2 × length + 1 for Exact).
  for (const r of shared) r.priority = pathLength.get(r.name) ?? 0;
}

function certificatesOf(secret: TlsSecret | undefined, ingress: Ingress, secretName: string, location: Ingress['location'], sink: DiagnosticSink): { certificate: string; key: string } {
  if (secret?.certificate && secret.key) {
    sink.add('tls-key-material', `the ADC output now contains the private key of Secret ${secret.namespace}/${secret.name}; store and commit it as a secret`, { location, object: ingress.ref });
    return { certificate: secret.certificate, key: secret.key };
  }
  sink.add('tls-secret-reference', `Secret ${ingress.namespace}/${secretName} is not in the input; the ssl references it as $secret://kubernetes/${ingress.namespace}/${secretName}/tls.crt and tls.key, which APISIX must be able to resolve`, {
    location,
    object: ingress.ref,
    hint: 'configure an APISIX secret manager for it, or add the Secret to the input',
  });
  return { certificate: `$secret://kubernetes/${ingress.namespace}/${secretName}/tls.crt`, key: `$secret://kubernetes/${ingress.namespace}/${secretName}/tls.key` };
}

/** Route plugins exactly as AIC 2.x writes them for the Ingress's annotations. */
function pluginsOf(ingress: Ingress, model: InputModel, sink: DiagnosticSink): Plugins {
  // By name in a Map: a plugin may be named "__proto__", "constructor" or "toString" (an
  // ApisixPluginConfig says anything), which an object's assignment and `in` would mistake.
  const plugins = new Map<string, Record<string, unknown>>();
  for (const intent of ingress.intents) {
    switch (intent.kind) {
      case 'https-redirect':
        plugins.set('redirect', { http_to_https: true });
        break;
      case 'redirect':
        plugins.set('redirect', { uri: intent.url, ret_code: intent.statusCode });
        break;
      case 'rewrite-path':
        plugins.set('proxy-rewrite', { uri: intent.path });
        break;
      case 'rewrite-regex':
        plugins.set('proxy-rewrite', { regex_uri: [intent.pattern, intent.template] });
        break;
      case 'cors':
        plugins.set('cors', { allow_origins: intent.allowOrigins.join(','), allow_headers: intent.allowHeaders.join(','), allow_methods: intent.allowMethods.join(',') });
        break;
      case 'csrf':
      case 'methods':
      case 'auth':
      case 'ip-restriction':
      case 'forward-auth': {
        const { name, config } = aicPlugin(intent);
        plugins.set(name, config);
        break;
      }
      case 'response-rewrite':
        plugins.set('response-rewrite', {
          ...plugins.get('response-rewrite'),
          ...(intent.statusCode !== undefined ? { status_code: intent.statusCode } : {}),
          ...(intent.body !== undefined ? { body: intent.body, body_base64: intent.bodyBase64 } : {}),
        });
        break;
      case 'response-headers':
        plugins.set('response-rewrite', {
          ...plugins.get('response-rewrite'),
          headers: {
            ...(intent.add.length ? { add: intent.add.map((h) => `${h.name}:${h.value}`) } : {}),
            ...(intent.set.length ? { set: Object.fromEntries(intent.set.map((h) => [h.name, h.value])) } : {}),
            ...(intent.remove.length ? { remove: intent.remove } : {}),
          },
        });
        break;
      case 'plugin-config': {
        const config = model.apisixPluginConfigs.find((c) => c.namespace === ingress.namespace && c.name === intent.name);
        if (!config) {
          for (const a of intent.sources) sink.add('plugin-config-not-found', `ApisixPluginConfig ${ingress.namespace}/${intent.name} is not in the input; AIC 2.x would add no plugins`, { location: a.location, object: ingress.ref, annotation: a.key });
          break;
        }
        // Inlined first: annotation plugins override same-named ones.
        for (const p of config.plugins.filter((x) => x.enable)) if (!plugins.has(p.name)) plugins.set(p.name, p.config);
        break;
      }
      default:
        break; // upstream, websocket, regex-paths, service-namespace: not plugins
    }
  }
  const out: Plugins = {};
  for (const [name, config] of plugins) setOwn(out, name, config);
  return out;
}
