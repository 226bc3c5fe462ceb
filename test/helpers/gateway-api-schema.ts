/**
 * Test helper: validate Gateway API objects roughly the way the kube-apiserver does on *create*, using the
 * official CRDs kept in `../shared/gateway-api/v1.6.1/{standard,experimental}` beside the repository root.
 *
 * Pipeline per object (see /work/shared/reference/gateway-api.md §2):
 *   1. defaulting: CRD `default`s are applied to a deep copy (ajv `useDefaults` on a copy of the schema without
 *      `oneOf`/`anyOf`/`not`, because ajv evaluates those before filling defaults);
 *   2. structural schema check with ajv + ajv-formats on a *closed* copy of the schema (every object node with
 *      `properties` gets `additionalProperties: false`, i.e. unknown fields are errors, like `kubectl --validate=strict`);
 *   3. list semantics: `x-kubernetes-list-type: set` items unique, `map` entries unique by `x-kubernetes-list-map-keys`;
 *   4. CEL: every `x-kubernetes-validations` rule (except transition rules mentioning `oldSelf`) is evaluated with
 *      @bufbuild/cel on the defaulted data; false → the rule's message, evaluation error → an error too. As in the
 *      apiserver, CEL is skipped (with a note) when step 2 found a required/enum/type/maxLength/maxItems error;
 *   5. `metadata.name` (DNS-1123 subdomain; ≤ 63 for Gateway/GatewayClass) and `metadata.namespace` (DNS-1123 label).
 *
 * Usage:
 * ```ts
 * const v = loadGatewayApiValidator('standard');
 * if (v) assert.deepEqual(v.validate(route), []);
 * ```
 * Each error string reads `<Kind> <namespace>/<name>: <json path>: <reason>`, e.g.
 * `HTTPRoute default/foo: spec.rules[0].backendRefs[0]: Must have port for Service reference`.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parseAllDocuments } from 'yaml';
import { CelScalar, celEnv, celFunc, celMethod, isCelError, parse, plan } from '@bufbuild/cel';
import type { CelEnv, CelResult } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { sharedDir } from './repo.js';

/** Gateway API release channel: which CRD bundle to validate against. */
export type Channel = 'standard' | 'experimental';

/** Validates Gateway API objects against the CRDs of one channel. */
export interface SchemaValidator {
  /** The channel whose CRDs this validator uses. */
  readonly channel: Channel;
  /**
   * Validates one object (as it would be sent to the apiserver, i.e. plain JSON data).
   * Returns `[]` when valid; otherwise one readable string per problem: `Kind namespace/name: json.path: reason`.
   * The object itself is never modified (defaulting happens on a copy).
   */
  validate(obj: unknown): string[];
}

/** Gateway API version of the shared CRD bundle. */
export const GATEWAY_API_VERSION = 'v1.6.1';

/**
 * Directory holding `standard/` and `experimental/` CRDs, or `undefined` when `../shared` (beside the repository
 * root) is absent.
 */
export function gatewayApiCrdDir(): string | undefined {
  if (sharedDir === undefined) return undefined;
  const dir = path.join(sharedDir, 'gateway-api', GATEWAY_API_VERSION);
  return fs.existsSync(path.join(dir, 'standard')) ? dir : undefined;
}

const validators = new Map<Channel, SchemaValidator>();

/**
 * Validator for the given channel (default `standard`), or `undefined` when the shared CRDs are absent.
 * Cached per channel; each kind/version schema is compiled lazily on first use and cached.
 */
export function loadGatewayApiValidator(channel: Channel = 'standard'): SchemaValidator | undefined {
  const cached = validators.get(channel);
  if (cached) return cached;
  const dir = gatewayApiCrdDir();
  if (dir === undefined) return undefined;
  const channelDir = path.join(dir, channel);
  if (!fs.existsSync(channelDir)) return undefined;
  const v = new ChannelValidator(channel, channelDir);
  validators.set(channel, v);
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// CRD index

/** The subset of an OpenAPI v3 / structural schema node that this helper looks at. */
interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: boolean | SchemaNode;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  allOf?: SchemaNode[];
  not?: SchemaNode;
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-validations'?: ValidationRule[];
  [keyword: string]: unknown;
}

