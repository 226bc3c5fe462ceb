// zod schemas of the Ingress as the apiserver validates it (networking.k8s.io/v1 and the legacy
// v1beta1 shapes). Objects are strict so unknown fields surface; the parser turns
// `unrecognized_keys` issues into warnings and every other issue into an error.
import { z } from 'zod';
import { DNS1123_SUBDOMAIN } from '../../common/names.js';

const ipv4 = /^\d{1,3}(\.\d{1,3}){3}$/;
/** Not an IPv4 address: hosts are DNS names. */
export const isNotIpAddress = (h: string): boolean => !ipv4.test(h);
/** A DNS-1123 subdomain, optionally `*.` and one, as the apiserver allows in rules and tls. */
export const isHostName = (h: string): boolean => DNS1123_SUBDOMAIN.test(h.startsWith('*.') ? h.slice(2) : h);

const host = z
  .string()
  .max(253)
  .refine(isNotIpAddress, { error: (issue) => `host ${JSON.stringify(issue.input)} must be a DNS name, not an IP address` })
  .refine(isHostName, {
    error: (issue) => `host ${JSON.stringify(issue.input)} must be a lower-case DNS-1123 subdomain, optionally starting with "*." (a wildcard only as the whole first label)`,
  });

// A rule's `host: ""` means "no host" to the apiserver (Helm templates produce it often).
const ruleHost = z.union([z.literal(''), host]);

// The apiserver's path checks for Exact and Prefix (ImplementationSpecific only needs the leading '/').
const invalidPathSequences = ['//', '/./', '/../', '%2f', '%2F'];
export function pathProblem(path: string | undefined, pathType: string | undefined): string | undefined {
  if (path === undefined || path === '') {
    return pathType === 'Exact' || pathType === 'Prefix' ? `must be set for pathType ${pathType}` : undefined;
  }
  if (!path.startsWith('/')) return 'must be an absolute path (start with "/")';
  if (pathType === 'Exact' || pathType === 'Prefix') {
    const bad = invalidPathSequences.find((s) => path.includes(s));
    if (bad) return `must not contain "${bad}"`;
    if (path.endsWith('/..') || path.endsWith('/.')) return 'must not end with "/.." or "/."';
  }
  return undefined;
}

const port = z
  .strictObject({ name: z.string().min(1).optional(), number: z.number().int().min(1).max(65535).optional() })
  .refine((p) => (p.name === undefined) !== (p.number === undefined), 'exactly one of port.name and port.number must be set');

const resource = z.strictObject({ apiGroup: z.string().optional(), kind: z.string().min(1), name: z.string().min(1) });

const backendV1 = z
  .strictObject({
    service: z.strictObject({ name: z.string().min(1), port }).optional(),
    resource: resource.optional(),
  })
  .refine((b) => (b.service === undefined) !== (b.resource === undefined), 'exactly one of service and resource must be set');

export const pathTypeV1 = z.enum(['Exact', 'Prefix', 'ImplementationSpecific']);

function withPathCheck<T extends z.ZodType<{ path?: string | undefined; pathType?: string | undefined }>>(schema: T) {
  return schema.superRefine((p, ctx) => {
    const problem = pathProblem(p.path, p.pathType);
    if (problem) ctx.addIssue({ code: 'custom', path: ['path'], message: problem });
  });
}

const tls = z.strictObject({ hosts: z.array(host).optional(), secretName: z.string().optional() });

const metadata = z.looseObject({
  name: z.string().min(1),
  namespace: z.string().min(1).optional(),
  creationTimestamp: z.string().optional(),
  annotations: z.record(z.string(), z.string()).optional(),
});

// The root is strict too (a typo such as `specs:` must not vanish); `status` is read-only noise.
export const ingressV1Schema = z.strictObject({
  apiVersion: z.literal('networking.k8s.io/v1'),
  kind: z.literal('Ingress'),
  metadata,
  status: z.unknown().optional(),
  spec: z
    .strictObject({
      ingressClassName: z.string().min(1).optional(),
      defaultBackend: backendV1.optional(),
      rules: z
        .array(
          z.strictObject({
            host: ruleHost.optional(),
            http: z
              .strictObject({
                paths: z.array(
                  withPathCheck(z.strictObject({ path: z.string().optional(), pathType: pathTypeV1, backend: backendV1 })),
                ).min(1),
              })
              .optional(),
          }),
        )
        .optional(),
      tls: z.array(tls).optional(),
    })
    .refine((s) => (s.rules?.length ?? 0) > 0 || s.defaultBackend !== undefined, 'either defaultBackend or rules must be specified'),
});

// Legacy shapes: `serviceName`/`servicePort` (int or named), `spec.backend`, optional pathType.
const backendV1beta1 = z
  .strictObject({
    serviceName: z.string().min(1).optional(),
    servicePort: z.union([z.number().int().min(1).max(65535), z.string().min(1)]).optional(),
    resource: resource.optional(),
  })
  .refine(
    (b) => (b.serviceName !== undefined && b.servicePort !== undefined && b.resource === undefined) || (b.resource !== undefined && b.serviceName === undefined),
    'set serviceName and servicePort, or resource',
  );

export const ingressV1beta1Schema = z.strictObject({
  apiVersion: z.enum(['extensions/v1beta1', 'networking.k8s.io/v1beta1']),
  kind: z.literal('Ingress'),
  metadata,
  status: z.unknown().optional(),
  spec: z
    .strictObject({
      ingressClassName: z.string().min(1).optional(),
      backend: backendV1beta1.optional(),
      rules: z
        .array(
          z.strictObject({
            host: ruleHost.optional(),
            http: z
              .strictObject({
                paths: z.array(
                  withPathCheck(z.strictObject({ path: z.string().optional(), pathType: pathTypeV1.optional(), backend: backendV1beta1 })),
                ).min(1),
              })
              .optional(),
          }),
        )
        .optional(),
      tls: z.array(tls).optional(),
    })
    .refine((s) => (s.rules?.length ?? 0) > 0 || s.backend !== undefined, 'either backend or rules must be specified'),
});

export type IngressV1 = z.infer<typeof ingressV1Schema>;
export type IngressV1beta1 = z.infer<typeof ingressV1beta1Schema>;
export type BackendV1 = z.infer<typeof backendV1>;
export type BackendV1beta1 = z.infer<typeof backendV1beta1>;
