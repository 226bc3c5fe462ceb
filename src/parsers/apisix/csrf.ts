// enable-csrf with csrf-key.
import { isTrue, type FamilyParser } from './context.js';

export const parseCsrf: FamilyParser = (ctx) => {
  const enable = ctx.get('enable-csrf');
  const key = ctx.get('csrf-key');
  if (!isTrue(enable)) {
    if (enable) ctx.noEffect(enable, 'only the exact value "true" turns it on');
    if (key) ctx.noEffect(key, 'has no effect without k8s.apisix.apache.org/enable-csrf: "true"');
    return [];
  }
  if (!key || key.value === '') {
    ctx.invalid(enable!, 'csrf needs k8s.apisix.apache.org/csrf-key; AIC 2.2+ rejects the Ingress in its webhook and skips the plugin');
    return [];
  }
  return [{ kind: 'csrf', key: key.value, sources: [enable!, key] }];
};
