// TLS Secrets are read only for ADC output, which carries certificates inline.
import { z } from 'zod';
import type { InputObject } from '../input/objects.js';
import type { TlsSecret } from '../ir/model.js';
import { dropNulls } from './drop-nulls.js';

const schema = z.looseObject({
  metadata: z.looseObject({ name: z.string().min(1), namespace: z.string().optional() }),
  data: z.record(z.string(), z.string()).optional(),
  stringData: z.record(z.string(), z.string()).optional(),
});

const decode = (value: string | undefined) => (value === undefined ? undefined : Buffer.from(value, 'base64').toString('utf8'));

export function parseSecret(object: InputObject, defaultNamespace: string): TlsSecret | undefined {
  const result = schema.safeParse(dropNulls(object.value));
  if (!result.success) return undefined;
  const { metadata, data, stringData } = result.data;
  // tls.crt/tls.key, or the legacy cert/key (as AIC reads them).
  const certificate = stringData?.['tls.crt'] ?? decode(data?.['tls.crt']) ?? stringData?.['cert'] ?? decode(data?.['cert']);
  const key = stringData?.['tls.key'] ?? decode(data?.['tls.key']) ?? stringData?.['key'] ?? decode(data?.['key']);
  return { namespace: metadata.namespace || defaultNamespace, name: metadata.name, ...(certificate ? { certificate } : {}), ...(key ? { key } : {}), location: object.locate() };
}
