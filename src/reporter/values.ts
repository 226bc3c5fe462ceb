// How input values appear in findings.
import type { SourceAnnotation } from '../ir/intents.js';

/** Annotation values in messages: shortened, and secrets (csrf-key) never shown. */
export function shownValue(a: SourceAnnotation): string {
  if (/(^|\/|-)key$/.test(a.key)) return '"(redacted)"';
  return JSON.stringify(a.value.length > 80 ? `${a.value.slice(0, 77)}...` : a.value);
}

/**
 * A list of names in a message, cut after `max`: a finding repeated for each of thousands of
 * objects must not name all the others each time (the report would grow with the square).
 * `total` is how many there are when `names` holds only the first ones.
 */
export function shownList(names: readonly string[], max = 5, total = names.length): string {
  return total <= max ? names.slice(0, max).join(', ') : `${names.slice(0, max).join(', ')} and ${total - max} more`;
}
