// IR → Gateway API: choose classes, group Ingresses by the Gateway they land on, then build that
// Gateway's listeners, routes, default-backend route and ReferenceGrants.
import { allocateNamespacedNames, dnsName, hostSlug, MAX_LABEL_NAME, MAX_OBJECT_NAME, withSuffix } from '../../common/names.js';
import type { Ingress, InputModel } from '../../ir/model.js';
import type { DiagnosticSink } from '../../reporter/sink.js';
import { toBackendRef } from './backends.js';
import { compareAge } from '../shared/age.js';
import { ServiceIndex } from '../shared/services.js';
import { classifyIngresses, defaultIngressClass, type ClassifiedIngress } from '../shared/classes.js';
import { gatewaysNeeded, planGateways, referenceGrantsFor, type GatewayPlan } from './gateways.js';
import { collectTlsHosts, describeHost } from './listeners.js';
import type { GatewayApiOptions } from './options.js';
import { collectRoutes, type HostRoutes } from './routes.js';
import { GATEWAY_API_GROUP, GATEWAY_API_VERSION, type BackendTrafficPolicy, type Gateway, type GatewayApiObject, type HTTPRoute, type HTTPRouteRule, type ParentReference, type PluginConfig, type ReferenceGrant } from './types.js';
import { backendTrafficPolicy, planIngress, type IngressPlan } from './intents.js';
import { ConversionTrace } from './trace.js';
import { EcosystemAnnotations } from './ecosystem.js';
import { reportIngressOnly } from '../shared/ecosystem.js';
import { checkEmitted } from './validate.js';
import { convertPath } from './paths.js';
import { shownList } from '../../reporter/values.js';
import { appendTo } from '../../common/multimap.js';
import { pathDialect } from '../../ir/dialect.js';

export type { GatewayApiOptions } from './options.js';
export type { GatewayApiObject } from './types.js';
export { ConversionTrace, type GatewayScope } from './trace.js';

export const MAX_RULES_PER_ROUTE = 16;

/** A route before it is named: names are allocated per namespace once all routes are known. */
interface RouteDraft {
  namespace: string;
  wanted: string;
  identity: string;
  hostnames: string[] | undefined;
  parentRefs: ParentReference[];
  rules: HTTPRouteRule[];
  annotations: Record<string, string> | undefined;
}

