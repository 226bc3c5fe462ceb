// Reads input sources document by document into the IR. Which kinds are read, and by whom, is one
// table; everything else is counted as ignored. Only the IR is kept: each document's tree is
// dropped as soon as it has been read.
import * as crypto from 'node:crypto';
import { appendTo } from '../common/multimap.js';
import { readDocuments } from '../input/documents.js';
import { objectsOf, type InputObject } from '../input/objects.js';
import { contentOf, type InputSource } from '../input/sources.js';
import type { IngressAccount, InputModel } from '../ir/model.js';
import { compareStrings, type SourceLocation } from '../reporter/diagnostics.js';
import type { DiagnosticSink } from '../reporter/sink.js';
import { parseApisixPluginConfig } from './apisix/plugin-config-resource.js';
import { parseIngressClass } from './ingress-class.js';
import { LAST_APPLIED_ANNOTATION } from './ingress/annotations.js';
import { parseIngress } from './ingress/parse.js';
import { parseSecret } from './secret.js';
import { detachObjectStrings } from './detach-strings.js';
import { parseService } from './service.js';

export interface ReadOptions {
  /** Namespace of namespaced objects that name none (like kubectl's -n). */
  defaultNamespace: string;
  /** Called after each document (progress). */
  onDocument?: () => void;
  /**
   * `all` (default): every location has its line and column. `findings`: only those of findings
   * are sure to (spec fields and JSON locations get theirs when a finding needs them).
   */
  positions?: 'all' | 'findings';
}

export interface InputStats {
  sources: number;
  documents: number;
  objects: number;
  /** Objects read and used, by kind (invalid ones are not counted). */
  readKinds: Record<string, number>;
  /** Objects of kinds this tool does not read, by `apiVersion/kind`. */
  ignoredKinds: Record<string, number>;
  /** Objects of a kind this tool reads that were invalid (or too deep) to read, by kind. */
  rejectedKinds: Record<string, number>;
}

type Collected = { kind: 'Ingress' | 'Service' | 'IngressClass' | 'ApisixPluginConfig' | 'Secret'; key: string; fingerprint: string; location: SourceLocation; value: unknown };

interface KindReader {
  kind: Collected['kind'];
  read(object: InputObject, options: ReadOptions, sink: DiagnosticSink, accounts: IngressAccount[]): { key: string; value: unknown } | undefined;
}

const ingressReader: KindReader = {
  kind: 'Ingress',
  read(object, options, sink, accounts) {
    const { ingress, account } = parseIngress(object, { defaultNamespace: options.defaultNamespace, sink, fieldPositions: options.positions !== 'findings' });
    accounts.push(account);
    return ingress && { key: `${ingress.namespace}/${ingress.name}`, value: ingress };
  },
};

/** `group/Kind` → reader. The core group is the empty string. */
const kindReaders: Readonly<Record<string, KindReader>> = {
  'networking.k8s.io/Ingress': ingressReader,
  'extensions/Ingress': ingressReader,
  '/Service': {
    kind: 'Service',
    read(object, options) {
      const service = parseService(object, options.defaultNamespace);
      return service && { key: `${service.namespace}/${service.name}`, value: service };
    },
  },
  '/Secret': {
    kind: 'Secret',
    read(object, options) {
      const secret = parseSecret(object, options.defaultNamespace);
      return secret && { key: `${secret.namespace}/${secret.name}`, value: secret };
    },
  },
  'apisix.apache.org/ApisixPluginConfig': {
    kind: 'ApisixPluginConfig',
    read(object, options) {
      const config = parseApisixPluginConfig(object, options.defaultNamespace);
      return config && { key: `${config.namespace}/${config.name}`, value: config };
    },
  },
  'networking.k8s.io/IngressClass': {
    kind: 'IngressClass',
    read(object) {
      const ingressClass = parseIngressClass(object);
      return ingressClass && { key: ingressClass.name, value: ingressClass };
    },
  },
};

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** Accumulates the IR of many sources; `model()` gives a result independent of input order. */
export class InputReader {
  readonly stats: InputStats = { sources: 0, documents: 0, objects: 0, readKinds: {}, ignoredKinds: {}, rejectedKinds: {} };
  private readonly collected = new Map<string, Collected[]>();
  private readonly accounts: IngressAccount[] = [];

