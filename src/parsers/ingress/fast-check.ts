// A cheaper check for the common case: a networking.k8s.io/v1 Ingress that the zod schema
// (schema.ts) accepts as it is. zod's parse costs ~60 µs per Ingress and copies the object; this
// walks it once. It may only say yes where ingressV1Schema says yes with the same data (a property
// test holds it to that); anything else, and every invalid object, goes through zod, which then
// explains what is wrong.
import { isHostName, isNotIpAddress, pathProblem, pathTypeV1 } from './schema.js';
import type { IngressV1 } from './schema.js';

type Obj = Record<string, unknown>;

const pathTypes: ReadonlySet<string> = new Set(pathTypeV1.options);

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Only keys from `allowed`, and none of them holding `undefined` (zod would treat it as absent). */
function onlyKeys(value: Obj, allowed: ReadonlySet<string>): boolean {
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (!allowed.has(key) || value[key] === undefined) return false;
  }
  return true;
}

const optionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';
const nonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function isHost(h: unknown): boolean {
  return typeof h === 'string' && h.length <= 253 && isNotIpAddress(h) && isHostName(h);
}

const rootKeys = new Set(['apiVersion', 'kind', 'metadata', 'status', 'spec']);
const specKeys = new Set(['ingressClassName', 'defaultBackend', 'rules', 'tls']);
const ruleKeys = new Set(['host', 'http']);
const httpKeys = new Set(['paths']);
const pathKeys = new Set(['path', 'pathType', 'backend']);
const backendKeys = new Set(['service', 'resource']);
const serviceKeys = new Set(['name', 'port']);
const portKeys = new Set(['name', 'number']);
const resourceKeys = new Set(['apiGroup', 'kind', 'name']);
const tlsKeys = new Set(['hosts', 'secretName']);

function isBackend(b: unknown): boolean {
  if (!isObject(b) || !onlyKeys(b, backendKeys) || (b['service'] === undefined) === (b['resource'] === undefined)) return false;
  const service = b['service'];
  if (service !== undefined) {
    if (!isObject(service) || !onlyKeys(service, serviceKeys) || !nonEmptyString(service['name'])) return false;
    const port = service['port'];
    if (!isObject(port) || !onlyKeys(port, portKeys) || (port['name'] === undefined) === (port['number'] === undefined)) return false;
    if (port['name'] !== undefined && !nonEmptyString(port['name'])) return false;
    const n = port['number'];
    if (n !== undefined && !(typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535)) return false;
    return true;
  }
  const r = b['resource'];
  return isObject(r) && onlyKeys(r, resourceKeys) && optionalString(r['apiGroup']) && nonEmptyString(r['kind']) && nonEmptyString(r['name']);
}

function isPath(p: unknown): boolean {
  if (!isObject(p) || !onlyKeys(p, pathKeys)) return false;
  const path = p['path'];
  const pathType = p['pathType'];
  if (!optionalString(path) || typeof pathType !== 'string' || !pathTypes.has(pathType) || !isBackend(p['backend'])) return false;
  return pathProblem(path as string | undefined, pathType) === undefined;
}

function isRule(r: unknown): boolean {
  if (!isObject(r) || !onlyKeys(r, ruleKeys)) return false;
  const host = r['host'];
  if (host !== undefined && host !== '' && !isHost(host)) return false;
  const http = r['http'];
  if (http === undefined) return true;
  if (!isObject(http) || !onlyKeys(http, httpKeys)) return false;
  const paths = http['paths'];
  return Array.isArray(paths) && paths.length > 0 && paths.every(isPath);
}

function isTls(t: unknown): boolean {
  if (!isObject(t) || !onlyKeys(t, tlsKeys) || !optionalString(t['secretName'])) return false;
  const hosts = t['hosts'];
  return hosts === undefined || (Array.isArray(hosts) && hosts.every(isHost));
}

/** An own `__proto__` key (JSON.parse makes one) is dropped by zod: not "unchanged". */
const hasProtoKey = (o: Obj): boolean => Object.prototype.hasOwnProperty.call(o, '__proto__');

function isMetadata(m: unknown): boolean {
  if (!isObject(m) || hasProtoKey(m) || !nonEmptyString(m['name'])) return false;
  if (m['namespace'] !== undefined && !nonEmptyString(m['namespace'])) return false;
  if (!optionalString(m['creationTimestamp'])) return false;
  const annotations = m['annotations'];
  if (annotations === undefined) return true;
  if (!isObject(annotations) || hasProtoKey(annotations)) return false;
  for (const key in annotations) if (typeof annotations[key] !== 'string') return false;
  return true;
}

/** True when ingressV1Schema accepts `raw` unchanged; false means "ask zod", not "invalid". */
export function isPlainIngressV1(raw: unknown): raw is IngressV1 {
  if (!isObject(raw) || !onlyKeys(raw, rootKeys) || raw['apiVersion'] !== 'networking.k8s.io/v1' || raw['kind'] !== 'Ingress') return false;
  if (!isMetadata(raw['metadata'])) return false;
  const spec = raw['spec'];
  if (!isObject(spec) || !onlyKeys(spec, specKeys)) return false;
  if (spec['ingressClassName'] !== undefined && !nonEmptyString(spec['ingressClassName'])) return false;
  if (spec['defaultBackend'] !== undefined && !isBackend(spec['defaultBackend'])) return false;
  const rules = spec['rules'];
  if (rules !== undefined && !(Array.isArray(rules) && rules.every(isRule))) return false;
  const tls = spec['tls'];
  if (tls !== undefined && !(Array.isArray(tls) && tls.every(isTls))) return false;
  return (Array.isArray(rules) && rules.length > 0) || spec['defaultBackend'] !== undefined;
}
