// enable-websocket.
import { isTrue, type FamilyParser } from './context.js';

export const parseWebsocket: FamilyParser = (ctx) => {
  const a = ctx.get('enable-websocket');
  if (!a) return [];
  if (!isTrue(a)) {
    ctx.noEffect(a, 'only the exact value "true" turns it on');
    return [];
  }
  return [{ kind: 'websocket', sources: [a] }];
};