interface ValidationRule {
  rule: string;
  message?: string;
  messageExpression?: string;
  fieldPath?: string;
  reason?: string;
}

interface CrdVersion {
  name: string;
  served: boolean;
  schema?: { openAPIV3Schema?: SchemaNode };
}

interface Crd {
  kind: 'CustomResourceDefinition';
  spec: { group: string; scope: string; names: { kind: string }; versions: CrdVersion[] };
}

interface CrdFile {
  file: string;
  crd?: Crd;
}

/** A kind/version compiled for validation. */
interface CompiledSchema {
  schema: SchemaNode; // closed copy, also walked for list semantics and CEL
  applyDefaults: ValidateFunction;
  validateClosed: ValidateFunction;
}

// ---------------------------------------------------------------------------------------------------------------
// Schema transformation

interface TransformOptions {
  /** Set `additionalProperties: false` on object nodes with `properties` (not already setting it). */
  close: boolean;
  /** Drop `oneOf`/`anyOf`/`not` (for the defaulting pass). */
  dropJunctors: boolean;
}

/** Deep copy of a schema node that knows which keywords hold sub-schemas; drops `description`s. */
function transformSchema(node: SchemaNode, opts: TransformOptions, isRoot = false): SchemaNode {
  const out: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description') continue;
    if (key === 'properties' && isRecord(value)) {
      const props: Record<string, SchemaNode> = {};
      for (const [name, sub] of Object.entries(value)) {
        // `metadata` at the root is just `type: object`: the apiserver handles ObjectMeta itself.
        props[name] = isRoot && name === 'metadata' ? { type: 'object' } : transformSchema(sub as SchemaNode, opts);
      }
      out.properties = props;
    } else if (key === 'items' && isRecord(value)) {
      out.items = transformSchema(value as SchemaNode, opts);
    } else if (key === 'additionalProperties' && isRecord(value)) {
      out.additionalProperties = transformSchema(value as SchemaNode, opts);
    } else if (key === 'not' || key === 'oneOf' || key === 'anyOf' || key === 'allOf') {
      if (opts.dropJunctors && key !== 'allOf') continue;
      // Never close objects inside junctors: their branches only restate some of the outer node's properties
      // (e.g. Gateway `addresses[]`: one branch lists just `type`), so closing them would reject valid data.
      const open = { ...opts, close: false };
      (out as Record<string, unknown>)[key] = Array.isArray(value)
        ? value.map((s: SchemaNode) => transformSchema(s, open))
        : transformSchema(value as SchemaNode, open);
    } else {
      out[key] = value; // leaf keyword (type, enum, default, pattern, x-kubernetes-*, …): shared, never mutated
    }
  }
  if (opts.close && out.properties !== undefined && out.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// CEL

/**
 * Kubernetes escapes property names for CEL (k8s.io/apiserver/pkg/cel/escaping.go): reserved words become
 * `__word__`; `__`, `.`, `-`, `/` become `__underscores__`, `__dot__`, `__dash__`, `__slash__`. Names that cannot be
 * escaped are not visible to CEL. In the Gateway API CRDs only `namespace` is affected (`__namespace__`).
 */
const CEL_RESERVED = new Set([
  'true', 'false', 'null', 'in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if', 'import',
  'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while',
]);

function celEscape(name: string): string | undefined {
  if (CEL_RESERVED.has(name)) return `__${name}__`;
  if (!/^[a-zA-Z_.\-/][a-zA-Z0-9_.\-/]*$/.test(name)) return undefined;
  return name.replace(/__|[.\-/]/g, (m) =>
    m === '__' ? '__underscores__' : m === '.' ? '__dot__' : m === '-' ? '__dash__' : '__slash__',
  );
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * CEL environment: standard library + strings extension + the Kubernetes functions the CRDs use:
 * `isIP(string)` and `format.dns1123Label().validate(string)` (XBackend; returns null when valid, as the rule
 * expects). `format.dns1123Label()` is modelled as a function returning the format's name.
 */
function makeCelEnv(): CelEnv {
  const isIP = celFunc('isIP', [CelScalar.STRING], CelScalar.BOOL, (s) => net.isIP(s) !== 0);
  const dns1123LabelFormat = celFunc('format.dns1123Label', [], CelScalar.STRING, () => 'dns1123Label');
  const formatValidate = celMethod('validate', CelScalar.STRING, [CelScalar.STRING], CelScalar.DYN, function (s) {
    if (this !== 'dns1123Label') throw new Error(`unsupported format ${this}`);
    return s.length <= 63 && DNS1123_LABEL.test(s) ? null : [`must be a valid DNS-1123 label`];
  });
  return celEnv({ funcs: [...strings, isIP, dns1123LabelFormat, formatValidate] });
}

type CelProgram = (ctx: { self: unknown }) => CelResult;
type CompiledRule = { program: CelProgram } | { error: string };

let celEnvironment: CelEnv | undefined;
const celPrograms = new Map<string, CompiledRule>();

/** Compiled CEL program for a rule text, cached across channels (the rule text fully determines it). */
function celProgram(rule: string): CompiledRule {
  let compiled = celPrograms.get(rule);
  if (!compiled) {
    try {
      celEnvironment ??= makeCelEnv();
      compiled = { program: plan(celEnvironment, parse(rule)) as unknown as CelProgram };
    } catch (e) {
      compiled = { error: `cannot compile CEL rule: ${errorMessage(e)}` };
    }
    celPrograms.set(rule, compiled);
  }
  return compiled;
}

/**
 * Converts JSON data to CEL input guided by the schema, as the apiserver does: objects with `properties` become
 * `Map`s keyed by the (escaped) property names, unknown properties are dropped (the apiserver prunes them); maps
 * (`additionalProperties`) keep their keys; `integer`s become `BigInt` (CEL int), other numbers stay doubles.
 */
function toCel(value: unknown, schema: SchemaNode | undefined, memo: WeakMap<object, unknown>): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && Number.isInteger(value) && schema?.type !== 'number') return BigInt(value);
    return value;
  }
  const hit = memo.get(value);
  if (hit !== undefined) return hit;
  let out: unknown;
  if (Array.isArray(value)) {
    out = value.map((item) => toCel(item, schema?.items, memo));
  } else {
    const map = new Map<string, unknown>();
    const props = schema?.properties;
    const extra = schema?.additionalProperties;
    for (const [key, item] of Object.entries(value)) {
      const propSchema = props?.[key];
      if (propSchema !== undefined) {
        const name = celEscape(key);
        if (name !== undefined) map.set(name, toCel(item, propSchema, memo));
      } else if (props === undefined || isRecord(extra)) {
        map.set(key, toCel(item, isRecord(extra) ? (extra as SchemaNode) : undefined, memo));
      }
    }
    out = map;
  }
  memo.set(value, out);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The validator

