// ApisixPluginConfig (apisix.apache.org/v2) objects, read for plugin-config-name.
import { z } from 'zod';
import type { InputObject } from '../../input/objects.js';
import type { ApisixPluginConfig } from '../../ir/model.js';
import { dropNulls, sortKeysDeep } from '../drop-nulls.js';

// A config is kept as read, not as zod's copy of a record, which loses a key named "__proto__".
const config = z.custom<Record<string, unknown>>((v) => v !== null && typeof v === 'object' && !Array.isArray(v), 'expected an object');

const schema = z.looseObject({
  metadata: z.looseObject({ name: z.string().min(1), namespace: z.string().optional() }),
  spec: z.looseObject({
    plugins: z.array(z.looseObject({ name: z.string().min(1), enable: z.boolean().optional(), config: config.optional(), secretRef: z.string().optional() })).optional(),
  }),
});

export function parseApisixPluginConfig(object: InputObject, defaultNamespace: string): ApisixPluginConfig | undefined {
  const result = schema.safeParse(dropNulls(object.value));
  if (!result.success) return undefined;
  const { metadata, spec } = result.data;
  return {
    namespace: metadata.namespace || defaultNamespace,
    name: metadata.name,
    plugins: (spec.plugins ?? []).map((p) => ({ name: p.name, enable: p.enable !== false, config: sortKeysDeep(p.config ?? {}) as Record<string, unknown>, ...(p.secretRef ? { secretRef: p.secretRef } : {}) })),
    location: object.locate(),
  };
}
