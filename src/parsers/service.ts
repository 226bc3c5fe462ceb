// Services are read only for their ports, to resolve backends that name a port.
import { z } from 'zod';
import type { InputObject } from '../input/objects.js';
import type { Service } from '../ir/model.js';
import { dropNulls } from './drop-nulls.js';

const serviceSchema = z.looseObject({
  metadata: z.looseObject({ name: z.string().min(1), namespace: z.string().optional() }),
  spec: z.looseObject({ ports: z.array(z.looseObject({ name: z.string().optional(), port: z.number().int() })).optional() }).optional(),
});

/** Returns undefined for a Service too malformed to use (it is then simply not a port source). */
export function parseService(object: InputObject, defaultNamespace: string): Service | undefined {
  const result = serviceSchema.safeParse(dropNulls(object.value));
  if (!result.success) return undefined;
  const { metadata, spec } = result.data;
  return {
    namespace: metadata.namespace || defaultNamespace,
    name: metadata.name,
    ports: (spec?.ports ?? []).map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port })),
    location: object.locate(),
  };
}
