// The converter's own check of what it emits (zod): names, hostnames, paths and the Gateway API
// limits and CEL rules our output could break. An object that fails is reported, never emitted.
import { z } from 'zod';
import type { DiagnosticSink } from '../../reporter/sink.js';
import { DNS1123_LABEL, DNS1123_SUBDOMAIN } from '../../common/names.js';
import { isGroup, isKind } from './backends.js';
import { isPlainPathValue } from './paths.js';
import type { GatewayApiObject } from './types.js';

const dnsSubdomain = z.string().max(253).regex(DNS1123_SUBDOMAIN, 'must be a DNS-1123 subdomain');
const dnsLabel = z.string().max(63).regex(DNS1123_LABEL, 'must be a DNS-1123 label');
const hostname = z.string().min(1).max(253).regex(/^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, 'must be a Gateway API hostname');
const port = z.number().int().min(1).max(65535);

const metadata = (nameMax: number) => z.strictObject({ name: dnsSubdomain.max(nameMax), namespace: dnsLabel });

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

const backendRef = z
  .strictObject({
    group: z.string().refine(isGroup, 'must be a Gateway API group').optional(),
    kind: z.string().refine(isKind, 'must be a Gateway API kind').optional(),
    name: z.string().min(1).max(253),
    port: port.optional(),
  })
  .refine((b) => !((b.group ?? '') === '' && (b.kind ?? 'Service') === 'Service' && b.port === undefined), 'Must have port for Service reference');

const rule = z.strictObject({
  matches: z.array(z.strictObject({ path: pathMatch })).min(1).max(64),
  backendRefs: z.array(backendRef).min(1).max(16),
});

const httpRoute = z.strictObject({
  apiVersion: z.literal('gateway.networking.k8s.io/v1'),
  kind: z.literal('HTTPRoute'),
  metadata: metadata(253),
  spec: z.strictObject({
    parentRefs: z.array(z.strictObject({ name: dnsSubdomain, namespace: dnsLabel.optional() })).min(1).max(32),
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

const schemas: Record<GatewayApiObject['kind'], z.ZodType> = { Gateway: gateway, HTTPRoute: httpRoute, ReferenceGrant: referenceGrant };

export function checkEmitted(objects: GatewayApiObject[], sink: DiagnosticSink): GatewayApiObject[] {
  return objects.filter((object) => {
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
