// The converter's own check of what it emits (zod): names, hostnames, paths and the Gateway API
// limits and CEL rules our output could break. An object that fails is reported, never emitted.
import { z } from 'zod';
import type { DiagnosticSink } from '../../reporter/sink.js';
import { DNS1123_LABEL, DNS1123_SUBDOMAIN } from '../../common/names.js';
import { isGroup, isKind } from './backends.js';
import { isPlainPathValue } from './paths.js';
import { GATEWAY_HOSTNAME, isPlainGateway, isPlainHttpRoute } from './fast-check.js';
import type { GatewayApiObject } from './types.js';

const dnsSubdomain = z.string().max(253).regex(DNS1123_SUBDOMAIN, 'must be a DNS-1123 subdomain');
const dnsLabel = z.string().max(63).regex(DNS1123_LABEL, 'must be a DNS-1123 label');
const hostname = z.string().min(1).max(253).regex(GATEWAY_HOSTNAME, 'must be a Gateway API hostname');
const port = z.number().int().min(1).max(65535);

const metadata = (nameMax: number) => z.strictObject({ name: dnsSubdomain.max(nameMax), namespace: dnsLabel, annotations: z.record(z.string(), z.string()).optional() });

const secretRef = z.strictObject({ group: z.literal(''), kind: z.literal('Secret'), name: dnsSubdomain, namespace: dnsLabel.optional() });

const listener = z.strictObject({
  name: dnsSubdomain,
  hostname: hostname.optional(),
  port,
  protocol: z.enum(['HTTP', 'HTTPS']),
  tls: z.strictObject({ mode: z.literal('Terminate'), certificateRefs: z.array(secretRef).min(1).max(64) }).optional(),
  allowedRoutes: z.strictObject({ namespaces: z.strictObject({ from: z.enum(['All', 'Same']) }) }).optional(),
}).refine((l) => (l.protocol === 'HTTPS') === (l.tls !== undefined), 'HTTPS listeners need tls, HTTP listeners must not have it');

const gateway = z.strictObject({
  apiVersion: z.literal('gateway.networking.k8s.io/v1'),
  kind: z.literal('Gateway'),
  metadata: metadata(63),
  spec: z.strictObject({
    gatewayClassName: dnsSubdomain,
    listeners: z
      .array(listener)
      .min(1)
      .max(64)
      .refine((ls) => new Set(ls.map((l) => l.name)).size === ls.length, 'listener names must be unique')
      .refine((ls) => new Set(ls.map((l) => `${l.port}/${l.protocol}/${l.hostname ?? ''}`)).size === ls.length, 'port, protocol and hostname must be unique per listener'),
  }),
});

const pathMatch = z
  .strictObject({ type: z.enum(['Exact', 'PathPrefix', 'RegularExpression']), value: z.string().min(1).max(1024) })
  .refine((p) => p.type === 'RegularExpression' || isPlainPathValue(p.value), 'Exact/PathPrefix value breaks the Gateway API path rules');

const header = z.strictObject({ name: z.string().min(1).max(256).regex(/^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/), value: z.string().min(1).max(4096) });
const uniqueNames = (list: { name: string }[] | string[]) => new Set(list.map((x) => (typeof x === 'string' ? x : x.name).toLowerCase())).size === list.length;
const fullPath = z.strictObject({ type: z.literal('ReplaceFullPath'), replaceFullPath: z.string().max(1024) });
const filter = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('RequestRedirect'),
    requestRedirect: z.strictObject({ scheme: z.enum(['http', 'https']).optional(), hostname: dnsSubdomain.optional(), port: port.optional(), path: fullPath.optional(), statusCode: z.union([z.literal(301), z.literal(302), z.literal(303), z.literal(307), z.literal(308)]) }),
  }),
  z.strictObject({ type: z.literal('URLRewrite'), urlRewrite: z.strictObject({ path: fullPath }) }),
  z.strictObject({
    type: z.literal('ResponseHeaderModifier'),
    responseHeaderModifier: z.strictObject({ add: z.array(header).max(16).refine(uniqueNames).optional(), set: z.array(header).max(16).refine(uniqueNames).optional(), remove: z.array(z.string().min(1)).max(16).refine(uniqueNames).optional() }),
  }),
  z.strictObject({
    type: z.literal('CORS'),
    cors: z.strictObject({ allowOrigins: z.array(z.string()).min(1).max(64), allowMethods: z.array(z.string()).min(1).max(9), allowHeaders: z.array(z.string()).min(1).max(64) }).refine((c) => [c.allowOrigins, c.allowMethods, c.allowHeaders].every((l) => !l.includes('*') || l.length === 1), '"*" must stand alone'),
  }),
  z.strictObject({ type: z.literal('ExtensionRef'), extensionRef: z.strictObject({ group: z.string(), kind: z.string(), name: z.string().min(1) }) }),
]);

const backendRef = z
  .strictObject({
    group: z.string().refine(isGroup, 'must be a Gateway API group').optional(),
    kind: z.string().refine(isKind, 'must be a Gateway API kind').optional(),
    name: z.string().min(1).max(253),
    namespace: dnsLabel.optional(),
    port: port.optional(),
  })
  .refine((b) => !((b.group ?? '') === '' && (b.kind ?? 'Service') === 'Service' && b.port === undefined), 'Must have port for Service reference');

