// http-to-https, http-redirect, http-redirect-code. http-to-https wins; codes outside 301–308 are 301.
import type { SourceAnnotation } from '../../ir/intents.js';
import { isInteger, isTrue, type FamilyParser } from './context.js';

export const parseRedirect: FamilyParser = (ctx) => {
  const toHttps = ctx.get('http-to-https');
  const target = ctx.get('http-redirect');
  const code = ctx.get('http-redirect-code');
  if (isTrue(toHttps)) {
    for (const a of [target, code].filter((x): x is SourceAnnotation => x !== undefined)) ctx.noEffect(a, 'k8s.apisix.apache.org/http-to-https takes precedence');
    return [{ kind: 'https-redirect', statusCode: 301, sources: [toHttps!] }];
  }
  if (toHttps) ctx.noEffect(toHttps, 'only the exact value "true" turns it on');
  if (!target || target.value === '') {
    if (target) ctx.noEffect(target, 'empty');
    if (code) ctx.noEffect(code, 'has no effect without k8s.apisix.apache.org/http-redirect');
    return [];
  }
  let statusCode = 301;
  if (code) {
    const n = isInteger(code.value) ? Number(code.value) : Number.NaN;
    if (n >= 301 && n <= 308) statusCode = n;
    else ctx.invalid(code, 'not a status code between 301 and 308; AIC redirects with 301');
  }
  return [{ kind: 'redirect', url: target.value, statusCode, sources: code ? [target, code] : [target] }];
};
