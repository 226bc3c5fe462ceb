// Name derivation for emitted objects: DNS-1123, bounded, stable, collision-free.

/** Kubernetes object names (DNS-1123 subdomain, ≤ 253) and namespaces (DNS-1123 label, ≤ 63). */
export const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function isObjectName(text: string): boolean {
  return text.length <= 253 && DNS1123_SUBDOMAIN.test(text);
}

export function isNamespaceName(text: string): boolean {
  return text.length <= 63 && DNS1123_LABEL.test(text);
}

/** FNV-1a (32-bit) as 8 hex digits: a short, stable suffix that needs no crypto module. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Lower-case, `[a-z0-9-]` only, no leading/trailing/double dashes. May be empty. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Host → name fragment: `*.example.com` → `wildcard-example-com`, no host → `all-hosts`. */
export function hostSlug(host: string | undefined): string {
  if (host === undefined || host === '' || host === '*') return 'all-hosts';
  if (host.startsWith('*.')) return `wildcard-${slug(host.slice(2))}`;
  return slug(host) || 'host';
}

export const MAX_OBJECT_NAME = 253;
export const MAX_LABEL_NAME = 63;

/**
 * A valid DNS-1123 name of at most `max` characters from any text. When the text had to be
 * shortened (or was changed), a hash of the original keeps distinct inputs distinct.
 */
export function dnsName(text: string, max: number = MAX_OBJECT_NAME): string {
  const clean = slug(text) || 'unnamed';
  if (clean.length <= max) return clean;
  const suffix = shortHash(text);
  const head = clean.slice(0, max - suffix.length - 1).replace(/-+$/, '');
  return `${head}-${suffix}`;
}

/** Appends `-<suffix>` to a name, shortening the name so that the result fits in `max`. */
export function withSuffix(name: string, suffix: string, max: number = MAX_OBJECT_NAME): string {
  const room = max - suffix.length - 1;
  return `${name.length > room ? name.slice(0, room).replace(/-+$/, '') : name}-${suffix}`;
}

/**
 * Gives each claimant its wanted name, unless several want the same one: then every claimant of
 * that name gets a hash of its own identity appended. The result depends only on the set of
 * claims, never on the order they were made in.
 */
export function allocateNames<T extends { wanted: string; identity: string }>(claims: readonly T[], max: number = MAX_OBJECT_NAME): Map<T, string> {
  const byName = new Map<string, T[]>();
  for (const claim of claims) {
    const list = byName.get(claim.wanted);
    if (list) list.push(claim);
    else byName.set(claim.wanted, [claim]);
  }
  const result = new Map<T, string>();
  for (const [name, list] of byName) {
    if (list.length === 1) result.set(list[0]!, name);
    else for (const claim of list) result.set(claim, withSuffix(name, shortHash(claim.identity), max));
  }
  return result;
}

/** allocateNames within each namespace (names only need to be unique per namespace and kind). */
export function allocateNamespacedNames<T extends { namespace: string; wanted: string; identity: string }>(claims: readonly T[], max: number = MAX_OBJECT_NAME): Map<T, string> {
  const byNamespace = new Map<string, T[]>();
  for (const claim of claims) {
    const list = byNamespace.get(claim.namespace);
    if (list) list.push(claim);
    else byNamespace.set(claim.namespace, [claim]);
  }
  const result = new Map<T, string>();
  for (const list of byNamespace.values()) for (const [claim, name] of allocateNames(list, max)) result.set(claim, name);
  return result;
}
