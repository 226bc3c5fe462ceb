// allowlist-source-range, blocklist-source-range (ip-restriction).
import { listOf, type FamilyParser } from './context.js';

const cidr = /^(\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?|[0-9a-fA-F:]+(\/\d{1,3})?)$/;

export const parseIpRestriction: FamilyParser = (ctx) => {
  const allow = ctx.get('allowlist-source-range');
  const block = ctx.get('blocklist-source-range');
  if (allow && block) {
    // AIC emits both lists; APISIX's ip-restriction schema accepts only one, so the route is rejected.
    ctx.invalid(allow, 'set together with blocklist-source-range: AIC emits both lists, APISIX rejects the route and nothing was served; the output serves the route to every client');
    ctx.invalid(block, 'set together with allowlist-source-range: AIC emits both lists, APISIX rejects the route and nothing was served; the output serves the route to every client');
    return [];
  }
  const a = allow ?? block;
  if (!a) return [];
  const ranges = listOf(a);
  const bad = ranges.filter((r) => !cidr.test(r));
  if (ranges.length === 0 || bad.length > 0) {
    ctx.invalid(a, `${ranges.length === 0 ? 'empty' : `not IP addresses or CIDR ranges: ${bad.join(', ')}`}; APISIX rejects the route and nothing was served; the output serves the route to every client`);
    return [];
  }
  return [allow ? { kind: 'ip-restriction', allow: ranges, sources: [a] } : { kind: 'ip-restriction', block: ranges, sources: [a] }];
};
