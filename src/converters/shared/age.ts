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
  const written = ingress.creationTimestamp;
  if (written === undefined) return Number.POSITIVE_INFINITY;
  // Sorting compares each Ingress many times; timestamps repeat across a dump.
  let t = parsedTimestamps.get(written);
  if (t === undefined) {
    t = Date.parse(written);
    if (Number.isNaN(t)) t = Number.POSITIVE_INFINITY;
    if (parsedTimestamps.size >= 10_000) parsedTimestamps.clear();
    parsedTimestamps.set(written, t);
  }
  return t;
}

const parsedTimestamps = new Map<string, number>();
