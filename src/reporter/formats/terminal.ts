// Text for a terminal. Names, keys and values come from the input; a terminal acts on some of
// their characters (escape sequences that move the cursor, set the title or hide text, carriage
// returns and backspaces that overwrite a line, bidi overrides that reorder it). Those are shown
// as visible escapes (`\x1b`, `\r`, `\u202e`), once, on the finished text; ordinary Unicode stays.
import type { Paint } from './text.js';

/**
 * C0 controls but newline and tab, DEL, C1 controls (U+009B is a CSI by itself on some terminals),
 * the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
 */
const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const named: Record<string, string> = { '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\u0000': '\\0' };

export function escapeForTerminal(text: string): string {
  return text.replace(unsafe, (c) => named[c] ?? (c.charCodeAt(0) < 0x100 ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/**
 * Renders with `render`, then escapes the whole text, keeping the paint's own codes. The paint's
 * pieces are marked with a private-use character that the text does not contain (found on a
 * first, plain rendering), so input text can never pass for a mark.
 */
export function forTerminal(render: (paint: Paint) => string, paint: Paint | undefined): string {
  const plain = render(identity);
  if (!paint) return escapeForTerminal(plain);
  let mark = 0xe000;
  while (plain.includes(String.fromCharCode(mark))) mark++;
  const m = String.fromCharCode(mark);
  const styles = ['error', 'warning', 'info', 'dim'] as const;
  const marking = Object.fromEntries(styles.map((style, i) => [style, (text: string) => `${m}${i}${text}${m}/`])) as unknown as Paint;
  let text = escapeForTerminal(render(marking));
  // Innermost first, so that a paint applied around painted text gets it with its codes.
  const innermost = new RegExp(`${m}([0-3])([^${m}]*)${m}/`, 'g');
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(innermost, (_, i: string, inner: string) => paint[styles[Number(i)]!](inner));
  }
  return text;
}

const identity: Paint = { error: (t) => t, warning: (t) => t, info: (t) => t, dim: (t) => t };
