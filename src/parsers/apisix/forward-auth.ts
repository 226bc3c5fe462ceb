// auth-uri, auth-ssl-verify, auth-{request,upstream,client}-headers (forward-auth).
import { listOf, present, type FamilyParser } from './context.js';

export const parseForwardAuth: FamilyParser = (ctx) => {
  const uri = ctx.get('auth-uri');
  const others = present(ctx, 'auth-ssl-verify', 'auth-request-headers', 'auth-upstream-headers', 'auth-client-headers');
  if (!uri || uri.value === '') {
    for (const a of [...(uri ? [uri] : []), ...others]) ctx.noEffect(a, 'has no effect without k8s.apisix.apache.org/auth-uri');
    return [];
  }
  return [
    {
      kind: 'forward-auth',
      uri: uri.value,
      // Only "false" disables verification.
      sslVerify: ctx.get('auth-ssl-verify')?.value !== 'false',
      requestHeaders: listOf(ctx.get('auth-request-headers')),
      upstreamHeaders: listOf(ctx.get('auth-upstream-headers')),
      clientHeaders: listOf(ctx.get('auth-client-headers')),
      sources: [uri, ...others],
    },
  ];
};