  constructor(
    private readonly options: ReadOptions,
    private readonly sink: DiagnosticSink,
  ) {}

  addSource(source: InputSource): void {
    this.stats.sources++;
    for (const document of readDocuments(source.name, contentOf(source), { deferJsonPositions: this.options.positions === 'findings' })) {
      this.stats.documents++;
      this.options.onDocument?.();
      for (const error of document.errors) this.sink.add('yaml-syntax', error.message, { location: error.location });
      for (const note of document.notes) this.sink.add(note.code, note.message, { location: note.location, hint: note.hint });
      for (const item of objectsOf(document)) {
        if (item.type === 'syntax-error') {
          this.sink.add('yaml-syntax', item.message, { location: item.location });
          continue;
        }
        if (item.type === 'note') {
          this.sink.add(item.note.code, item.note.message, { location: item.note.location, hint: item.note.hint });
          continue;
        }
        if (item.type === 'not-an-object') {
          this.sink.add('not-an-object', `ignored: ${item.reason}`, { location: item.location });
          continue;
        }
        this.stats.objects++;
        this.readObject(item.object);
      }
    }
  }

  private readObject(object: InputObject): void {
    const reader = kindReaders[`${groupOf(object.apiVersion)}/${object.kind}`];
    if (!reader) {
      const key = `${object.apiVersion}/${object.kind}`;
      this.stats.ignoredKinds[key] = (this.stats.ignoredKinds[key] ?? 0) + 1;
      return;
    }
    let entry: Collected | undefined;
    const accounts = this.accounts.length;
    try {
      entry = this.readKnown(object, reader);
    } catch (e) {
      // Readers walk objects recursively; a pathologically deep one must not stop the others.
      if (!(e instanceof RangeError)) throw e;
      this.accounts.length = accounts; // no half-read object in the accounting either
      this.sink.add('object-too-deep', `${object.kind} is nested too deeply to read (${e.message}); it is skipped`, { location: object.locate() });
      this.reject(reader.kind);
      return;
    }
    if (entry) this.keep(entry);
  }

  private readKnown(object: InputObject, reader: KindReader): Collected | undefined {
    // The IR keeps strings from the object; they must not pin the input text (see detachStrings).
    detachObjectStrings(object.value);
    const read = reader.read(object, this.options, this.sink, this.accounts);
    if (!read) {
      this.reject(reader.kind);
      return undefined;
    }
    const entry: Collected = {
      kind: reader.kind,
      key: `${reader.kind}/${read.key}`,
      fingerprint: contentHash(object.value),
      location: object.locate(),
      value: read.value,
    };
    this.stats.readKinds[reader.kind] = (this.stats.readKinds[reader.kind] ?? 0) + 1;
    return entry;
  }

  private reject(kind: Collected['kind']): void {
    this.stats.rejectedKinds[kind] = (this.stats.rejectedKinds[kind] ?? 0) + 1;
  }

  private keep(entry: Collected): void {
    appendTo(this.collected, entry.key, entry);
  }

  /**
   * The same object more than once: identical copies count once; of different ones, the copy whose
   * content hash sorts first is used. Decided on all copies at once, so neither the choice nor the
   * messages depend on input order.
   */
  private resolveCopies(copies: Collected[]): Collected {
    const sorted = [...copies].sort((a, b) => compareStrings(a.fingerprint, b.fingerprint) || compareLocations(a.location, b.location));
    const kept = sorted[0]!;
    const [kind, ...rest] = kept.key.split('/');
    const what = `${kind} ${rest.join('/')}`;
    const object = rest.length === 2 ? { kind: kind!, namespace: rest[0]!, name: rest[1]! } : { kind: kind!, name: rest.join('/') };
    const where = (loc: SourceLocation) => `${loc.file} (doc ${loc.doc})`;
    const firstOf = new Map<string, Collected>();
    for (const copy of sorted) {
      const first = firstOf.get(copy.fingerprint);
      if (!first) {
        firstOf.set(copy.fingerprint, copy);
        if (copy !== kept) {
          this.sink.add('conflicting-duplicate', `${copies.length} objects named ${what} have different content; the copy at ${where(kept.location)} is used, this one is dropped`, { location: copy.location, object });
        }
      } else {
        this.sink.add('duplicate-object', `this object appears more than once; identical copies are used once`, { location: copy.location, object, hint: `identical to ${where(first.location)}` });
      }
    }
    return kept;
  }

