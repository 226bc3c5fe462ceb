// enable-cors and cors-allow-{origin,headers,methods}; without enable-cors the others do nothing.
import { listOf, present, switchedOn, type FamilyParser } from './context.js';

export const parseCors: FamilyParser = (ctx) => {
  const enable = ctx.get('enable-cors');
  const lists = present(ctx, 'cors-allow-origin', 'cors-allow-headers', 'cors-allow-methods');
  if (!switchedOn(ctx, 'enable-cors', lists)) return [];
  // AIC passes the lists to APISIX as written; APISIX's patterns reject spaces in them.
  for (const a of lists) if (/\s/.test(a.value)) ctx.invalid(a, 'contains spaces: AIC passes the value as written and APISIX rejects the cors plugin (and the route); converted without them');
  // APISIX's cors plugin defaults each list to "*".
  const orDefault = (values: string[]) => (values.length > 0 ? values : ['*']);
  return [
    {
      kind: 'cors',
      allowOrigins: orDefault(listOf(ctx.get('cors-allow-origin'))),
      allowHeaders: orDefault(listOf(ctx.get('cors-allow-headers'))),
      allowMethods: orDefault(listOf(ctx.get('cors-allow-methods'))),
      sources: [enable!, ...lists],
    },
  ];
};
