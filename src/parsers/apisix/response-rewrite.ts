// enable-response-rewrite and response-rewrite-{status-code,body,body-base64,add-header,set-header,remove-header}.
import type { Intent } from '../../ir/intents.js';
import { isInteger, isTrue, listOf, present, switchedOn, type FamilyParser } from './context.js';

const headerNames = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export const parseResponseRewrite: FamilyParser = (ctx) => {
  const enable = ctx.get('enable-response-rewrite');
  const parts = present(ctx, 'response-rewrite-status-code', 'response-rewrite-body', 'response-rewrite-body-base64', 'response-rewrite-add-header', 'response-rewrite-set-header', 'response-rewrite-remove-header');
  if (!switchedOn(ctx, 'enable-response-rewrite', parts)) return [];
  const intents: Intent[] = [];
  const status = ctx.get('response-rewrite-status-code');
  const body = ctx.get('response-rewrite-body');
  const base64 = ctx.get('response-rewrite-body-base64');
  let statusCode: number | undefined;
  if (status) {
    // APISIX's response-rewrite schema takes status_code 200–598 only.
    const n = isInteger(status.value) ? Number(status.value) : Number.NaN;
    if (n >= 200 && n <= 598) statusCode = n;
    else if (Number.isNaN(n)) ctx.invalid(status, 'not a number (or out of range); AIC leaves the status unchanged');
    else ctx.invalid(status, 'not a status code APISIX accepts (200–598): AIC passes it on, APISIX rejects the response-rewrite plugin and the route is not served; the output leaves the status unchanged');
  }
  if (statusCode !== undefined || body) {
    const sources = [enable!, ...[statusCode !== undefined ? status : undefined, body, base64].filter((a) => a !== undefined)];
    intents.push({ kind: 'response-rewrite', ...(statusCode !== undefined ? { statusCode } : {}), ...(body ? { body: body.value } : {}), bodyBase64: isTrue(base64), sources });
  } else if (base64) {
    ctx.noEffect(base64, 'has no effect without k8s.apisix.apache.org/response-rewrite-body');
  }
  const pairs = (name: string) => {
    const a = ctx.get(name);
    const items = listOf(a).map((item) => {
      const i = item.indexOf(':');
      return i > 0 ? { name: item.slice(0, i).trim(), value: item.slice(i + 1).trim() } : undefined;
    });
    if (a && items.some((p) => !p || !headerNames.test(p.name))) ctx.invalid(a, 'items must be "Header:value"; AIC passes the others to APISIX as they are, where they are rejected or ignored');
    return { a, items: items.filter((p): p is { name: string; value: string } => p !== undefined && headerNames.test(p.name)) };
  };
  const add = pairs('response-rewrite-add-header');
  const set = pairs('response-rewrite-set-header');
  const removeAnnotation = ctx.get('response-rewrite-remove-header');
  const remove = listOf(removeAnnotation);
  if (add.items.length + set.items.length + remove.length > 0) {
    const sources = [enable!, ...[add.a, set.a, removeAnnotation].filter((a) => a !== undefined)];
    intents.push({ kind: 'response-headers', add: add.items, set: set.items, remove, sources });
  }
  if (intents.length === 0) ctx.noEffect(enable!, 'no response-rewrite-* annotation says what to change');
  return intents;
};