export function convertToGatewayApi(model: InputModel, options: GatewayApiOptions, sink: DiagnosticSink, trace: ConversionTrace = new ConversionTrace()): GatewayApiObject[] {
  const services = new ServiceIndex(model.services);
  const classified = classifyIngresses(model.ingresses, defaultIngressClass(model.ingressClasses, sink), options.ingressClasses, sink);
  const objects: GatewayApiObject[] = [];
  const drafts: RouteDraft[] = [];

  if (!options.sharedGateway) reportHostsAcrossNamespaces(classified, sink);
  const emitGateway = !options.sharedGateway || options.createSharedGateway === true;
  const groups = groupByGateway(classified, options, sink).map((group) => {
    const ingresses = group.members.map((m) => m.ingress).sort(compareAge);
    const tlsHosts = collectTlsHosts(ingresses, sink);
    // A Gateway we do not generate is never split: routes just name it.
    return { ...group, ingresses, tlsHosts, gatewayNames: [] as string[], gatewayCount: emitGateway ? gatewaysNeeded(tlsHosts) : 1 };
  });
  nameGateways(groups, options);

  const mode = options.apisixExtensions ? 'apisix' : 'standard';
  const plans = new Map(classified.map(({ ingress }) => [ingress, planIngress(ingress, mode, model.apisixPluginConfigs, sink)]));
  const extensions = new ExtensionObjects(sink);
  const ecosystem = new EcosystemAnnotations(sink);

  for (const group of groups) {
    const { ingresses, tlsHosts } = group;
    if (trace.enabled) trace.scopes.push({ key: group.key, ingresses, gateways: group.gatewayNames.map((name) => ({ namespace: group.plan.namespace, name })) });
    for (const ingress of ingresses) reportIngressOnly(ingress, sink);
    let gateways: Gateway[] = [];
    if (emitGateway) {
      gateways = planGateways(group.plan, group.gatewayNames, tlsHosts, sink, trace).objects;
      const gateway = `${group.plan.namespace}/${group.plan.name}`;
      const annotations = ecosystem.annotationsFor(ingresses, 'Gateway', `Gateway ${gateway}`);
      if (annotations) for (const g of gateways) g.metadata.annotations = { ...annotations };
      ecosystem.reportCertificates(gateway, group.plan.namespace, annotations, tlsHosts);
      objects.push(...gateways, ...referenceGrantsFor(group.plan, tlsHosts));
    } else {
      ecosystem.reportSharedGateway(ingresses, `${group.plan.namespace}/${group.plan.name}`);
      for (const tls of tlsHosts) {
        sink.add('tls-on-shared-gateway', `${describeHost(tls.host)} needs an HTTPS listener on Gateway ${group.plan.namespace}/${group.plan.name} with certificate Secret ${tls.secret.namespace}/${tls.secret.name}`, {
          location: tls.location,
          object: tls.ingress.ref,
          hint: 'add the listener to the shared Gateway (and a ReferenceGrant when the Secret is in another namespace), or use --create-gateway',
        });
      }
    }
    // Every route attaches to every Gateway of the group: after a split, wildcard and host-less
    // routes must still serve the hosts whose HTTPS listeners moved to another Gateway.
    const parentRefs = group.gatewayNames.map((name): ParentReference => (options.sharedGateway ? { name, namespace: group.plan.namespace } : { name }));
    const parentsFor = (routes: HostRoutes): ParentReference[] => {
      if (routes.attachment === 'any') return parentRefs;
      if (!emitGateway) return parentRefs.map((p) => ({ ...p, port: routes.attachment === 'http' ? 80 : 443 }));
      const refs = gateways.flatMap((g) =>
        g.spec.listeners
          .filter((l) => (routes.attachment === 'http' ? l.protocol === 'HTTP' : l.protocol === 'HTTPS' && listenerServes(l.hostname, routes.host)))
          .map((l): ParentReference => ({ ...(options.sharedGateway ? { namespace: group.plan.namespace } : {}), name: g.metadata.name, sectionName: l.name })),
      );
      if (refs.length === 0) reportNoHttpsListener(routes, sink);
      return refs;
    };
    for (const routes of collectRoutes(ingresses, services, sink, trace, plans)) {
      const parents = parentsFor(routes);
      if (parents.length > 0) drafts.push(...draftRoutes(routes, group.key, parents, sink, ecosystem.annotationsFor(routes.ingresses, 'HTTPRoute', `the HTTPRoute of ${describeHost(routes.host)} in namespace ${routes.namespace}`)));
    }
    const fallback = defaultBackendRoute(ingresses, services, sink, parentRefs, trace, plans, ecosystem);
    if (fallback) drafts.push(fallback);
    for (const ingress of ingresses) extensions.add(ingress, plans.get(ingress)!);
  }

  const routes = nameRoutes(drafts);
  extensions.reportSharedServices(classified.map((c) => c.ingress), plans);
  objects.push(...routes, ...extensions.objects(), ...backendReferenceGrants(routes));
  ecosystem.reportUnrouted(classified.map((c) => c.ingress));
  ecosystem.reportSetup();
  return checkEmitted(objects, sink);
}

/** Does a listener with this hostname serve requests for the route's host (or any host)? */
function listenerServes(listenerHost: string | undefined, routeHost: string | undefined): boolean {
  if (listenerHost === undefined || routeHost === undefined) return true;
  if (listenerHost === routeHost) return true;
  return listenerHost.startsWith('*.') && routeHost.endsWith(listenerHost.slice(1));
}

function reportNoHttpsListener(routes: HostRoutes, sink: DiagnosticSink): void {
  const source = routes.owner.intents.find((i) => i.kind === 'https-redirect')?.sources[0];
  sink.add('annotation-caveat', `${describeHost(routes.host)}: http-to-https redirects HTTP requests to HTTPS, but no tls entry gives this host an HTTPS listener, so its backends are not reachable`, {
    ...(source ? { location: source.location, annotation: source.key } : { location: routes.owner.location }),
    object: routes.owner.ref,
    hint: 'add a tls entry for the host',
  });
}

/** Backends in another namespace (svc-namespace) need a ReferenceGrant there, from the routes' namespace. */
function backendReferenceGrants(routes: readonly HTTPRoute[]): ReferenceGrant[] {
  const wanted = new Map<string, Set<string>>();
  for (const route of routes) {
    for (const rule of route.spec.rules) {
      for (const ref of rule.backendRefs) {
        if (!ref.namespace || ref.namespace === route.metadata.namespace) continue;
        const key = `${ref.namespace}\u0000${route.metadata.namespace}`;
        wanted.set(key, (wanted.get(key) ?? new Set()).add(ref.name));
      }
    }
  }
  return [...wanted].map(([key, names]) => {
    const [to, from] = key.split('\u0000') as [string, string];
    return {
      apiVersion: GATEWAY_API_VERSION,
      kind: 'ReferenceGrant',
      metadata: { name: dnsName(`from-${from}-httproutes`), namespace: to },
      spec: {
        from: [{ group: GATEWAY_API_GROUP, kind: 'HTTPRoute', namespace: from }],
        to: [...names].sort().slice(0, 16).map((name) => ({ group: '', kind: 'Service', name })),
      },
    };
  });
}

