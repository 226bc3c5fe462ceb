/** The apiserver treats `field: null` as an absent field; so do the parsers. */
export function dropNulls(value: unknown): unknown {
  // Most objects have no null field: then the value itself is returned, without a copy.
  return hasNullField(value) ? withoutNulls(value) : value;
}

function hasNullField(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasNullField);
  if (value !== null && typeof value === 'object') {
    for (const key in value) {
      const v = (value as Record<string, unknown>)[key];
      if (v === null || hasNullField(v)) return true;
    }
  }
  return false;
}

/** A deep copy without null fields (a plain recursive copy: deeper objects than structuredClone takes). */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null) setOwn(out, k, withoutNulls(v));
    return out;
  }
  return value;
}

/** The same value with object keys sorted at every level, so that output never follows input key order. */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeysDeep((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** `target[key] = value`, also for a key named `__proto__`, which assignment would make the prototype. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
