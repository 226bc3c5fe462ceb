import { startsLikeJson, textOf, type InputContent } from './bytes.js';

/**
 * One input and the name it is reported under (a file path, or `<stdin>`). `text`, or `bytes` in
 * UTF-8 as a file is read: bytes keep a large input out of the JavaScript heap (see bytes.ts).
 */
export type InputSource = { name: string; text: string } | { name: string; bytes: Uint8Array };

export function contentOf(source: InputSource): InputContent {
  return 'bytes' in source ? source.bytes : source.text;
}

/**
 * The source to hand over for content as read: YAML stays bytes, JSON is decoded now. A JSON
 * input's text stays whole while it is read (positions are found in it), so bytes kept beside it
 * would only double it; decoded here, they can go as soon as the caller lets go of them.
 */
export function sourceOf(name: string, content: InputContent): InputSource {
  return typeof content !== 'string' && !startsLikeJson(content) ? { name, bytes: content } : { name, text: textOf(content) };
}
