// plugin-config-name: an ApisixPluginConfig in the Ingress namespace whose plugins apply.
import type { FamilyParser } from './context.js';

export const parsePluginConfig: FamilyParser = (ctx) => {
  const a = ctx.get('plugin-config-name');
  if (!a) return [];
  if (a.value.trim() === '') {
    ctx.invalid(a, 'an empty name references nothing; AIC adds no plugins');
    return [];
  }
  return [{ kind: 'plugin-config', name: a.value.trim(), sources: [a] }];
};
