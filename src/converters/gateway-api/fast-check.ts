// A cheaper check for the common output: Gateways, and HTTPRoutes of path matches and Service
// backends, which the zod schemas (validate.ts) accept as they are. zod's parse costs ~20 µs per
// route (more per Gateway) and copies the object; this walks it once. It may only say yes where the zod schema says yes (a property test holds it
// to that); anything else (filters, timeouts, other backends, any doubt) goes through zod, which
// then explains what is wrong.
import { DNS1123_LABEL, DNS1123_SUBDOMAIN } from '../../common/names.js';
import { isPlainPathValue } from './paths.js';

/** Gateway API hostname (RFC 1123, optionally `*.`-prefixed, lower case), as the zod schema checks it. */
export const GATEWAY_HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Only keys from `allowed`, none holding `undefined`, and every key of `required`. */
function hasKeys(value: Obj, allowed: ReadonlySet<string>, required: readonly string[]): boolean {
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (!allowed.has(key) || value[key] === undefined) return false;
  }
  for (const key of required) if (!(key in value)) return false;
  return true;
}

const isSubdomain = (v: unknown): boolean => typeof v === 'string' && v.length <= 253 && DNS1123_SUBDOMAIN.test(v);
const isLabel = (v: unknown): boolean => typeof v === 'string' && v.length <= 63 && DNS1123_LABEL.test(v);
const isPort = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 65535;
const isHostname = (v: unknown): boolean => typeof v === 'string' && v.length >= 1 && v.length <= 253 && GATEWAY_HOSTNAME.test(v);

const rootKeys = new Set(['apiVersion', 'kind', 'metadata', 'spec']);
const metadataKeys = new Set(['name', 'namespace']);
const specKeys = new Set(['parentRefs', 'hostnames', 'rules']);
const parentKeys = new Set(['name', 'namespace', 'sectionName', 'port']);
const ruleKeys = new Set(['matches', 'backendRefs']);
const matchKeys = new Set(['path', 'method']);
const pathKeys = new Set(['type', 'value']);
const backendKeys = new Set(['name', 'namespace', 'port']);
const pathTypes = new Set(['Exact', 'PathPrefix', 'RegularExpression']);

function isParentRef(p: unknown): boolean {
  return (
    isObject(p) &&
    hasKeys(p, parentKeys, ['name']) &&
    isSubdomain(p['name']) &&
    (p['namespace'] === undefined || isLabel(p['namespace'])) &&
    (p['sectionName'] === undefined || isSubdomain(p['sectionName'])) &&
    (p['port'] === undefined || isPort(p['port']))
  );
}

function isMatch(m: unknown): boolean {
  if (!isObject(m) || !hasKeys(m, matchKeys, ['path'])) return false;
  if (m['method'] !== undefined && m['method'] !== 'GET' && m['method'] !== 'HEAD') return false;
  const path = m['path'];
  if (!isObject(path) || !hasKeys(path, pathKeys, ['type', 'value'])) return false;
  const { type, value } = path;
  if (typeof type !== 'string' || !pathTypes.has(type) || typeof value !== 'string' || value.length < 1 || value.length > 1024) return false;
  return type === 'RegularExpression' || isPlainPathValue(value);
}

/** A Service backend (no group or kind): it must name a port. */
function isServiceBackend(b: unknown): boolean {
  return (
    isObject(b) &&
    hasKeys(b, backendKeys, ['name', 'port']) &&
    typeof b['name'] === 'string' &&
    b['name'].length >= 1 &&
    b['name'].length <= 253 &&
    (b['namespace'] === undefined || isLabel(b['namespace'])) &&
    isPort(b['port'])
  );
}

function every(list: unknown, min: number, max: number, test: (item: unknown) => boolean): list is unknown[] {
  if (!Array.isArray(list) || list.length < min || list.length > max) return false;
  for (const item of list) if (!test(item)) return false;
  return true;
}

const gatewaySpecKeys = new Set(['gatewayClassName', 'listeners']);
const listenerKeys = new Set(['name', 'hostname', 'port', 'protocol', 'tls', 'allowedRoutes']);
const tlsKeys = new Set(['mode', 'certificateRefs']);
const secretRefKeys = new Set(['group', 'kind', 'name', 'namespace']);
const allowedRoutesKeys = new Set(['namespaces']);
const namespacesKeys = new Set(['from']);

