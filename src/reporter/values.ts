// How input values appear in findings.
import type { SourceAnnotation } from '../ir/intents.js';

/** Annotation values in messages: shortened, and secrets (csrf-key) never shown. */
export function shownValue(a: SourceAnnotation): string {
  if (/(^|\/|-)key$/.test(a.key)) return '"(redacted)"';
  return JSON.stringify(a.value.length > 80 ? `${a.value.slice(0, 77)}...` : a.value);
}
