// A cluster dump with many findings of several kinds, as `kubectl get ingress -A -o yaml` prints
// it: Ingresses of one class spread over namespaces (one Gateway each), ingress-nginx annotations
// (not converted), an unknown field, named ports without their Service (errors), ImplementationSpecific
// paths (infos), and, with `hostile`, annotation values full of markup and control characters.
import { stringify } from 'yaml';

export interface FindingsCorpusOptions {
  ingresses: number;
  namespaces?: number;
  /** Every how many Ingresses one names a port of a Service that is not in the input (an error). */
  errorEvery?: number;
  hostile?: boolean;
}

/** Annotation values a report must never render as markup. */
export const hostileValues = ['<img src=x onerror=alert(1)>', 'a|b|c', '`code` and ``more``', 'line one\nline two', 'bell\u0007 escape\u001b[31m red', '[link](javascript:alert(1)) & <b>bold</b>'];

export function findingsCorpus(options: FindingsCorpusOptions): string {
  const namespaces = options.namespaces ?? 8;
  const errorEvery = options.errorEvery ?? 10;
  const items: unknown[] = [];
  for (let i = 0; i < options.ingresses; i++) {
    const namespace = `team-${i % namespaces}`;
    const annotations: Record<string, string> = {
      'nginx.ingress.kubernetes.io/proxy-body-size': '8m',
      'nginx.ingress.kubernetes.io/ssl-redirect': 'true',
    };
    if (i % 3 === 0) annotations['nginx.ingress.kubernetes.io/configuration-snippet'] = 'more_set_headers "X-Frame-Options: DENY";';
    if (options.hostile) annotations[`example.com/note-${i % hostileValues.length}`] = hostileValues[i % hostileValues.length]!;
    const missing = errorEvery > 0 && i % errorEvery === 0;
    const paths = [
      { path: '/', pathType: 'Prefix', backend: { service: { name: `web-${i}`, port: { number: 80 } } } },
      { path: `/api/${i}`, pathType: 'ImplementationSpecific', backend: { service: { name: missing ? `api-${i}` : `web-${i}`, port: missing ? { name: 'http' } : { number: 8080 } } } },
    ];
    const spec: Record<string, unknown> = { ingressClassName: 'nginx', rules: [{ host: `app-${i}.example.com`, http: { paths } }] };
    if (i % 7 === 0) spec['timeout'] = '30s'; // not an Ingress field
    items.push({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: `app-${i}`, namespace, annotations }, spec });
  }
  return stringify({ apiVersion: 'v1', kind: 'List', items }, { lineWidth: 0 });
}
