// A strict JSON grammar check that builds nothing: where a JSON value starting at an offset ends,
// or -1 when the text there is not JSON. Used to find the items of a JSON List exactly, so that
// each can be parsed on its own and text that is only YAML (single quotes, comments, trailing
// commas) never takes that path.

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
