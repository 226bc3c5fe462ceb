// Plain Ingress → IR. Validates against the apiserver's schema (zod), reports unknown fields and
// annotations, and records the location of every element the converters may talk about.
import type { z } from 'zod';
import type { InputObject } from '../../input/objects.js';
import { childPath, type PathSegment } from '../../input/documents.js';
import type { Backend, Ingress, IngressAccount, IngressPath, IngressRule, IngressTls } from '../../ir/model.js';
import type { DiagnosticSink } from '../../reporter/sink.js';
import { dropNulls, setOwn, withoutNulls } from '../drop-nulls.js';
import { shownValue } from '../../reporter/values.js';
import { isApisixAnnotation, parseApisixAnnotations } from '../apisix/index.js';
import { isPlainIngressV1 } from './fast-check.js';
import { coreAnnotation, INGRESS_CLASS_ANNOTATION, LAST_APPLIED_ANNOTATION } from './annotations.js';
import {
  ingressV1beta1Schema,
  ingressV1Schema,
  type BackendV1,
  type BackendV1beta1,
  type IngressV1,
  type IngressV1beta1,
} from './schema.js';

export const LEGACY_INGRESS_VERSIONS = new Set(['extensions/v1beta1', 'networking.k8s.io/v1beta1']);

export interface ParseContext {
  defaultNamespace: string;
  sink: DiagnosticSink;
  /** Locate every spec field (line and column), not only the ones findings are about. */
  fieldPositions: boolean;
}

/**
 * Parses one Ingress object. `ingress` is undefined (with error diagnostics) when it is invalid;
 * `account` lists its annotations and spec fields either way.
 */
export function parseIngress(object: InputObject, ctx: ParseContext): { ingress: Ingress | undefined; account: IngressAccount } {
  const legacy = LEGACY_INGRESS_VERSIONS.has(object.apiVersion);
  const raw = dropNulls(withNullAnnotationsAsEmpty(object.value)) as Record<string, unknown>;
  const name = nameOf(raw);
  const namespace = namespaceOf(raw) ?? ctx.defaultNamespace;
  const ref = { kind: 'Ingress', namespace, name: name ?? '<unnamed>' };
  const account = accountOf(raw, object, ref, ctx.fieldPositions); // before validation removes unknown fields

  // Most Ingresses are plain v1 objects the schema accepts as they are: a cheap walk says so.
  const result = legacy ? validate(ingressV1beta1Schema, raw, object, ref, ctx) : isPlainIngressV1(raw) ? raw : validate(ingressV1Schema, raw, object, ref, ctx);
  if (!result) return { ingress: undefined, account };

  if (legacy) {
    ctx.sink.add(
      'legacy-api-version',
      `${object.apiVersion} Ingress is converted as networking.k8s.io/v1 (serviceName/servicePort read as service.name/port; a missing pathType is ImplementationSpecific)`,
      { location: object.locate(['apiVersion']), object: ref, hint: 'networking.k8s.io/v1beta1 and extensions/v1beta1 Ingress were removed in Kubernetes 1.22' },
    );
  }
  if (result !== raw) keepProtoAnnotation(result as IngressV1 | IngressV1beta1, raw);
  const ingress = legacy ? fromV1beta1(result as IngressV1beta1, object, namespace) : fromV1(result as IngressV1, object, namespace);
  accountAnnotations(ingress, ctx);
  ingress.intents = parseApisixAnnotations(ingress.annotations, ingress.ref, ctx.sink);
  return { ingress, account };
}

/**
 * zod's records leave out a key named `__proto__`; the object as read has it as a field like any
 * other, so it is carried over and accounted (and reported) as an annotation.
 */
function keepProtoAnnotation(validated: IngressV1 | IngressV1beta1, raw: Record<string, unknown>): void {
  const annotations = (raw['metadata'] as Record<string, unknown> | undefined)?.['annotations'];
  if (!annotations || typeof annotations !== 'object' || !Object.prototype.hasOwnProperty.call(annotations, '__proto__')) return;
  const value = (annotations as Record<string, unknown>)['__proto__'];
  if (typeof value !== 'string') return;
  validated.metadata.annotations ??= {};
  setOwn(validated.metadata.annotations, '__proto__', value);
}