class ChannelValidator implements SchemaValidator {
  private readonly crdFiles = new Map<string, CrdFile>(); // `${group}/${kind}` → file (parsed lazily)
  private readonly compiled = new Map<string, CompiledSchema>(); // `${group}/${version}/${kind}`
  private readonly ajvClosed = addFormats.default(new Ajv({ strict: false, allErrors: true }));
  private readonly ajvDefaults = addFormats.default(new Ajv({ strict: false, allErrors: true, useDefaults: true }));

  constructor(
    readonly channel: Channel,
    dir: string,
  ) {
    // Index CRD files by group/kind without parsing the (large) YAML: controller-gen output is regular.
    for (const name of fs.readdirSync(dir).sort()) {
      if (!name.endsWith('.yaml') && !name.endsWith('.yml')) continue;
      const file = path.join(dir, name);
      const text = fs.readFileSync(file, 'utf8');
      if (!/^kind: CustomResourceDefinition\s*$/m.test(text)) continue;
      const group = /^ {2}group: *["']?([^"'\s]+)/m.exec(text)?.[1];
      const kind = /^ {2}names:\n(?: {4}.*\n| {6}.*\n)*? {4}kind: *["']?([^"'\s]+)/m.exec(text)?.[1];
      if (group !== undefined && kind !== undefined) {
        this.crdFiles.set(`${group}/${kind}`, { file });
      } else {
        for (const crd of parseCrds(file)) this.crdFiles.set(`${crd.spec.group}/${crd.spec.names.kind}`, { file, crd });
      }
    }
  }

  validate(obj: unknown): string[] {
    if (!isRecord(obj)) return [`<input>: not an object (${obj === null ? 'null' : typeof obj})`];
    const label = objectLabel(obj);
    const errors: string[] = [];
    const report = (at: string, reason: string): void => {
      errors.push(`${label}: ${at === '' ? '<root>' : at}: ${reason}`);
    };

    const apiVersion = obj.apiVersion;
    const kind = obj.kind;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
      report(typeof apiVersion !== 'string' ? 'apiVersion' : 'kind', 'Required value (string)');
      return errors;
    }
    const slash = apiVersion.lastIndexOf('/');
    const group = slash < 0 ? '' : apiVersion.slice(0, slash);
    const version = apiVersion.slice(slash + 1);
    const resolved = this.resolve(group, version, kind);
    if ('reason' in resolved) {
      report(resolved.at, resolved.reason);
      return errors;
    }

    // 1. defaulting on a deep copy
    const data = structuredClone(obj);
    resolved.applyDefaults(data);

    // 2. closed structural schema
    let blocking = false;
    if (!resolved.validateClosed(data)) {
      blocking = reportAjvErrors(resolved.validateClosed.errors ?? [], data, report, this.channel);
    }

    // 5. ObjectMeta (name/namespace)
    checkMetadata(data.metadata, kind, report);

    // 3. list semantics and 4. CEL, walking data and schema together. Like the apiserver, CEL rules are not run
    // when the schema check found a "blocking" error (see BLOCKING_KEYWORDS).
    walk(data, resolved.schema, '', report, blocking ? undefined : new WeakMap());
    if (blocking) {
      report('', 'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation');
    }
    return errors;
  }

  /** Compiled schema for group/version/kind, or why there is none. */
  private resolve(group: string, version: string, kind: string): CompiledSchema | { at: string; reason: string } {
    const key = `${group}/${version}/${kind}`;
    const hit = this.compiled.get(key);
    if (hit) return hit;
    const entry = this.crdFiles.get(`${group}/${kind}`);
    const apiVersion = group === '' ? version : `${group}/${version}`;
    if (entry === undefined) {
      return { at: 'kind', reason: `no matches for kind "${kind}" in version "${apiVersion}" (no CRD in the ${this.channel} channel)` };
    }
    entry.crd ??= parseCrds(entry.file).find((c) => c.spec.group === group && c.spec.names.kind === kind);
    const v = entry.crd?.spec.versions.find((x) => x.name === version);
    const served = entry.crd?.spec.versions.filter((x) => x.served).map((x) => x.name) ?? [];
    if (v === undefined || !v.served) {
      const reason = `no matches for kind "${kind}" in version "${apiVersion}" (the ${this.channel} channel serves ${served.join(', ')})`;
      return { at: 'apiVersion', reason };
    }
    const raw = v.schema?.openAPIV3Schema;
    if (raw === undefined) return { at: 'apiVersion', reason: `the CRD for ${kind} ${version} has no openAPIV3Schema` };
    const closed = transformSchema(raw, { close: true, dropJunctors: false }, true);
    const forDefaults = transformSchema(raw, { close: false, dropJunctors: true }, true);
    const compiled: CompiledSchema = {
      schema: closed,
      validateClosed: this.ajvClosed.compile(closed),
      applyDefaults: this.ajvDefaults.compile(forDefaults),
    };
    this.compiled.set(key, compiled);
    return compiled;
  }
}

function parseCrds(file: string): Crd[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map((d) => d.toJS() as unknown)
    .filter((d): d is Crd => isRecord(d) && d.kind === 'CustomResourceDefinition');
}

// ---------------------------------------------------------------------------------------------------------------
// Checks

/**
 * ObjectMeta checks the apiserver does for custom resources (name: DNS-1123 subdomain; namespace: DNS-1123 label),
 * plus the Gateway API's "SHOULD be a DNS label" (≤ 63) for Gateway and GatewayClass names. (A namespace on a
 * cluster-scoped kind is not an error: the apiserver silently clears it.)
 */
function checkMetadata(metadata: unknown, kind: string, report: (at: string, reason: string) => void): void {
  if (!isRecord(metadata)) {
    if (metadata === undefined) report('metadata.name', 'Required value');
    return; // a non-object metadata is already reported by ajv
  }
  const { name, namespace, generateName } = metadata;
  if (name === undefined || name === '') {
    if (typeof generateName !== 'string' || generateName === '') report('metadata.name', 'Required value');
  } else if (typeof name !== 'string') {
    report('metadata.name', 'must be a string');
  } else {
    if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) {
      report('metadata.name', `${JSON.stringify(name)}: must be a lowercase RFC 1123 subdomain (≤ 253 characters, [a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.…)*)`);
    }
    if ((kind === 'Gateway' || kind === 'GatewayClass') && name.length > 63) {
      report('metadata.name', `must be no more than 63 characters for ${kind} (is ${name.length})`);
    }
  }
  if (namespace !== undefined && namespace !== '') {
    if (typeof namespace !== 'string') report('metadata.namespace', 'must be a string');
    else if (namespace.length > 63 || !DNS1123_LABEL.test(namespace)) {
      report('metadata.namespace', `${JSON.stringify(namespace)}: must be a lowercase RFC 1123 label (≤ 63 characters, [a-z0-9]([-a-z0-9]*[a-z0-9])?)`);
    }
  }
}

