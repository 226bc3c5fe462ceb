// use-regex: ImplementationSpecific paths are regular expressions.
import { switchedOn, type FamilyParser } from './context.js';

export const parseRegex: FamilyParser = (ctx) => (switchedOn(ctx, 'use-regex') ? [{ kind: 'regex-paths', sources: [ctx.get('use-regex')!] }] : []);