const rule = z
  .strictObject({
    matches: z.array(z.strictObject({ path: pathMatch, method: z.enum(['GET', 'HEAD']).optional() })).min(1).max(64),
    filters: z.array(filter).min(1).max(16).optional(),
    backendRefs: z.array(backendRef).max(16),
    timeouts: z.strictObject({ backendRequest: z.string().regex(/^([0-9]{1,5}(h|m|s|ms)){1,4}$/) }).optional(),
  })
  .refine((r) => (r.filters ?? []).some((f) => f.type === 'RequestRedirect') === (r.backendRefs.length === 0), 'a rule has backendRefs or a RequestRedirect, never both and never neither')
  .refine((r) => !((r.filters ?? []).some((f) => f.type === 'RequestRedirect') && (r.filters ?? []).some((f) => f.type === 'URLRewrite')), 'RequestRedirect and URLRewrite cannot both be set')
  .refine((r) => ['RequestRedirect', 'URLRewrite', 'ResponseHeaderModifier', 'CORS'].every((t) => (r.filters ?? []).filter((f) => f.type === t).length <= 1), 'a filter type may appear only once');

const httpRoute = z.strictObject({
  apiVersion: z.literal('gateway.networking.k8s.io/v1'),
  kind: z.literal('HTTPRoute'),
  metadata: metadata(253),
  spec: z.strictObject({
    parentRefs: z.array(z.strictObject({ name: dnsSubdomain, namespace: dnsLabel.optional(), sectionName: dnsSubdomain.optional(), port: port.optional() })).min(1).max(32),
    hostnames: z.array(hostname).min(1).max(16).optional(),
    rules: z
      .array(rule)
      .min(1)
      .max(16)
      .refine((rs) => rs.reduce((n, r) => n + r.matches.length, 0) <= 128, 'at most 128 matches per route'),
  }),
});

const referenceGrant = z.strictObject({
  apiVersion: z.literal('gateway.networking.k8s.io/v1'),
  kind: z.literal('ReferenceGrant'),
  metadata: metadata(253),
  spec: z.strictObject({
    from: z.array(z.strictObject({ group: z.string(), kind: z.string(), namespace: dnsLabel })).min(1).max(16),
    to: z.array(z.strictObject({ group: z.string(), kind: z.string(), name: dnsSubdomain.optional() })).min(1).max(16),
  }),
});

const pluginConfig = z.strictObject({
  apiVersion: z.literal('apisix.apache.org/v1alpha1'),
  kind: z.literal('PluginConfig'),
  metadata: metadata(253),
  spec: z.strictObject({ plugins: z.array(z.strictObject({ name: z.string().min(1), config: z.record(z.string(), z.unknown()).optional() })).min(1) }),
});

const seconds = z.string().regex(/^[0-9]+s$/);
const backendTrafficPolicy = z.strictObject({
  apiVersion: z.literal('apisix.apache.org/v1alpha1'),
  kind: z.literal('BackendTrafficPolicy'),
  metadata: metadata(253),
  spec: z.strictObject({
    targetRefs: z.array(z.strictObject({ group: z.literal(''), kind: z.literal('Service'), name: z.string().min(1).max(253) })).min(1),
    scheme: z.enum(['http', 'https', 'grpc', 'grpcs']).optional(),
    retries: z.number().int().positive().optional(),
    timeout: z.strictObject({ connect: seconds.optional(), read: seconds.optional(), send: seconds.optional() }).optional(),
  }),
});

/** Why Gateway API cannot hold this filter, header or backendRef (empty when it can). */
export const filterProblems = (f: unknown): string[] => problemsOf(filter, f);
export const headerProblems = (h: unknown): string[] => problemsOf(header, h);
export const backendRefProblems = (b: unknown): string[] => problemsOf(backendRef, b);

function problemsOf(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message));
}

export const schemas: Record<GatewayApiObject['kind'], z.ZodType> = { Gateway: gateway, HTTPRoute: httpRoute, ReferenceGrant: referenceGrant, PluginConfig: pluginConfig, BackendTrafficPolicy: backendTrafficPolicy };

export function checkEmitted(objects: GatewayApiObject[], sink: DiagnosticSink): GatewayApiObject[] {
  return objects.filter((object) => {
    // Most routes are plain: a cheap walk says so; zod checks (and explains) the rest.
    if (object.kind === 'HTTPRoute' ? isPlainHttpRoute(object) : object.kind === 'Gateway' && isPlainGateway(object)) return true;
    const result = schemas[object.kind].safeParse(object);
    if (result.success) return true;
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    sink.add('internal-error', `${object.kind} ${object.metadata.namespace}/${object.metadata.name} was not emitted: ${problems}`, {
      object: { kind: object.kind, namespace: object.metadata.namespace, name: object.metadata.name },
      hint: 'please report this with the input that caused it',
    });
    return false;
  });
}