/**
 * ajv keywords whose failure makes the apiserver skip all CEL rules (`hasBlockingErr` in apiextensions-apiserver:
 * error types Required, NotSupported, TooLong, TooMany, TypeInvalid).
 */
const BLOCKING_KEYWORDS = new Set(['required', 'enum', 'maxLength', 'maxItems', 'maxProperties', 'type']);

/**
 * Reports ajv errors; returns true when one of them blocks CEL evaluation. Errors from inside a `oneOf`/`anyOf`
 * branch are folded into the (outermost) junctor's error, so a bad Gateway address gives one line, not five.
 */
function reportAjvErrors(
  errors: ErrorObject[],
  data: unknown,
  report: (at: string, reason: string) => void,
  channel: Channel,
): boolean {
  let blocking = false;
  const junctors = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const within = (e: ErrorObject, j: ErrorObject): boolean =>
    e !== j &&
    e.schemaPath.startsWith(`${j.schemaPath}/`) &&
    (e.instancePath === j.instancePath || e.instancePath.startsWith(`${j.instancePath}/`));
  const outermost = (e: ErrorObject): ErrorObject | undefined => {
    let owner: ErrorObject | undefined;
    for (const j of junctors) if (within(e, j) && (owner === undefined || within(owner, j))) owner = j;
    return owner;
  };
  const nested = new Map<ErrorObject, ErrorObject[]>();
  for (const e of errors) {
    const owner = outermost(e);
    if (owner !== undefined) nested.set(owner, [...(nested.get(owner) ?? []), e]);
  }
  for (const e of errors) {
    if (outermost(e) !== undefined) continue;
    blocking ||= BLOCKING_KEYWORDS.has(e.keyword);
    const { at, reason } = describeAjvError(e, data, channel);
    const details = (nested.get(e) ?? [])
      .filter((n) => n.keyword !== 'oneOf' && n.keyword !== 'anyOf')
      .map((n) => {
        const d = describeAjvError(n, data, channel);
        const rel = d.at.startsWith(at) ? d.at.slice(at.length).replace(/^\./, '') : d.at;
        return rel === '' ? d.reason : `${rel}: ${d.reason}`;
      });
    report(at, details.length > 0 ? `${reason} (${details.join('; ')})` : reason);
  }
  return blocking;
}

