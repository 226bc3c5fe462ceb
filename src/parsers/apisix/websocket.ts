// enable-websocket.
import { switchedOn, type FamilyParser } from './context.js';

export const parseWebsocket: FamilyParser = (ctx) => (switchedOn(ctx, 'enable-websocket') ? [{ kind: 'websocket', sources: [ctx.get('enable-websocket')!] }] : []);
