// Which controller's reading of ImplementationSpecific paths applies to an Ingress. The converter
// and the verify routers each implement the reading; this only decides which one.
import type { Ingress } from './model.js';

export type PathDialect = { kind: 'plain' } | { kind: 'apisix'; regex: boolean };

/**
 * APISIX reads the paths of Ingresses of its class ("apisix", as AIC's default IngressClass is
 * named); the controller decides, not the annotations an Ingress happens to carry.
 */
export function pathDialect(ingress: Ingress): PathDialect {
  const className = ingress.ingressClassName?.value ?? ingress.classAnnotation?.value;
  if (className !== 'apisix') return { kind: 'plain' };
  return { kind: 'apisix', regex: ingress.intents.some((i) => i.kind === 'regex-paths') };
}