function describeAjvError(e: ErrorObject, data: unknown, channel: Channel): { at: string; reason: string } {
  const segments = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const { at, value: found } = locate(data, segments);
  const p = e.params as Record<string, unknown>;
  const value = (): string => JSON.stringify(found) ?? 'undefined';
  switch (e.keyword) {
    case 'additionalProperties':
      return { at: joinPath(at, String(p.additionalProperty)), reason: `unknown field (not in the ${channel}-channel schema)` };
    case 'required':
      return { at: joinPath(at, String(p.missingProperty)), reason: 'Required value' };
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      return { at, reason: `${value()}: must be one of ${allowed}` };
    }
    case 'pattern':
    case 'format':
    case 'maxLength':
    case 'minLength':
    case 'maximum':
    case 'minimum':
    case 'type':
      return { at, reason: `${value()}: ${e.message ?? e.keyword}` };
    default:
      return { at, reason: e.message ?? e.keyword };
  }
}

/** Walks data and schema together: list uniqueness, and CEL rules unless `memo` (CEL values) is undefined. */
function walk(
  data: unknown,
  schema: SchemaNode,
  at: string,
  report: (at: string, reason: string) => void,
  memo: WeakMap<object, unknown> | undefined,
): void {
  const rules = schema['x-kubernetes-validations'];
  if (rules !== undefined && memo !== undefined) {
    for (const rule of rules) evaluateRule(rule, data, schema, at, report, memo);
  }
  if (Array.isArray(data)) {
    checkListSemantics(data, schema, at, report);
    if (schema.items !== undefined) {
      data.forEach((item, i) => walk(item, schema.items as SchemaNode, `${at}[${i}]`, report, memo));
    }
  } else if (isRecord(data)) {
    const extra = schema.additionalProperties;
    for (const [key, value] of Object.entries(data)) {
      const sub = schema.properties?.[key] ?? (isRecord(extra) ? (extra as SchemaNode) : undefined);
      if (sub !== undefined) walk(value, sub, joinPath(at, key), report, memo);
    }
  }
}

