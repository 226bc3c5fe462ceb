// IngressClasses are read to find the cluster's default class.
import { z } from 'zod';
import type { InputObject } from '../input/objects.js';
import type { IngressClass } from '../ir/model.js';
import { DEFAULT_CLASS_ANNOTATION } from './ingress/annotations.js';
import { dropNulls } from './drop-nulls.js';

const ingressClassSchema = z.looseObject({
  metadata: z.looseObject({ name: z.string().min(1), annotations: z.record(z.string(), z.string()).optional() }),
  spec: z.looseObject({ controller: z.string().optional() }).optional(),
});

export function parseIngressClass(object: InputObject): IngressClass | undefined {
  const result = ingressClassSchema.safeParse(dropNulls(object.value));
  if (!result.success) return undefined;
  const { metadata, spec } = result.data;
  return {
    name: metadata.name,
    ...(spec?.controller ? { controller: spec.controller } : {}),
    // The apiserver and controllers treat only the exact string "true" as default.
    isDefault: metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true',
    location: object.locate(),
  };
}
