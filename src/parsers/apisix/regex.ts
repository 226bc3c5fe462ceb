// use-regex: ImplementationSpecific paths are regular expressions.
import { isTrue, type FamilyParser } from './context.js';

export const parseRegex: FamilyParser = (ctx) => {
  const a = ctx.get('use-regex');
  if (!a) return [];
  if (!isTrue(a)) {
    ctx.noEffect(a, 'only the exact value "true" turns it on');
    return [];
  }
  return [{ kind: 'regex-paths', sources: [a] }];
};