function evaluateRule(
  rule: ValidationRule,
  data: unknown,
  schema: SchemaNode,
  at: string,
  report: (at: string, reason: string) => void,
  memo: WeakMap<object, unknown>,
): void {
  if (/\boldSelf\b/.test(rule.rule)) return; // transition rule: only evaluated on update
  const where = rule.fieldPath ? `${at}${rule.fieldPath.startsWith('[') ? '' : '.'}${rule.fieldPath.replace(/^\./, '')}` : at;
  const compiled = celProgram(rule.rule);
  if ('error' in compiled) {
    report(where, `${compiled.error} (rule: ${rule.rule})`);
    return;
  }
  const self = toCel(data, schema, memo);
  let why: string;
  try {
    const result = compiled.program({ self });
    if (result === true) return;
    if (result === false) {
      report(where, ruleMessage(rule, self));
      return;
    }
    why = isCelError(result) ? result.message : `non-boolean result ${String(result)}`;
  } catch (e) {
    why = errorMessage(e);
  }
  // The apiserver rejects the object too when a rule fails to evaluate, e.g. for Gateway `tls: {mode: Terminate}`
  // without certificateRefs: `no such key: certificateRefs evaluating rule: certificateRefs or options must be …`.
  report(where, `${why} evaluating rule: ${rule.message?.trim() || rule.rule}`);
}

