// The regular expressions of the input and output, run on probe paths. The patterns are the
// user's: with JavaScript's backtracking engine a pattern such as "(a+)+$" takes exponential
// time on a path like "/aaaa…a!", and verify hung. RE2 (re2js, a JavaScript port of Go's
// regexp) matches in time linear in the path, whatever the pattern.
//
// Dialects: APISIX matches use-regex paths and `uri ~~` vars with PCRE (ngx.re), and rewrites
// regex_uri with PCRE too; AIC validates rewrite-target-regex with Go's RE2; Gateway API leaves
// RegularExpression to the implementation (RE2 in the Envoy-based ones). RE2 reads the common
// subset of these alike. What RE2 lacks (lookaround, backreferences: PCRE only) is run with
// JavaScript's engine only when the pattern has no nested quantifier, the shape that backtracks
// exponentially; otherwise the pattern is not evaluated, and matches no probe on either side.
import { RE2JS } from 're2js';

export interface ProbeRegex {
  /** Does the pattern match somewhere in `text`? */
  test(text: string): boolean;
  /** `text` with the first match replaced by `template` ($1 … for captures). */
  replaceFirst(text: string, template: string): string;
}

/** A quantified group that holds a quantifier: "(a+)+", "(a|b*)*", "(x{2,})+". */
const nestedQuantifier = /\((?:[^()\\]|\\.)*(?:[*+]|\{\d+,?\d*\})(?:[^()\\]|\\.)*\)(?:[*+]|\{\d+,?\d*\})/;

const cache = new Map<string, ProbeRegex | null>();
const CACHE_LIMIT = 10_000;

/**
 * The pattern as verify runs it, or undefined when it does not compile (the converters report
 * that) or cannot be run in bounded time (see above).
 */
export function probeRegex(pattern: string): ProbeRegex | undefined {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached ?? undefined;
  const compiled = compile(pattern);
  if (cache.size < CACHE_LIMIT) cache.set(pattern, compiled ?? null);
  return compiled;
}

function compile(pattern: string): ProbeRegex | undefined {
  try {
    const re = RE2JS.compile(pattern);
    return { test: (text) => re.test(text), replaceFirst: (text, template) => re.matcher(text).replaceFirst(template) };
  } catch {
    // not RE2: perhaps PCRE's lookaround or backreferences, which JavaScript's engine has too
  }
  if (nestedQuantifier.test(pattern)) return undefined;
  try {
    const re = new RegExp(pattern);
    return { test: (text) => re.test(text), replaceFirst: (text, template) => text.replace(re, template) };
  } catch {
    return undefined;
  }
}

/** Does `pattern` match `text`? False when it cannot be evaluated (see probeRegex). */
export function regexMatches(pattern: string, text: string): boolean {
  return probeRegex(pattern)?.test(text) ?? false;
}