/** Every annotation, and every leaf under `spec` (scalars, empty objects and lists), as written. */
function accountOf(raw: Record<string, unknown>, object: InputObject, ref: Ingress['ref'], withPositions: boolean): IngressAccount {
  const metadata = raw['metadata'];
  const annotations = metadata && typeof metadata === 'object' ? (metadata as Record<string, unknown>)['annotations'] : undefined;
  const fields: string[] = [];
  // Positions cost a look-up in the source per field; most reports only count fields.
  const positions: number[] | undefined = withPositions ? [] : undefined;
  // One path array, extended and shrunk in place: a large dump has hundreds of thousands of leaves.
  // The formatted paths come from a cache by parent and segment: built once per shape, not per leaf.
  const path: PathSegment[] = ['spec'];
  const walk = (value: unknown, formatted: string): void => {
    if (Array.isArray(value) && value.length > 0) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i], childPath(formatted, i));
        path.pop();
      }
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
      for (const key of Object.keys(value)) {
        path.push(key);
        walk((value as Record<string, unknown>)[key], childPath(formatted, key));
        path.pop();
      }
    } else {
      fields.push(formatted);
      if (positions) {
        const { line, col } = object.locate(path);
        positions.push(line ?? 1, col ?? 1);
      }
    }
  };
  if (raw['spec'] !== undefined) walk(raw['spec'], 'spec');
  return {
    ref,
    location: object.locate(),
    annotations:
      annotations && typeof annotations === 'object' && !Array.isArray(annotations)
        ? Object.keys(annotations)
            .sort()
            .map((key) => ({ key, value: key === LAST_APPLIED_ANNOTATION ? '' : String((annotations as Record<string, unknown>)[key]), location: object.locate(['metadata', 'annotations', key]) }))
        : [],
    fields,
    ...(positions ? { fieldPositions: positions } : {}),
  };
}

/** safeParse; unknown fields become warnings (and are removed), anything else is an error. */
function validate<S extends z.ZodType>(schema: S, raw: Record<string, unknown>, object: InputObject, ref: Ingress['ref'], ctx: ParseContext): z.infer<S> | undefined {
  let result = schema.safeParse(raw, { reportInput: true });
  if (result.success) return result.data;
  const unknown = result.error.issues.filter((i) => i.code === 'unrecognized_keys');
  const others = result.error.issues.filter((i) => i.code !== 'unrecognized_keys');
  // Unknown fields are removed from a copy: `raw` may be the input object itself (see dropNulls).
  if (unknown.length > 0) raw = withoutNulls(raw) as Record<string, unknown>;
  for (const issue of unknown) {
    for (const key of (issue as { keys: string[] }).keys) {
      const path = [...(issue.path as PathSegment[]), key];
      ctx.sink.add('unknown-field', `field "${key}" is not part of the Ingress schema; it is not converted`, { location: object.locate(path), object: ref });
      deleteAt(raw, path);
    }
  }
  if (others.length === 0) {
    result = schema.safeParse(raw);
    if (result.success) return result.data;
  }
  for (const issue of (others.length > 0 ? others : result.error.issues)) {
    // The location names the field; the message says what is wrong with it.
    const path = issue.path as PathSegment[];
    ctx.sink.add('ingress-invalid', `${describeIssue(issue)}; the Ingress is not converted`, { location: object.locate(path), object: ref });
  }
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    const field = issue.path[issue.path.length - 1];
    return `${field === undefined ? 'a value' : `"${String(field)}"`} is required`;
  }
  const shown = issue.input === undefined || typeof issue.input === 'object' || issue.code === 'custom' ? '' : ` (got ${JSON.stringify(issue.input)})`;
  return `${issue.message}${shown}`;
}

/** The two API versions differ only in backend shape, the default backend's field and pathType's default. */
interface SpecOf<B> {
  ingressClassName?: string | undefined;
  rules?: { host?: string | undefined; http?: { paths: { path?: string | undefined; pathType?: IngressPath['pathType'] | undefined; backend: B }[] } | undefined }[] | undefined;
  tls?: { hosts?: string[] | undefined; secretName?: string | undefined }[] | undefined;
}

function fromSpec<B>(
  ing: IngressV1 | IngressV1beta1,
  spec: SpecOf<B>,
  defaultBackend: { field: 'defaultBackend' | 'backend'; value: B | undefined },
  toBackend: (b: B, object: InputObject, path: PathSegment[]) => Backend,
  object: InputObject,
  namespace: string,
): Ingress {
  // Objects are built as one literal, optional keys added after: spreading `...(c ? {…} : {})`
  // gave every rule and Ingress a hidden class of its own (about 1 KB each on a large dump).
  const rules: IngressRule[] = (spec.rules ?? []).map((rule, r) => {
    const built: IngressRule = {
      location: object.locate(['spec', 'rules', r]),
      paths: (rule.http?.paths ?? []).map(
        (p, i): IngressPath => ({
          path: p.path ?? '',
          // Only v1beta1 may omit pathType; it then means ImplementationSpecific.
          pathType: p.pathType ?? 'ImplementationSpecific',
          backend: toBackend(p.backend, object, ['spec', 'rules', r, 'http', 'paths', i, 'backend']),
          location: object.locate(['spec', 'rules', r, 'http', 'paths', i]),
        }),
      ),
    };
    if (rule.host) {
      built.host = rule.host;
      built.hostLocation = object.locate(['spec', 'rules', r, 'host']);
    }
    return built;
  });
  const ingress = common(ing, object, namespace, rules, tlsOf(spec.tls, object));
  if (spec.ingressClassName !== undefined) ingress.ingressClassName = { value: spec.ingressClassName, location: object.locate(['spec', 'ingressClassName']) };
  if (defaultBackend.value !== undefined) ingress.defaultBackend = toBackend(defaultBackend.value, object, ['spec', defaultBackend.field]);
  return ingress;
}