/** PluginConfigs and BackendTrafficPolicies (APISIX Ingress Controller target), one per name. */
class ExtensionObjects {
  private readonly byKey = new Map<string, { object: PluginConfig | BackendTrafficPolicy; owner: Ingress }>();

  constructor(private readonly sink: DiagnosticSink) {}

  add(ingress: Ingress, plan: IngressPlan): void {
    if (plan.pluginConfig) this.keep(plan.pluginConfig, ingress);
    if (!plan.upstream) return;
    const namespace = plan.serviceNamespace ?? ingress.namespace;
    // A Service name Gateway API cannot reference (over 253 characters): its paths are reported and left out, so is its policy.
    const names = new Set([...ingress.rules.flatMap((r) => r.paths.map((p) => p.backend)), ...(ingress.defaultBackend ? [ingress.defaultBackend] : [])].filter((b) => b.type === 'service' && b.name.length <= MAX_OBJECT_NAME).map((b) => b.name));
    for (const name of [...names].sort()) {
      this.keep(backendTrafficPolicy(namespace, name, plan.upstream), ingress, plan.upstream.sources);
    }
  }

  private keep(object: PluginConfig | BackendTrafficPolicy, owner: Ingress, sources: readonly { key: string; location: Ingress['location'] }[] = []): void {
    const key = `${object.kind}/${object.metadata.namespace}/${object.metadata.name}`;
    const existing = this.byKey.get(key);
    if (!existing) {
      this.byKey.set(key, { object, owner });
      return;
    }
    if (JSON.stringify(existing.object.spec) === JSON.stringify(object.spec)) return;
    for (const a of sources) {
      this.sink.add('annotation-caveat', `Service ${object.metadata.namespace}/${(object as BackendTrafficPolicy).spec.targetRefs?.[0]?.name ?? object.metadata.name} already gets other upstream settings from Ingress ${existing.owner.namespace}/${existing.owner.name} (older); one BackendTrafficPolicy per Service, these settings are not used`, {
        location: a.location,
        object: owner.ref,
        annotation: a.key,
      });
    }
  }

  /** A BackendTrafficPolicy tunes the whole Service: say so when Ingresses without these annotations use it too. */
  reportSharedServices(ingresses: readonly Ingress[], plans: ReadonlyMap<Ingress, IngressPlan>): void {
    // Ingresses without upstream settings, by the Services their rules send to (in input order).
    const usersOf = new Map<string, Ingress[]>();
    for (const i of ingresses) {
      const plan = plans.get(i);
      if (plan?.upstream) continue;
      const namespace = plan?.serviceNamespace ?? i.namespace;
      const keys = new Set(i.rules.flatMap((r) => r.paths.flatMap((p) => (p.backend.type === 'service' ? [`${namespace}\u0000${p.backend.name}`] : []))));
      for (const key of keys) appendTo(usersOf, key, i);
    }
    for (const { object, owner } of this.byKey.values()) {
      if (object.kind !== 'BackendTrafficPolicy') continue;
      const service = object.spec.targetRefs[0]!.name;
      const others = (usersOf.get(`${object.metadata.namespace}\u0000${service}`) ?? []).filter((i) => i !== owner);
      if (others.length === 0) continue;
      for (const a of plans.get(owner)?.upstream?.sources ?? []) {
        this.sink.add('annotation-caveat', `BackendTrafficPolicy ${object.metadata.name} applies to Service ${object.metadata.namespace}/${service} as a whole, so also to ${shownList(others.map((i) => `Ingress ${i.namespace}/${i.name}`))}, which does not set these upstream annotations`, {
          location: a.location,
          object: owner.ref,
          annotation: a.key,
        });
      }
    }
  }

  objects(): (PluginConfig | BackendTrafficPolicy)[] {
    return [...this.byKey.values()].map((e) => e.object);
  }
}

interface GatewayGroup {
  /** `namespace/class`, or `` for the shared Gateway. */
  key: string;
  plan: GatewayPlan;
  members: ClassifiedIngress[];
}

