// enable-csrf with csrf-key.
import { switchedOn, type FamilyParser } from './context.js';

export const parseCsrf: FamilyParser = (ctx) => {
  const enable = ctx.get('enable-csrf');
  const key = ctx.get('csrf-key');
  if (!switchedOn(ctx, 'enable-csrf', key ? [key] : [])) return [];
  if (!key || key.value === '') {
    ctx.invalid(enable!, 'csrf needs k8s.apisix.apache.org/csrf-key; AIC 2.2+ rejects the Ingress in its webhook and skips the plugin');
    return [];
  }
  return [{ kind: 'csrf', key: key.value, sources: [enable!, key] }];
};
