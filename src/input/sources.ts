import type { InputContent } from './bytes.js';

/**
 * One input and the name it is reported under (a file path, or `<stdin>`). `text`, or `bytes` in
 * UTF-8 as a file is read: bytes keep a large input out of the JavaScript heap (see bytes.ts).
 */
export type InputSource = { name: string; text: string } | { name: string; bytes: Uint8Array };

export function contentOf(source: InputSource): InputContent {
  return 'bytes' in source ? source.bytes : source.text;
}