/** One Gateway per (namespace, class), or one shared Gateway for everything. */
function groupByGateway(classified: readonly ClassifiedIngress[], options: GatewayApiOptions, sink: DiagnosticSink): GatewayGroup[] {
  const groups = new Map<string, GatewayGroup>();
  const shared = options.sharedGateway;
  const sharedClass = shared ? sharedGatewayClass(classified, options, sink) : undefined;
  for (const member of classified) {
    const key = shared ? '' : `${member.ingress.namespace}/${member.className}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        plan: shared
          ? { namespace: shared.namespace, name: shared.name, gatewayClassName: sharedClass!, allowAllNamespaces: true }
          : { namespace: member.ingress.namespace, name: dnsName(member.className, MAX_LABEL_NAME), gatewayClassName: options.gatewayClass ?? dnsName(member.className), allowAllNamespaces: false },
        members: [],
      };
      groups.set(key, group);
    }
    group.members.push(member);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
}

/**
 * Gateway names: the class name, plus `-2`, `-3`… for split Gateways. Generated names are
 * allocated per namespace, so a split `nginx-2` and a class `nginx-2` cannot collide; the shared
 * Gateway keeps the name the user gave.
 */
function nameGateways(groups: (GatewayGroup & { gatewayCount: number; gatewayNames: string[] })[], options: GatewayApiOptions): void {
  const claims = groups.flatMap((group) =>
    Array.from({ length: group.gatewayCount }, (_, i) => ({
      group,
      index: i,
      namespace: group.plan.namespace,
      wanted: i === 0 ? group.plan.name : withSuffix(group.plan.name, String(i + 1), MAX_LABEL_NAME),
      identity: `${group.key}#${i + 1}`,
    })),
  );
  const names = options.sharedGateway ? new Map(claims.map((c) => [c, c.wanted])) : allocateNamespacedNames(claims, MAX_LABEL_NAME);
  for (const claim of claims) claim.group.gatewayNames[claim.index] = names.get(claim)!;
  for (const group of groups) group.plan.name = group.gatewayNames[0]!;
}

/**
 * One controller served every namespace of a class; per-namespace Gateways do not. A host used in
 * several namespaces of one class is said once, at its first rule in each later namespace.
 */
function reportHostsAcrossNamespaces(classified: readonly ClassifiedIngress[], sink: DiagnosticSink): void {
  const byHost = new Map<string, Map<string, { ingress: Ingress; rule: Ingress['rules'][number] }>>();
  for (const { ingress, className } of classified) {
    for (const rule of ingress.rules) {
      if (rule.host === undefined) continue;
      const key = `${className}\u0000${rule.host}`;
      const namespaces = byHost.get(key) ?? new Map();
      if (!namespaces.has(ingress.namespace)) namespaces.set(ingress.namespace, { ingress, rule });
      byHost.set(key, namespaces);
    }
  }
  for (const [key, namespaces] of byHost) {
    if (namespaces.size < 2) continue;
    const [className, host] = key.split('\u0000');
    const names = [...namespaces.keys()].sort();
    for (const namespace of names.slice(1)) {
      const { ingress, rule } = namespaces.get(namespace)!;
      const others = names.slice(0, 7).filter((n) => n !== namespace); // enough to show; shownList counts the rest
      sink.add('host-across-gateways', `host ${host} of class ${className} is also used in namespace ${shownList(others, 5, names.length - 1)}; each namespace gets its own Gateway, so these rules no longer share one listener, default backend or duplicate-path check`, {
        location: rule.hostLocation ?? rule.location,
        object: ingress.ref,
        hint: 'use --gateway NAMESPACE/NAME (with --create-gateway) to keep every namespace on one Gateway',
      });
    }
  }
}

/** gatewayClassName of a generated shared Gateway: the flag, else the one ingress class there is. */
function sharedGatewayClass(classified: readonly ClassifiedIngress[], options: GatewayApiOptions, sink: DiagnosticSink): string {
  if (options.gatewayClass) return options.gatewayClass;
  const classes = [...new Set(classified.map((c) => c.className))].sort();
  const chosen = dnsName(classes[0] ?? 'default');
  if (classes.length > 1 && options.createSharedGateway) {
    sink.add('shared-gateway-class', `Ingresses of classes ${classes.join(', ')} share Gateway ${options.sharedGateway!.namespace}/${options.sharedGateway!.name}; its gatewayClassName is "${chosen}"`, {
      hint: 'choose it with --gateway-class',
    });
  }
  return chosen;
}

