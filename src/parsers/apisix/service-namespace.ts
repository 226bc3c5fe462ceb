// svc-namespace: the namespace of every backend Service of the Ingress.
import { isNamespaceName } from '../../common/names.js';
import type { FamilyParser } from './context.js';

export const parseServiceNamespace: FamilyParser = (ctx) => {
  const a = ctx.get('svc-namespace');
  if (!a) return [];
  if (!isNamespaceName(a.value)) {
    ctx.invalid(a, 'not a namespace name; AIC would look the backends up in a namespace that cannot exist');
    return [];
  }
  return [{ kind: 'service-namespace', namespace: a.value, sources: [a] }];
};
