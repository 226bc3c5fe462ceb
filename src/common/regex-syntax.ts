// Is a pattern of the input a regular expression at all? APISIX compiles use-regex paths and
// `uri ~~` vars with PCRE, which is not at hand here: a pattern is taken as one when RE2 (re2js,
// Go's dialect, which AIC validates rewrites with) or JavaScript accepts it; both read most of
// PCRE. "/(((" is none, and APISIX never matches it.
import { RE2JS } from 're2js';

/** Why `pattern` is no regular expression, or undefined when it is one. */
export function regexProblem(pattern: string): string | undefined {
  let re2Error: string | undefined;
  try {
    RE2JS.compile(pattern);
    return undefined;
  } catch (e) {
    re2Error = (e as Error).message;
  }
  try {
    new RegExp(pattern);
    return undefined;
  } catch {
    return re2Error;
  }
}