function draftRoutes(routes: HostRoutes, groupKey: string, parentRefs: ParentReference[], sink: DiagnosticSink, annotations: Record<string, string> | undefined): RouteDraft[] {
  const suffix = routes.attachment === 'any' ? '' : `-${routes.attachment}`;
  const wanted = dnsName(`${routes.owner.name}-${hostSlug(routes.host)}${suffix}`);
  const identity = `${groupKey}/${routes.namespace}/${routes.host ?? ''}/${routes.attachment}`;
  const drafts: RouteDraft[] = [];
  for (let i = 0; i < routes.rules.length; i += MAX_RULES_PER_ROUTE) {
    const part = i / MAX_RULES_PER_ROUTE + 1;
    drafts.push({
      namespace: routes.namespace,
      wanted: part === 1 ? wanted : withSuffix(wanted, String(part)),
      identity: `${identity}#${part}`,
      hostnames: routes.host === undefined ? undefined : [routes.host],
      parentRefs,
      rules: routes.rules.slice(i, i + MAX_RULES_PER_ROUTE),
      annotations,
    });
  }
  if (drafts.length > 1) {
    sink.add('route-split', `${describeHost(routes.host)} has ${routes.rules.length} rules (limit ${MAX_RULES_PER_ROUTE} per HTTPRoute); split into ${drafts.length} HTTPRoutes ${shownList(drafts.map((d) => d.wanted))} with the same hostnames (precedence is computed across routes, so behaviour is unchanged)`, {
      location: routes.owner.location,
      object: routes.owner.ref,
    });
  }
  return drafts;
}

/**
 * The defaultBackend of the oldest Ingress that has one becomes a host-less `PathPrefix /` route:
 * every more specific rule wins over it, as requests "that match no rule" reach it under Ingress.
 */
function defaultBackendRoute(ingresses: readonly Ingress[], services: ServiceIndex, sink: DiagnosticSink, parentRefs: ParentReference[], trace: ConversionTrace, plans: ReadonlyMap<Ingress, IngressPlan>, ecosystem: EcosystemAnnotations): RouteDraft | undefined {
  const withDefault = ingresses.filter((i) => i.defaultBackend);
  const owner = withDefault[0];
  if (!owner?.defaultBackend) return undefined;
  for (const other of withDefault.slice(1)) {
    sink.add('default-backend-conflict', `defaultBackend is not converted: older Ingress ${owner.namespace}/${owner.name} already sets the default backend of this Gateway`, {
      location: other.defaultBackend!.location,
      object: other.ref,
    });
  }
  const catchAll = ingresses.flatMap((i) => i.rules.filter((r) => r.host === undefined).flatMap((r) => r.paths.map((p) => ({ ingress: i, path: p }))))
    .find(({ ingress, path }) => {
      // A catch-all is whatever converts to PathPrefix "/" (an APISIX ImplementationSpecific "/" is exact).
      const converted = convertPath(path, pathDialect(ingress));
      return 'match' in converted && converted.match.path.type === 'PathPrefix' && converted.match.path.value === '/';
    });
  if (catchAll) {
    sink.add('default-backend-shadowed', `defaultBackend is never reached: the host-less path "/" of Ingress ${catchAll.ingress.namespace}/${catchAll.ingress.name} already matches every request; it is not converted`, {
      location: owner.defaultBackend.location,
      object: owner.ref,
    });
    return undefined;
  }
  // svc-namespace applies to every backend of the Ingress, the default one too.
  const backendRef = toBackendRef(owner.defaultBackend, owner, () => 'defaultBackend', services, sink, plans.get(owner)?.serviceNamespace);
  if (!backendRef) return undefined;
  const rule: HTTPRouteRule = { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [backendRef] };
  trace.note(rule, owner.defaultBackend.location);
  return {
    namespace: owner.namespace,
    wanted: dnsName(`${owner.name}-default-backend`),
    identity: `${owner.namespace}/${owner.name}/${parentRefs.map((p) => p.name).join(',')}#default-backend`,
    hostnames: undefined,
    parentRefs,
    rules: [rule],
    annotations: ecosystem.annotationsFor([owner], 'HTTPRoute', `the default-backend HTTPRoute of Ingress ${owner.namespace}/${owner.name}`),
  };
}

function nameRoutes(drafts: readonly RouteDraft[]): HTTPRoute[] {
  const names = allocateNamespacedNames(drafts);
  return drafts.map((draft) => ({
    apiVersion: GATEWAY_API_VERSION,
    kind: 'HTTPRoute',
    metadata: draft.annotations ? { name: names.get(draft)!, namespace: draft.namespace, annotations: { ...draft.annotations } } : { name: names.get(draft)!, namespace: draft.namespace },
    spec: draft.hostnames ? { parentRefs: draft.parentRefs, hostnames: draft.hostnames, rules: draft.rules } : { parentRefs: draft.parentRefs, rules: draft.rules },
  }));
}