function isSecretRef(r: unknown): boolean {
  return isObject(r) && hasKeys(r, secretRefKeys, ['group', 'kind', 'name']) && r['group'] === '' && r['kind'] === 'Secret' && isSubdomain(r['name']) && (r['namespace'] === undefined || isLabel(r['namespace']));
}

function isListener(l: unknown): boolean {
  if (!isObject(l) || !hasKeys(l, listenerKeys, ['name', 'port', 'protocol'])) return false;
  if (!isSubdomain(l['name']) || !isPort(l['port']) || (l['hostname'] !== undefined && !isHostname(l['hostname']))) return false;
  const tls = l['tls'];
  // HTTPS listeners need tls, HTTP listeners must not have it.
  if (l['protocol'] === 'HTTP') {
    if (tls !== undefined) return false;
  } else if (l['protocol'] !== 'HTTPS' || !isObject(tls) || !hasKeys(tls, tlsKeys, ['mode', 'certificateRefs']) || tls['mode'] !== 'Terminate' || !every(tls['certificateRefs'], 1, 64, isSecretRef)) {
    return false;
  }
  const allowed = l['allowedRoutes'];
  if (allowed === undefined) return true;
  if (!isObject(allowed) || !hasKeys(allowed, allowedRoutesKeys, ['namespaces'])) return false;
  const namespaces = allowed['namespaces'];
  return isObject(namespaces) && hasKeys(namespaces, namespacesKeys, ['from']) && (namespaces['from'] === 'All' || namespaces['from'] === 'Same');
}

/** True only for a Gateway the zod schema accepts; false means "ask zod". */
export function isPlainGateway(gateway: unknown): boolean {
  if (!isObject(gateway) || !hasKeys(gateway, rootKeys, ['apiVersion', 'kind', 'metadata', 'spec'])) return false;
  if (gateway['apiVersion'] !== 'gateway.networking.k8s.io/v1' || gateway['kind'] !== 'Gateway') return false;
  const metadata = gateway['metadata'];
  if (!isObject(metadata) || !hasKeys(metadata, metadataKeys, ['name', 'namespace']) || !isSubdomain(metadata['name']) || (metadata['name'] as string).length > 63 || !isLabel(metadata['namespace'])) return false;
  const spec = gateway['spec'];
  if (!isObject(spec) || !hasKeys(spec, gatewaySpecKeys, ['gatewayClassName', 'listeners']) || !isSubdomain(spec['gatewayClassName'])) return false;
  const listeners = spec['listeners'];
  if (!every(listeners, 1, 64, isListener)) return false;
  // Names unique; port, protocol and hostname unique.
  const names = new Set<unknown>();
  const endpoints = new Set<string>();
  for (const l of listeners as Obj[]) {
    names.add(l['name']);
    endpoints.add(`${l['port']}/${l['protocol']}/${(l['hostname'] as string | undefined) ?? ''}`);
  }
  return names.size === listeners.length && endpoints.size === listeners.length;
}

/** True only for an HTTPRoute the zod schema accepts; false means "ask zod". */
export function isPlainHttpRoute(route: unknown): boolean {
  if (!isObject(route) || !hasKeys(route, rootKeys, ['apiVersion', 'kind', 'metadata', 'spec'])) return false;
  if (route['apiVersion'] !== 'gateway.networking.k8s.io/v1' || route['kind'] !== 'HTTPRoute') return false;
  const metadata = route['metadata'];
  if (!isObject(metadata) || !hasKeys(metadata, metadataKeys, ['name', 'namespace']) || !isSubdomain(metadata['name']) || !isLabel(metadata['namespace'])) return false;
  const spec = route['spec'];
  if (!isObject(spec) || !hasKeys(spec, specKeys, ['parentRefs', 'rules'])) return false;
  if (!every(spec['parentRefs'], 1, 32, isParentRef)) return false;
  if (spec['hostnames'] !== undefined && !every(spec['hostnames'], 1, 16, isHostname)) return false;
  const rules = spec['rules'];
  if (!Array.isArray(rules) || rules.length < 1 || rules.length > 16) return false;
  let matches = 0;
  for (const rule of rules) {
    // Without filters a rule needs a backend (a redirect would be a filter).
    if (!isObject(rule) || !hasKeys(rule, ruleKeys, ['matches', 'backendRefs'])) return false;
    if (!every(rule['matches'], 1, 64, isMatch) || !every(rule['backendRefs'], 1, 16, isServiceBackend)) return false;
    matches += rule['matches'].length;
  }
  return matches <= 128;
}
