// Which of two Ingresses is older: the rule every "oldest wins" decision uses.
import type { Ingress } from '../../ir/model.js';

/** Oldest first: creationTimestamp (objects without one count as newest), then namespace/name. */
export function compareAge(a: Ingress, b: Ingress): number {
  const ta = timestamp(a);
  const tb = timestamp(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  const ka = `${a.namespace}/${a.name}`;
  const kb = `${b.namespace}/${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Milliseconds since the epoch; objects without a (valid) creationTimestamp count as newest. */
function timestamp(ingress: Ingress): number {
  const t = ingress.creationTimestamp === undefined ? Number.NaN : Date.parse(ingress.creationTimestamp);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}
