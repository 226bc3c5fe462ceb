// Provider-neutral intents: what an Ingress asks for beyond plain routing (redirects, rewrites,
// CORS, auth…), read from controller-specific annotations. Each intent remembers the annotations
// it came from, so converters can report on exactly those.
import type { z } from 'zod';
import type { annotationSchema } from './model.js';

export type SourceAnnotation = z.infer<typeof annotationSchema>;

interface From {
  /** The annotations this intent was read from. */
  sources: SourceAnnotation[];
}

export type Intent =
  | ({ kind: 'https-redirect'; statusCode: number } & From)
  | ({ kind: 'redirect'; url: string; statusCode: number } & From)
  | ({ kind: 'rewrite-path'; path: string } & From)
  | ({ kind: 'rewrite-regex'; pattern: string; template: string } & From)
  | ({ kind: 'regex-paths' } & From)
  | ({ kind: 'response-headers'; add: { name: string; value: string }[]; set: { name: string; value: string }[]; remove: string[] } & From)
  | ({ kind: 'response-rewrite'; statusCode?: number; body?: string; bodyBase64: boolean } & From)
  | ({ kind: 'cors'; allowOrigins: string[]; allowHeaders: string[]; allowMethods: string[] } & From)
  | ({ kind: 'forward-auth'; uri: string; sslVerify: boolean; requestHeaders: string[]; upstreamHeaders: string[]; clientHeaders: string[] } & From)
  | ({ kind: 'ip-restriction'; allow?: string[]; block?: string[] } & From)
  | ({ kind: 'csrf'; key: string } & From)
  | ({ kind: 'auth'; plugin: 'key-auth' | 'basic-auth' } & From)
  | ({ kind: 'methods'; allow?: string[]; block?: string[] } & From)
  | ({ kind: 'upstream'; scheme?: string; retries?: number; timeouts?: { connect?: number; read?: number; send?: number } } & From)
  | ({ kind: 'websocket' } & From)
  | ({ kind: 'plugin-config'; name: string } & From)
  | ({ kind: 'service-namespace'; namespace: string } & From);

export type IntentKind = Intent['kind'];
