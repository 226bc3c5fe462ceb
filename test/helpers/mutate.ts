// Random damage for property tests of the cheap checks: mutations of a valid object at random
// places (a key removed, a value replaced, a key added, a value swapped for an edge case).
import assert from 'node:assert/strict';
import fc from 'fast-check';

export type Mutation = { at: number; op: 'delete' | 'set' | 'add' | 'edge'; value: unknown; pick: number; key: string };

/** Mutations drawing replacement values from `awkward` and added keys from `keys`. */
export function mutationOf(awkward: unknown[], keys: string[]): fc.Arbitrary<Mutation> {
  return fc.record({ at: fc.nat(), op: fc.constantFrom<Mutation['op']>('delete', 'set', 'add', 'edge', 'edge'), value: fc.constantFrom(...awkward), pick: fc.nat(), key: fc.constantFrom(...keys) });
}

/** Every container in the value with the key leading to each of its children. */
function places(value: unknown): { parent: Record<string, unknown> | unknown[]; key: string | number }[] {
  const out: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach((x, i) => (out.push({ parent: v, key: i }), walk(x)));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (out.push({ parent: v as Record<string, unknown>, key: k }), walk(x));
  };
  walk(value);
  return out;
}

/** A mutated copy; `edges` holds, by key, values at the edge of what that field allows. */
export function mutate(value: unknown, mutations: Mutation[], edges: Record<string, unknown[]>): unknown {
  const copy = structuredClone(value);
  for (const m of mutations) {
    const all = places(copy);
    if (all.length === 0) break;
    const { parent, key } = all[m.at % all.length]!;
    if (m.op === 'edge') {
      const pool = edges[String(key)];
      if (pool) (parent as Record<string | number, unknown>)[key] = structuredClone(pool[m.pick % pool.length]);
    } else if (m.op === 'set') (parent as Record<string | number, unknown>)[key] = structuredClone(m.value);
    else if (m.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
    } else {
      const target = (parent as Record<string | number, unknown>)[key];
      if (target && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[m.key] = structuredClone(m.value);
    }
  }
  return copy;
}

interface Schema {
  safeParse(value: unknown): { success: boolean; data?: unknown; error?: { message: string } | undefined };
}

/**
 * Mutated copies of `objects` are given to the cheap check and to zod: what the cheap check
 * accepts, zod must accept too (`sameData`: and parse to the same data). Both sides must be
 * exercised (500 of 4,000 at least).
 */
export function assertCheapWithinZod(objects: fc.Arbitrary<unknown>, mutation: fc.Arbitrary<Mutation>, edges: Record<string, unknown[]>, cheap: (value: unknown) => boolean, schema: Schema, sameData = false): void {
  let accepted = 0;
  let rejected = 0;
  fc.assert(
    fc.property(objects, fc.array(mutation, { maxLength: 3 }), (base, mutations) => {
      const value = mutate(base, mutations, edges);
      if (!cheap(value)) {
        rejected++;
        return;
      }
      accepted++;
      const parsed = schema.safeParse(value);
      assert.ok(parsed.success, `cheap check accepted what zod rejects: ${JSON.stringify(value)}\n${parsed.error?.message}`);
      if (sameData) assert.deepEqual(parsed.data, value);
    }),
    { numRuns: 4000, seed: 20261122 },
  );
  assert.ok(accepted > 500 && rejected > 500, `accepted ${accepted}, rejected ${rejected}`);
}
