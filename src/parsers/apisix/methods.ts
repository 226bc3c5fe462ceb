// http-allow-methods, http-block-methods (answered with 405); allow wins when both are set.
import { listOf, type FamilyParser } from './context.js';

const methods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH', 'PURGE']);

export const parseMethods: FamilyParser = (ctx) => {
  const allow = ctx.get('http-allow-methods');
  const block = ctx.get('http-block-methods');
  const a = allow ?? block;
  if (!a) return [];
  if (allow && block) ctx.noEffect(block, 'k8s.apisix.apache.org/http-allow-methods takes precedence');
  // AIC passes the methods as written; request methods are upper-case, so "get" matches nothing.
  const list = listOf(a);
  const bad = list.filter((m) => !methods.has(m));
  if (list.length === 0 || bad.length > 0) {
    ctx.invalid(a, `${list.length === 0 ? 'empty' : `${bad.join(', ')} ${bad.length === 1 ? 'is not a' : 'are not'} request method${bad.length === 1 ? '' : 's'} as APISIX compares them (upper-case)`}; AIC passes them as written, so they match no request`);
    if (list.length === 0) return [];
  }
  return [allow ? { kind: 'methods', allow: list, sources: [a] } : { kind: 'methods', block: list, sources: [a] }];
};
