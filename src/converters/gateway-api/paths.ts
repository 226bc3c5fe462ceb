// Ingress path → Gateway API path match. Exact and Prefix keep their meaning; paths Gateway API
// cannot hold in Exact/PathPrefix become an anchored, escaped regular expression.
import type { PathDialect } from '../../ir/dialect.js';
import type { IngressPath } from '../../ir/model.js';
import type { HTTPRouteMatch } from './types.js';
import { regexProblem } from '../../common/regex-syntax.js';

// Gateway API v1.6 HTTPRoute CEL: allowed characters and forbidden sequences for Exact/PathPrefix.
const allowedPathCharacters = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$/;
const forbiddenSequences = ['//', '/./', '/../', '%2f', '%2F', '#'];

/** True when Gateway API accepts the value in an Exact or PathPrefix match. */
export function isPlainPathValue(value: string): boolean {
  return (
    value.startsWith('/') &&
    value.length <= MAX_PATH_LENGTH &&
    allowedPathCharacters.test(value) &&
    !forbiddenSequences.some((s) => value.includes(s)) &&
    !value.endsWith('/..') &&
    !value.endsWith('/.')
  );
}

export const MAX_PATH_LENGTH = 1024;

export type ConvertedPath =
  | {
      match: HTTPRouteMatch;
      /** Set when the match had to become a regular expression. */
      asRegex: boolean;
    }
  | { tooLong: true }
  /** A use-regex path that is no regular expression: why. */
  | { invalidRegex: string };

/**
 * APISIX reads ImplementationSpecific paths its own way: with use-regex a regular expression;
 * otherwise the path as written, a trailing `*` meaning "anything after" (`/api/*`, `/api*`).
 */
function convertApisixPath(value: string, regex: boolean): ConvertedPath {
  if (regex) {
    if (value.length > MAX_PATH_LENGTH) return { tooLong: true };
    const problem = regexProblem(value);
    return problem ? { invalidRegex: problem } : { match: { path: { type: 'RegularExpression', value } }, asRegex: false };
  }
  if (value.endsWith('/*') && isPlainPathValue(value.slice(0, -2) || '/')) return { match: { path: { type: 'PathPrefix', value: value.slice(0, -2) || '/' } }, asRegex: false };
  if (value.endsWith('*')) {
    const regexValue = `^${escapeRegex(value.slice(0, -1))}.*$`;
    return regexValue.length > MAX_PATH_LENGTH ? { tooLong: true } : { match: { path: { type: 'RegularExpression', value: regexValue } }, asRegex: true };
  }
  return convertPath({ path: value, pathType: 'Exact' } as IngressPath);
}

export function convertPath(path: IngressPath, dialect: PathDialect = { kind: 'plain' }): ConvertedPath {
  const value = path.path === '' ? '/' : path.path;
  if (path.pathType === 'ImplementationSpecific' && dialect.kind === 'apisix') return convertApisixPath(value, dialect.regex);
  const exact = path.pathType === 'Exact';
  if (isPlainPathValue(value)) {
    return { match: { path: { type: exact ? 'Exact' : 'PathPrefix', value } }, asRegex: false };
  }
  if (value.length > MAX_PATH_LENGTH) return { tooLong: true };
  const regex = exact ? exactRegex(value) : prefixRegex(value);
  if (regex.length > MAX_PATH_LENGTH) return { tooLong: true };
  return { match: { path: { type: 'RegularExpression', value: regex } }, asRegex: true };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function exactRegex(path: string): string {
  return `^${escapeRegex(path)}$`;
}

/** Element-wise prefix as Ingress defines it: the path itself, or the path followed by "/…". */
function prefixRegex(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '^/.*$' : `^${escapeRegex(trimmed)}(/.*)?$`;
}