  /**
   * The IR of everything read, sorted by identity so conversion never sees input order. The reader
   * keeps no copy: the caller's model is the only one, and can be freed when converted.
   */
  takeModel(): InputModel {
    const model = this.model();
    this.collected.clear();
    this.accounts.length = 0;
    return model;
  }

  /** The IR of everything read, sorted by identity so conversion never sees input order. */
  model(): InputModel {
    const entries = [...this.collected.entries()]
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([, copies]) => (copies.length === 1 ? copies[0]! : this.resolveCopies(copies)));
    const pick = <K extends Collected['kind']>(kind: K) => entries.filter((e) => e.kind === kind).map((e) => e.value);
    return {
      ingresses: pick('Ingress') as InputModel['ingresses'],
      services: pick('Service') as InputModel['services'],
      ingressClasses: pick('IngressClass') as InputModel['ingressClasses'],
      apisixPluginConfigs: pick('ApisixPluginConfig') as InputModel['apisixPluginConfigs'],
      secrets: pick('Secret') as InputModel['secrets'],
      accounts: [...this.accounts].sort((a, b) => compareLocations(a.location, b.location)),
    };
  }
}

function compareLocations(a: SourceLocation, b: SourceLocation): number {
  const byDocument = compareStrings(a.file, b.file) || a.doc - b.doc;
  if (byDocument !== 0) return byDocument;
  // Without positions (deferred), the order of the objects in the document is the order of their paths.
  return a.line !== undefined && b.line !== undefined ? a.line - b.line : compareObjectPaths(a.path, b.path);
}

/** `items[2]` before `items[10]`: indexes compare as numbers. */
function compareObjectPaths(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    return i % 2 === 1 ? Number(pa[i]) - Number(pb[i]) : compareStrings(pa[i]!, pb[i]!);
  }
  return pa.length - pb.length;
}

const noiseMetadata = new Set(['managedFields', 'resourceVersion', 'uid', 'generation', 'selfLink']);

/**
 * Content identity of an object: a hash of its canonical form, so each object keeps 44 bytes
 * rather than a copy of itself (a tenth of the IR of a large dump).
 */
function contentHash(value: unknown): string {
  return sha256(canonical(value, 0, ''));
}

/** crypto.hash (Node ≥ 20.12) is the one-shot form: about a third of createHash's cost on small texts. */
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string, encoding: 'base64') => string }).hash;
/** SHA-256, base64: the one-shot form where Node has it, else createHash (both exported for a test that they agree). */
export const sha256OneShot = oneShotHash ? (text: string): string => oneShotHash('sha256', text, 'base64') : undefined;
export const sha256Streamed = (text: string): string => crypto.createHash('sha256').update(text).digest('base64');
const sha256 = sha256OneShot ?? sha256Streamed;

/** JSON.stringify of object keys, which repeat from object to object. */
const quotedKeys = new Map<string, string>();

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < 10_000) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/**
 * Canonical form of an object, ignoring key order and server-side noise (incl. kubectl's copy of
 * the object): JSON with sorted keys. Built by concatenation, flattened once by the hash.
 */
function canonical(value: unknown, depth: number, key: string): string {
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + canonical(value[i], depth + 1, '');
    return `${out}]`;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (depth === 0 || key === 'metadata' || key === 'annotations') {
      // Only these levels hold noise; elsewhere every key counts.
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        if ((depth === 0 && k === 'status') || (key === 'metadata' && noiseMetadata.has(k)) || (key === 'annotations' && k === LAST_APPLIED_ANNOTATION)) keys.splice(i, 1);
      }
    }
    keys.sort();
    let out = '{';
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      out += `${i > 0 ? ',' : ''}${quotedKey(k)}:${canonical((value as Record<string, unknown>)[k], depth + 1, k)}`;
    }
    return `${out}}`;
  }
  return typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? 'undefined');
}