function ruleMessage(rule: ValidationRule, self: unknown): string {
  if (rule.messageExpression !== undefined) {
    const compiled = celProgram(rule.messageExpression);
    if ('program' in compiled) {
      try {
        const msg = compiled.program({ self });
        if (typeof msg === 'string' && msg.trim() !== '') return msg;
      } catch {
        // fall back to message, as the apiserver does
      }
    }
  }
  return rule.message ?? `failed rule: ${rule.rule}`;
}

function checkListSemantics(
  list: unknown[],
  schema: SchemaNode,
  at: string,
  report: (at: string, reason: string) => void,
): void {
  const listType = schema['x-kubernetes-list-type'];
  if (listType === 'set') {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const key = canonicalJson(item);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else report(`${at}[${i}]`, `Duplicate value: ${key} (x-kubernetes-list-type set; first at ${at}[${first}])`);
    });
  } else if (listType === 'map') {
    const keys = schema['x-kubernetes-list-map-keys'] ?? [];
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      if (!isRecord(item)) return;
      const key = canonicalJson(keys.map((k) => item[k] ?? null));
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else {
        const desc = keys.map((k) => `${k}=${JSON.stringify(item[k])}`).join(', ');
        report(`${at}[${i}]`, `Duplicate value: ${desc} (x-kubernetes-list-type map; first at ${at}[${first}])`);
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Small utilities

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** `Kind namespace/name` (or `Kind name` without a namespace) for error prefixes. */
function objectLabel(obj: Record<string, unknown>): string {
  const kind = typeof obj.kind === 'string' ? obj.kind : '<no kind>';
  const md = isRecord(obj.metadata) ? obj.metadata : {};
  const name = typeof md.name === 'string' && md.name !== '' ? md.name : '<no name>';
  return typeof md.namespace === 'string' && md.namespace !== '' ? `${kind} ${md.namespace}/${name}` : `${kind} ${name}`;
}

/** Appends a property to a path: `a.b`, or `a["x/y"]` for keys that are not identifier-like. */
function joinPath(at: string, key: string): string {
  if (/^[A-Za-z_$][\w$-]*$/.test(key)) return at === '' ? key : `${at}.${key}`;
  return `${at}[${JSON.stringify(key)}]`;
}

/** Follows JSON-pointer segments into data: the readable path (`a.b[0]`) and the value found there. */
function locate(data: unknown, segments: string[]): { at: string; value: unknown } {
  let at = '';
  let cur = data;
  for (const s of segments) {
    if (Array.isArray(cur)) {
      at = `${at}[${s}]`;
      cur = cur[Number(s)];
    } else {
      at = joinPath(at, s);
      cur = isRecord(cur) ? cur[s] : undefined;
    }
  }
  return { at, value: cur };
}

/** JSON with sorted object keys, for deep-equality comparisons. */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isRecord(v)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

// ---------------------------------------------------------------------------------------------------------------
// APISIX Ingress Controller CRDs (../shared/apisix-crds/2.2.0), same pipeline

let apisixValidator: SchemaValidator | undefined | null = null;

/** Validator for the APISIX Ingress Controller 2.2.0 CRDs, or `undefined` when `../shared` is absent. */
export function loadApisixValidator(): SchemaValidator | undefined {
  if (apisixValidator !== null) return apisixValidator;
  const dir = sharedDir === undefined ? undefined : path.join(sharedDir, 'apisix-crds', '2.2.0');
  apisixValidator = dir !== undefined && fs.existsSync(dir) ? new ChannelValidator('standard', dir) : undefined;
  return apisixValidator;
}

/** Validates any emitted object: Gateway API kinds against the standard channel, APISIX kinds against their CRDs. */
export function loadOutputValidator(): SchemaValidator | undefined {
  const gateway = loadGatewayApiValidator('standard');
  const apisix = loadApisixValidator();
  if (!gateway || !apisix) return undefined;
  return {
    channel: 'standard',
    validate: (obj: unknown) => ((obj as { apiVersion?: string }).apiVersion?.startsWith('apisix.apache.org/') ? apisix : gateway).validate(obj),
  } as SchemaValidator;
}
