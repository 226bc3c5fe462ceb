// upstream-scheme, upstream-retries, upstream-{connect,read,send}-timeout: one group in AIC 2.x;
// one invalid value drops the whole group.
import type { Intent } from '../../ir/intents.js';
import { isInteger, present, type FamilyParser } from './context.js';

const schemes = new Set(['http', 'https', 'grpc', 'grpcs']);
/** "5" or "5s" seconds; "1m" is invalid in AIC. */
const timeoutPattern = /^\d+s?$/;

export const parseUpstream: FamilyParser = (ctx) => {
  const all = present(ctx, 'upstream-scheme', 'upstream-retries', 'upstream-connect-timeout', 'upstream-read-timeout', 'upstream-send-timeout');
  if (all.length === 0) return [];
  const intent: Extract<Intent, { kind: 'upstream' }> = { kind: 'upstream', sources: all };
  const bad: string[] = [];
  const scheme = ctx.get('upstream-scheme');
  if (scheme) {
    if (schemes.has(scheme.value.toLowerCase())) intent.scheme = scheme.value.toLowerCase();
    else bad.push(scheme.key);
  }
  const retries = ctx.get('upstream-retries');
  if (retries) {
    if (!isInteger(retries.value)) bad.push(retries.key);
    else if (Number(retries.value) > 0) intent.retries = Number(retries.value);
  }
  for (const which of ['connect', 'read', 'send'] as const) {
    const a = ctx.get(`upstream-${which}-timeout`);
    if (!a) continue;
    if (!timeoutPattern.test(a.value.trim()) || !Number.isSafeInteger(Number.parseInt(a.value, 10))) bad.push(a.key);
    else if (Number.parseInt(a.value, 10) > 0) (intent.timeouts ??= {})[which] = Number.parseInt(a.value, 10);
  }
  if (bad.length > 0) {
    for (const a of all) {
      if (bad.includes(a.key)) ctx.invalid(a, `invalid value (scheme: http, https, grpc or grpcs; retries: an integer; timeouts: seconds such as "5" or "5s", not "1m"); AIC drops every upstream annotation of the Ingress`);
      else ctx.noEffect(a, `dropped by AIC together with the invalid ${bad.join(', ')}`);
    }
    return [];
  }
  return intent.scheme || intent.retries || intent.timeouts ? [intent] : [];
};
