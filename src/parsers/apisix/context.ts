// What every APISIX annotation-family parser gets: its annotations by short name, and the two
// ways a value can fail (invalid, or valid but without effect), each said as AIC 2.x would act.
import type { Intent, SourceAnnotation } from '../../ir/intents.js';

export interface FamilyContext {
  /** The annotation `k8s.apisix.apache.org/<name>`, if set. */
  get(name: string): SourceAnnotation | undefined;
  /** A value AIC 2.x rejects or ignores; `consequence` says what AIC does with it. */
  invalid(annotation: SourceAnnotation, consequence: string): void;
  /** A valid annotation that has no effect here (e.g. cors-allow-origin without enable-cors). */
  noEffect(annotation: SourceAnnotation, reason: string): void;
}

export type FamilyParser = (ctx: FamilyContext) => Intent[];

/** AIC: booleans are true only for the exact string "true". */
export const isTrue = (a: SourceAnnotation | undefined): boolean => a?.value === 'true';

/** AIC 2.x (2.2.0+): comma lists are trimmed and empty items dropped. */
export const listOf = (a: SourceAnnotation | undefined): string[] =>
  (a?.value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * An integer as AIC reads it (Go's strconv.Atoi): digits with an optional sign, and a value in
 * range; "1e20" is none, nor is "99999999999999999999" (out of range). Beyond 2^53 a JavaScript
 * number is no longer exact, so the range here is that of exact integers.
 */
export const isInteger = (value: string): boolean => /^[+-]?\d+$/.test(value.trim()) && Number.isSafeInteger(Number(value.trim()));

/** Present annotations among these names. */
export const present = (ctx: FamilyContext, ...names: string[]): SourceAnnotation[] => names.map((n) => ctx.get(n)).filter((a): a is SourceAnnotation => a !== undefined);

/**
 * A switch annotation (only the exact value "true" turns it on) and the annotations that need it:
 * when it is off, says so for each of them and returns false.
 */
export function switchedOn(ctx: FamilyContext, name: string, dependents: readonly SourceAnnotation[] = []): boolean {
  const a = ctx.get(name);
  if (isTrue(a)) return true;
  if (a) ctx.noEffect(a, 'only the exact value "true" turns it on');
  for (const d of dependents) ctx.noEffect(d, `has no effect without k8s.apisix.apache.org/${name}: "true"`);
  return false;
}