function fromV1(ing: IngressV1, object: InputObject, namespace: string): Ingress {
  return fromSpec(ing, ing.spec, { field: 'defaultBackend', value: ing.spec.defaultBackend }, backendV1, object, namespace);
}

function fromV1beta1(ing: IngressV1beta1, object: InputObject, namespace: string): Ingress {
  return fromSpec(ing, ing.spec, { field: 'backend', value: ing.spec.backend }, backendV1beta1, object, namespace);
}

function common(ing: IngressV1 | IngressV1beta1, object: InputObject, namespace: string, rules: IngressRule[], tls: IngressTls[]): Ingress {
  // kubectl's copy of the whole object is bookkeeping: keep its key, not its (large) value.
  const annotations = Object.entries(ing.metadata.annotations ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => ({ key, value: key === LAST_APPLIED_ANNOTATION ? '' : value, location: object.locate(['metadata', 'annotations', key]) }));
  const ingress: Ingress = {
    ref: { kind: 'Ingress', namespace, name: ing.metadata.name },
    namespace,
    name: ing.metadata.name,
    apiVersion: ing.apiVersion,
    annotations,
    intents: [],
    location: object.locate(),
    rules,
    tls,
  };
  if (ing.metadata.creationTimestamp !== undefined) ingress.creationTimestamp = ing.metadata.creationTimestamp;
  // An empty class annotation names no class (the default class applies).
  const classAnnotation = annotations.find((a) => a.key === INGRESS_CLASS_ANNOTATION && a.value !== '');
  if (classAnnotation) ingress.classAnnotation = { value: classAnnotation.value, location: classAnnotation.location };
  return ingress;
}

function backendV1(b: BackendV1, object: InputObject, path: PathSegment[]): Backend {
  const location = object.locate(path);
  if (b.resource) return resourceBackend(b.resource, location);
  const service = b.service!;
  const port = service.port.number !== undefined ? { number: service.port.number } : { name: service.port.name! };
  return { type: 'service', name: service.name, port, location };
}

function backendV1beta1(b: BackendV1beta1, object: InputObject, path: PathSegment[]): Backend {
  const location = object.locate(path);
  if (b.resource) return resourceBackend(b.resource, location);
  const port = typeof b.servicePort === 'number' ? { number: b.servicePort } : { name: b.servicePort! };
  return { type: 'service', name: b.serviceName!, port, location };
}

function resourceBackend(r: { apiGroup?: string | undefined; kind: string; name: string }, location: Backend['location']): Backend {
  const backend: Backend = { type: 'resource', kind: r.kind, name: r.name, location };
  if (r.apiGroup) backend.apiGroup = r.apiGroup;
  return backend;
}

function tlsOf(tls: { hosts?: string[] | undefined; secretName?: string | undefined }[] | undefined, object: InputObject): IngressTls[] {
  return (tls ?? []).map((t, i) => {
    const entry: IngressTls = { hosts: t.hosts ?? [], location: object.locate(['spec', 'tls', i]) };
    if (t.secretName) entry.secretName = t.secretName;
    return entry;
  });
}

/** Annotations the core does not understand are reported; none is dropped silently. */
function accountAnnotations(ingress: Ingress, ctx: ParseContext): void {
  for (const annotation of ingress.annotations) {
    if (coreAnnotation(annotation.key) || isApisixAnnotation(annotation.key)) continue; // providers account for theirs
    ctx.sink.add('annotation-not-converted', `annotation ${annotation.key}=${shownValue(annotation)} is not converted`, {
      annotation: annotation.key,
      location: annotation.location,
      object: ingress.ref,
    });
  }
}


function nameOf(raw: Record<string, unknown>): string | undefined {
  const metadata = raw['metadata'] as Record<string, unknown> | undefined;
  return typeof metadata?.['name'] === 'string' ? metadata['name'] : undefined;
}

function namespaceOf(raw: Record<string, unknown>): string | undefined {
  const metadata = raw['metadata'] as Record<string, unknown> | undefined;
  return typeof metadata?.['namespace'] === 'string' && metadata['namespace'] ? metadata['namespace'] : undefined;
}

/** `annotation: ~` is stored as "" by the apiserver; keep such annotations so they are accounted for. */
function withNullAnnotationsAsEmpty(value: Record<string, unknown>): Record<string, unknown> {
  const metadata = value['metadata'];
  if (!metadata || typeof metadata !== 'object') return value;
  const annotations = (metadata as Record<string, unknown>)['annotations'];
  if (!annotations || typeof annotations !== 'object' || Array.isArray(annotations)) return value;
  const fixed = Object.fromEntries(Object.entries(annotations).map(([k, v]) => [k, v === null ? '' : v]));
  return { ...value, metadata: { ...(metadata as Record<string, unknown>), annotations: fixed } };
}

function deleteAt(root: Record<string, unknown>, path: PathSegment[]): void {
  let node: unknown = root;
  for (const segment of path.slice(0, -1)) node = (node as Record<string | number, unknown> | undefined)?.[segment];
  if (node && typeof node === 'object') delete (node as Record<string | number, unknown>)[path[path.length - 1]!];
}
