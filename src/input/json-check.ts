// A strict JSON grammar check that builds nothing: where a JSON value starting at an offset ends,
// or -1 when the text there is not JSON. Used to find the items of a JSON List exactly, so that
// each can be parsed on its own and text that is only YAML (single quotes, comments, trailing
// commas) never takes that path.

import { MAX_DEPTH, MAX_SCALAR_CHARS } from './limits.js';

const enum C {
  Tab = 9, Lf = 10, Cr = 13, Space = 32, Quote = 34, Plus = 43, Comma = 44, Minus = 45, Dot = 46, Zero = 48, Nine = 57,
  Colon = 58, UpperE = 69, LBracket = 91, Backslash = 92, RBracket = 93, LowerE = 101, LBrace = 123, RBrace = 125,
}

export function skipJsonWs(text: string, i: number): number {
  for (let c = text.charCodeAt(i); c === C.Space || c === C.Lf || c === C.Cr || c === C.Tab; c = text.charCodeAt(++i));
  return i;
}

const isDigit = (c: number): boolean => c >= C.Zero && c <= C.Nine;
const isHex = (c: number): boolean => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

function stringEnd(text: string, i: number): number {
  // text[i] is the opening quote
  for (i++; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === C.Quote) return i + 1;
    if (c < 0x20) return -1;
    if (c === C.Backslash) {
      const e = text[++i];
      if (e === 'u') {
        if (!(isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2)) && isHex(text.charCodeAt(i + 3)) && isHex(text.charCodeAt(i + 4)))) return -1;
        i += 4;
      } else if (e === undefined || !'"\\/bfnrt'.includes(e)) return -1;
    }
  }
  return -1;
}

function numberEnd(text: string, i: number): number {
  if (text.charCodeAt(i) === C.Minus) i++;
  if (text.charCodeAt(i) === C.Zero) i++;
  else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
  else return -1;
  if (text.charCodeAt(i) === C.Dot) {
    if (!isDigit(text.charCodeAt(++i))) return -1;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === C.LowerE || e === C.UpperE) {
    const s = text.charCodeAt(++i);
    if (s === C.Plus || s === C.Minus) i++;
    if (!isDigit(text.charCodeAt(i))) return -1;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  return i;
}

/** End offset of the JSON value starting at `i` (no leading whitespace), or -1. */
export function jsonValueEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === C.Quote) return stringEnd(text, i);
  if (c === C.LBrace || c === C.LBracket) {
    const close = c === C.LBrace ? C.RBrace : C.RBracket;
    i = skipJsonWs(text, i + 1);
    if (text.charCodeAt(i) === close) return i + 1;
    for (;;) {
      if (c === C.LBrace) {
        if (text.charCodeAt(i) !== C.Quote) return -1;
        i = stringEnd(text, i);
        if (i < 0) return -1;
        i = skipJsonWs(text, i);
        if (text.charCodeAt(i) !== C.Colon) return -1;
        i = skipJsonWs(text, i + 1);
      }
      i = jsonValueEnd(text, i);
      if (i < 0) return -1;
      i = skipJsonWs(text, i);
      const next = text.charCodeAt(i);
      if (next === close) return i + 1;
      if (next !== C.Comma) return -1;
      i = skipJsonWs(text, i + 1);
    }
  }
  for (const literal of ['true', 'false', 'null']) if (text.startsWith(literal, i)) return i + literal.length;
  return numberEnd(text, i);
}

/** A limit of limits.ts that the JSON text at [start, end) goes past, and where. */
export interface JsonLimitProblem {
  code: 'object-too-deep' | 'input-too-large';
  message: string;
  offset: number;
}

/**
 * Nesting depth and string length of the JSON text at [start, end), checked in one pass without
 * recursion (the readers recurse per level; JSON.parse does not, so it would take any depth).
 */
export function jsonLimitProblem(text: string, start: number, end: number, what: string): JsonLimitProblem | undefined {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === C.Quote) {
      let close = text.indexOf('"', i + 1);
      while (close > 0 && escapedQuote(text, close)) close = text.indexOf('"', close + 1);
      if (close < 0 || close >= end) return undefined; // unterminated: the parser says where
      if (close - i - 1 > MAX_SCALAR_CHARS) {
        return { code: 'input-too-large', message: `a string of ${((close - i) / 1048576).toFixed(1)} MiB is longer than the limit of ${MAX_SCALAR_CHARS / 1048576} MiB (no object a cluster stores holds one); ${what} is skipped`, offset: i };
      }
      i = close;
    } else if (c === C.LBrace || c === C.LBracket) {
      if (++depth > MAX_DEPTH) return { code: 'object-too-deep', message: `${what} is nested more than ${MAX_DEPTH} levels deep, the limit (real objects stay far below it); it is skipped`, offset: i };
    } else if (c === C.RBrace || c === C.RBracket) depth--;
  }
  return undefined;
}

/** Is the quote at `i` escaped (an odd number of backslashes before it)? */
function escapedQuote(text: string, i: number): boolean {
  let n = 0;
  while (text.charCodeAt(i - 1 - n) === C.Backslash) n++;
  return n % 2 === 1;
}

/**
 * Where the value at `i` ends if it is not JSON (NaN, a bare word): brackets are matched outside
 * strings up to the `,` or closing bracket that ends it. -1 when the text ends first.
 */
export function looseValueEnd(text: string, i: number): number {
  let depth = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === C.Quote) {
      let close = text.indexOf('"', i + 1);
      while (close > 0 && escapedQuote(text, close)) close = text.indexOf('"', close + 1);
      if (close < 0) return -1;
      i = close;
    } else if (c === C.LBrace || c === C.LBracket) depth++;
    else if (c === C.RBrace || c === C.RBracket) {
      if (depth === 0) return i;
      depth--;
    } else if (c === C.Comma && depth === 0) return i;
  }
  return -1;
}
