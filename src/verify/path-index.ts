// Rules by the paths they match, for the Ingress and Gateway API routers: both read Exact as the
// whole path and Prefix as an element-wise prefix with trailing "/" ignored, so a request looks
// up its own path and each part of it before a "/" instead of testing every rule. What matches
// otherwise (regexes, APISIX's own readings) is kept aside and tested one by one.
import { appendTo } from '../common/multimap.js';

export class PathIndex<T> {
  private readonly exact = new Map<string, T[]>();
  private readonly prefix = new Map<string, T[]>();
  private readonly scanned: { entry: T; matches: (path: string) => boolean }[] = [];

  /** Matches `value` only. */
  addExact(value: string, entry: T): void {
    appendTo(this.exact, value, entry);
  }

  /** Matches `value` and what is under it element-wise (`/a/` and `/a`: `/a`, `/a/`, `/a/b`, never `/ab`). */
  addPrefix(value: string, entry: T): void {
    appendTo(this.prefix, value.replace(/\/+$/, ''), entry);
  }

  /** Matches the paths `matches` accepts; tested at each look-up. */
  addScanned(entry: T, matches: (path: string) => boolean): void {
    this.scanned.push({ entry, matches });
  }

  /** The entries matching `path`, in no particular order. */
  lookup(path: string): T[] {
    return this.lookupInto(path, []);
  }

  /** lookup(path), appended to `found` (one array for several indexes). */
  lookupInto(path: string, found: T[]): T[] {
    pushAll(found, this.exact.get(path));
    pushAll(found, this.prefix.get(''));
    for (let i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) pushAll(found, this.prefix.get(path.slice(0, i)));
    if (path !== '') pushAll(found, this.prefix.get(path));
    for (const { entry, matches } of this.scanned) if (matches(path)) found.push(entry);
    return found;
  }
}

function pushAll<T>(to: T[], from: readonly T[] | undefined): void {
  if (from) for (let i = 0; i < from.length; i++) to.push(from[i]!);
}

