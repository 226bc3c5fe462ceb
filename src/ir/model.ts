// The intermediate representation: provider-neutral facts read from the input, each remembering
// where it was written. Parsers produce it, converters consume it. The zod schemas are the
// contract (tests check every parser's output against them); the types are inferred from them.
import { z } from 'zod';
import type { Intent } from './intents.js';

export const sourceLocationSchema = z.object({
  file: z.string(),
  doc: z.number().int().nonnegative(),
  path: z.string(),
  line: z.number().int().positive().optional(),
  col: z.number().int().positive().optional(),
});

export const objectRefSchema = z.object({
  kind: z.string(),
  namespace: z.string().optional(),
  name: z.string(),
});

export const backendSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('service'),
    name: z.string().min(1),
    port: z.union([z.object({ number: z.number().int().min(1).max(65535) }), z.object({ name: z.string().min(1) })]),
    location: sourceLocationSchema,
  }),
  z.object({
    type: z.literal('resource'),
    apiGroup: z.string().optional(),
    kind: z.string().min(1),
    name: z.string().min(1),
    location: sourceLocationSchema,
  }),
]);

export const pathTypeSchema = z.enum(['Exact', 'Prefix', 'ImplementationSpecific']);

export const ingressPathSchema = z.object({
  /** As written; an empty path (ImplementationSpecific only) means every path. */
  path: z.string(),
  pathType: pathTypeSchema,
  backend: backendSchema,
  location: sourceLocationSchema,
});

export const ingressRuleSchema = z.object({
  /** Lower-case host, `*.`-wildcard, or undefined for "every host". */
  host: z.string().optional(),
  hostLocation: sourceLocationSchema.optional(),
  paths: z.array(ingressPathSchema),
  location: sourceLocationSchema,
});

export const ingressTlsSchema = z.object({
  hosts: z.array(z.string()),
  secretName: z.string().optional(),
  location: sourceLocationSchema,
});

export const valueAtSchema = z.object({ value: z.string(), location: sourceLocationSchema });

export const annotationSchema = z.object({ key: z.string(), value: z.string(), location: sourceLocationSchema });

export const ingressSchema = z.object({
  ref: objectRefSchema,
  namespace: z.string(),
  name: z.string(),
  apiVersion: z.string(),
  /** RFC 3339 timestamp, used for "oldest wins" conflict resolution. */
  creationTimestamp: z.string().optional(),
  ingressClassName: valueAtSchema.optional(),
  classAnnotation: valueAtSchema.optional(),
  defaultBackend: backendSchema.optional(),
  rules: z.array(ingressRuleSchema),
  tls: z.array(ingressTlsSchema),
  /** Every annotation of the object, for accounting by providers and the report. */
  annotations: z.array(annotationSchema),
  /** What controller-specific annotations ask for (providers fill it). */
  intents: z.array(z.custom<Intent>((v) => typeof v === 'object' && v !== null && 'kind' in v)),
  location: sourceLocationSchema,
});

export const servicePortSchema = z.object({ name: z.string().optional(), port: z.number().int() });

export const serviceSchema = z.object({
  namespace: z.string(),
  name: z.string(),
  ports: z.array(servicePortSchema),
  location: sourceLocationSchema,
});

export const apisixPluginConfigSchema = z.object({
  namespace: z.string(),
  name: z.string(),
  plugins: z.array(z.object({ name: z.string(), enable: z.boolean(), config: z.record(z.string(), z.unknown()), secretRef: z.string().optional() })),
  location: sourceLocationSchema,
});

export const tlsSecretSchema = z.object({
  namespace: z.string(),
  name: z.string(),
  certificate: z.string().optional(),
  key: z.string().optional(),
  location: sourceLocationSchema,
});

export const ingressClassSchema = z.object({
  name: z.string(),
  controller: z.string().optional(),
  isDefault: z.boolean(),
  location: sourceLocationSchema,
});

/**
 * Every annotation and every spec field (leaf) of one Ingress object as written, valid or not:
 * the report accounts for each exactly once.
 */
export const ingressAccountSchema = z.object({
  ref: objectRefSchema,
  location: sourceLocationSchema,
  annotations: z.array(annotationSchema),
  /**
   * Each spec leaf's path, relative to the object (`spec.rules[0].host`): interned strings, so a
   * large dump keeps one pointer per field. The field's name in the report is the object's path
   * (`location.path`) joined with it.
   */
  fields: z.array(z.string()),
  /** Line and column of each field, flat (`[line0, col0, line1, col1, …]`), when asked for. */
  fieldPositions: z.array(z.number().int().positive()).optional(),
});

export type SourceLocationIR = z.infer<typeof sourceLocationSchema>;
export type Backend = z.infer<typeof backendSchema>;
export type ServiceBackend = Extract<Backend, { type: 'service' }>;
export type PathType = z.infer<typeof pathTypeSchema>;
export type IngressPath = z.infer<typeof ingressPathSchema>;
export type IngressRule = z.infer<typeof ingressRuleSchema>;
export type IngressTls = z.infer<typeof ingressTlsSchema>;
export type Ingress = z.infer<typeof ingressSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type IngressClass = z.infer<typeof ingressClassSchema>;
export type IngressAccount = z.infer<typeof ingressAccountSchema>;
export type ApisixPluginConfig = z.infer<typeof apisixPluginConfigSchema>;
export type TlsSecret = z.infer<typeof tlsSecretSchema>;

/** Everything read from the input that conversion needs; built document by document. */
export interface InputModel {
  ingresses: Ingress[];
  services: Service[];
  ingressClasses: IngressClass[];
  apisixPluginConfigs: ApisixPluginConfig[];
  /** Secrets with a certificate or key (read for ADC output). */
  secrets: TlsSecret[];
  /** One per Ingress object in the input (duplicates and invalid ones included). */
  accounts: IngressAccount[];
}
