// rewrite-target, rewrite-target-regex with rewrite-target-regex-template (proxy-rewrite).
import { present, type FamilyParser } from './context.js';

export const parseRewrite: FamilyParser = (ctx) => {
  const target = ctx.get('rewrite-target');
  const regex = ctx.get('rewrite-target-regex');
  const template = ctx.get('rewrite-target-regex-template');
  if (target && target.value !== '') {
    // APISIX proxy-rewrite: uri takes precedence over regex_uri.
    for (const a of present(ctx, 'rewrite-target-regex', 'rewrite-target-regex-template')) ctx.noEffect(a, 'k8s.apisix.apache.org/rewrite-target takes precedence in proxy-rewrite');
    return [{ kind: 'rewrite-path', path: target.value, sources: [target] }];
  }
  if (target) ctx.noEffect(target, 'empty');
  if (!regex || !template) {
    for (const a of present(ctx, 'rewrite-target-regex', 'rewrite-target-regex-template')) ctx.invalid(a, 'needs both rewrite-target-regex and rewrite-target-regex-template: AIC emits an empty proxy-rewrite, which APISIX rejects, so the route was not served; the output serves it without a rewrite');
    return [];
  }
  try {
    // AIC validates with Go's RE2: no lookaround, no backreferences.
    if (/\(\?<?[=!]|\\[1-9]/.test(regex.value)) throw new Error('RE2 has no lookaround or backreferences');
    new RegExp(regex.value, 'u');
  } catch (e) {
    ctx.invalid(regex, `not a valid regular expression (${(e as Error).message}); AIC drops proxy-rewrite`);
    ctx.noEffect(template, 'dropped with the invalid rewrite-target-regex');
    return [];
  }
  return [{ kind: 'rewrite-regex', pattern: regex.value, template: template.value, sources: [regex, template] }];
};
