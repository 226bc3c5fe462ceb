// Which controller's reading of ImplementationSpecific paths applies to an Ingress. The converter
// and the verify routers each implement the reading; this only decides which one.
import type { Ingress } from './model.js';

const APISIX_PREFIX = 'k8s.apisix.apache.org/';

export type PathDialect = { kind: 'plain' } | { kind: 'apisix'; regex: boolean };

/** APISIX: class "apisix" (spec or annotation), or any k8s.apisix.apache.org annotation. */
export function pathDialect(ingress: Ingress): PathDialect {
  const className = ingress.ingressClassName?.value ?? ingress.classAnnotation?.value;
  const apisix = className === 'apisix' || ingress.annotations.some((a) => a.key.startsWith(APISIX_PREFIX));
  if (!apisix) return { kind: 'plain' };
  return { kind: 'apisix', regex: ingress.intents.some((i) => i.kind === 'regex-paths') };
}
