// auth-type: keyAuth or basicAuth.
import type { FamilyParser } from './context.js';

export const parseAuthType: FamilyParser = (ctx) => {
  const a = ctx.get('auth-type');
  if (!a) return [];
  if (a.value === 'keyAuth') return [{ kind: 'auth', plugin: 'key-auth', sources: [a] }];
  if (a.value === 'basicAuth') return [{ kind: 'auth', plugin: 'basic-auth', sources: [a] }];
  ctx.invalid(a, 'not keyAuth or basicAuth; AIC ignores it and the route stays unauthenticated');
  return [];
};
