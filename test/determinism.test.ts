// The same set of input objects gives byte-identical output, whatever the order of files, documents,
// list items or mapping keys, and whatever the split into sources or the format (YAML or JSON).
// Every golden fixture and a generated corpus are permuted with a seeded PRNG and converted with
// the library; the serialized objects and the diagnostics must not change.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { convert, serialize, type ConversionResult, type ConvertOptions, type InputSource } from '../src/index.js';
import { corpusArb, type Corpus } from './helpers/corpus.js';
import { goldenCases, runGolden } from './helpers/golden.js';
import { loadOutputValidator } from './helpers/gateway-api-schema.js';
import { repoRoot } from './helpers/repo.js';
import { helmFileKind, templateActionOffset } from '../src/input/helm.js';
import { sharedSkip } from './helpers/shared.js';

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Documents and their permutations

/** A parsed document (plain data, JSON-safe) or, when it does not parse, its text kept verbatim. */
type Doc = { type: 'value'; value: unknown } | { type: 'raw'; text: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What objects.ts expands: a `List` or typed `*List` with an `items` array. */
function isList(value: unknown): value is Record<string, unknown> & { items: unknown[]; kind: string; apiVersion: string } {
  return isRecord(value) && typeof value['apiVersion'] === 'string' && value['apiVersion'] !== '' && typeof value['kind'] === 'string' && value['kind'].endsWith('List') && Array.isArray(value['items']);
}

/** Splits a YAML stream at its `---` / `...` lines; each piece is parsed alone. Empty documents are dropped. */
function documentsOf(text: string): Doc[] {
  const chunks: string[] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (/^(?:---|\.\.\.)(?:\s+#.*)?\s*$/.test(line)) {
      chunks.push(current.join('\n'));
      current = [];
    } else {
      current.push(line);
    }
  }
  chunks.push(current.join('\n'));
  const docs: Doc[] = [];
  for (const chunk of chunks) {
    const parsed = parseAllDocuments(chunk, { logLevel: 'error' });
    const list = Array.isArray(parsed) ? parsed : [];
    if (!Array.isArray(parsed) || list.some((d) => d.errors.length > 0)) {
      docs.push({ type: 'raw', text: chunk.endsWith('\n') ? chunk : `${chunk}\n` });
      continue;
    }
    for (const d of list) {
      const value = d.toJS({ maxAliasCount: 1000 }) as unknown;
      if (value !== null && value !== undefined) docs.push({ type: 'value', value: JSON.parse(JSON.stringify(value)) as unknown });
    }
  }
  return docs;
}

type KeyOrder = 'keep' | 'reverse' | 'shuffle';

/** The same data with every mapping's keys reordered (arrays keep their order). */
function reorderKeys(value: unknown, order: KeyOrder, rng: Rng): unknown {
  if (Array.isArray(value)) return value.map((v) => reorderKeys(v, order, rng));
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  const ordered = order === 'reverse' ? keys.reverse() : order === 'shuffle' ? shuffle(keys, rng) : keys;
  const out: Record<string, unknown> = {};
  for (const k of ordered) out[k] = reorderKeys(value[k], order, rng);
  return out;
}

/** List items reordered (recursively: a List may hold Lists). */
function reorderItems(value: unknown, order: KeyOrder, rng: Rng): unknown {
  if (!isList(value)) return value;
  const items = value.items.map((i) => reorderItems(i, order, rng));
  return { ...value, items: order === 'reverse' ? items.reverse() : order === 'shuffle' ? shuffle(items, rng) : items };
}

/** A List's items as separate documents; items of a typed list get the list's apiVersion and kind. */
function flatten(value: unknown): unknown[] {
  if (!isList(value)) return [value];
  const defaults = value.kind === 'List' ? undefined : { apiVersion: value.apiVersion, kind: value.kind.slice(0, -'List'.length) };
  return value.items.flatMap((item) => flatten(defaults && isRecord(item) ? { apiVersion: defaults.apiVersion, kind: defaults.kind, ...item } : item));
}

interface Permutation {
  seed: number;
  docOrder: KeyOrder;
  keyOrder: KeyOrder;
  itemOrder: KeyOrder;
  /** Lists exploded into one document per item. */
  flattenLists: boolean;
  /** Runs of documents wrapped into `kind: List`. */
  wrapInLists: boolean;
  /** Number of sources the documents are spread over (in random order). */
  sources: number;
  /** Single-document sources may become `.json` files, documents JSON flow style. */
  json: boolean;
}

function describe(p: Permutation): string {
  return JSON.stringify(p);
}

function permute(docs: readonly Doc[], p: Permutation, prefix = 'part'): InputSource[] {
  const rng = prng(p.seed);
  let list: Doc[] = docs.flatMap((d) => (d.type === 'value' && p.flattenLists ? flatten(d.value).map((value): Doc => ({ type: 'value', value })) : [d]));
  list = list.map((d) => (d.type === 'value' ? { type: 'value', value: reorderKeys(reorderItems(d.value, p.itemOrder, rng), p.keyOrder, rng) } : d));
  list = p.docOrder === 'reverse' ? [...list].reverse() : p.docOrder === 'shuffle' ? shuffle(list, rng) : list;
  if (p.wrapInLists) {
    const wrapped: Doc[] = [];
    for (let i = 0; i < list.length; ) {
      const run = 1 + Math.floor(rng() * 4);
      const group = list.slice(i, i + run);
      i += group.length;
      if (rng() < 0.5 && group.every((d) => d.type === 'value')) {
        wrapped.push({ type: 'value', value: { apiVersion: 'v1', kind: 'List', items: group.map((d) => (d as { value: unknown }).value), metadata: { resourceVersion: '' } } });
      } else {
        wrapped.push(...group);
      }
    }
    list = wrapped;
  }
  const count = Math.max(1, Math.min(p.sources, list.length));
  const buckets: Doc[][] = Array.from({ length: count }, () => []);
  list.forEach((d, i) => buckets[i < count ? i : Math.floor(rng() * count)]!.push(d)); // every source gets one at least
  const sources = buckets.map((bucket, i): InputSource => {
    const only = bucket[0];
    if (p.json && bucket.length === 1 && only?.type === 'value' && rng() < 0.5) {
      return { name: `${prefix}-${i}.json`, text: `${JSON.stringify(only.value, null, 2)}\n` };
    }
    const texts = bucket.map((d) => {
      if (d.type === 'raw') return d.text;
      if (p.json && rng() < 0.3) return `${JSON.stringify(d.value)}\n`;
      return stringify(d.value, { lineWidth: 0, aliasDuplicateObjects: false });
    });
    // A text that starts with "{" or "[" is read as one JSON document (as kubectl sniffs it), so a
    // YAML stream whose first document is in JSON flow style starts with an explicit "---".
    const text = texts.join('---\n');
    return { name: `${prefix}-${i}.yaml`, text: /^\s*[{[]/.test(text) ? `---\n${text}` : text };
  });
  return shuffle(sources, rng);
}

/** A fixed set of permutations: a fully reversed one, then seeded random mixes. */
function permutations(count: number, baseSeed: number): Permutation[] {
  const out: Permutation[] = [
    { seed: baseSeed, docOrder: 'reverse', keyOrder: 'reverse', itemOrder: 'reverse', flattenLists: false, wrapInLists: false, sources: 1, json: false },
    { seed: baseSeed + 1, docOrder: 'shuffle', keyOrder: 'keep', itemOrder: 'shuffle', flattenLists: false, wrapInLists: false, sources: 1, json: false },
  ];
  for (let i = 0; out.length < count; i++) {
    const seed = baseSeed + 100 + i;
    const rng = prng(seed * 7919);
    out.push({
      seed,
      docOrder: 'shuffle',
      keyOrder: rng() < 0.5 ? 'shuffle' : 'reverse',
      itemOrder: 'shuffle',
      flattenLists: rng() < 0.3,
      wrapInLists: rng() < 0.3,
      sources: 1 + Math.floor(rng() * 4),
      json: rng() < 0.5,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Conversion and comparison

/** CLI flags (options.json `args`) → library options, as src/cli/main.ts maps them. */
function optionsFromArgs(args: readonly string[]): ConvertOptions {
  const options: ConvertOptions = { to: 'gateway-api', defaultNamespace: 'default', ingressClasses: [], createSharedGateway: false };
  const classes: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--ingress-class':
        classes.push(value());
        break;
      case '--gateway-class':
        options.gatewayClass = value();
        break;
      case '--gateway': {
        const [namespace, name] = value().split('/');
        options.sharedGateway = { namespace: namespace!, name: name! };
        break;
      }
      case '--create-gateway':
        options.createSharedGateway = true;
        break;
      case '--target':
        options.target = value();
        break;
      case '-n':
      case '--namespace':
        options.defaultNamespace = value();
        break;
      case '-o':
      case '--output':
        value(); // output format: the comparison is on YAML
        break;
      default:
        throw new Error(`options.json flag ${flag} is not mapped to ConvertOptions; extend optionsFromArgs`);
    }
  }
  options.ingressClasses = classes;
  return options;
}

interface Outcome {
  yaml: string;
  /** Sorted `severity code object: message` lines, with file names and document numbers abstracted. */
  diagnostics: string[];
  result: ConversionResult;
}

function run(sources: readonly InputSource[], options: ConvertOptions): Outcome {
  const result = convert(sources, options);
  const names = sources.map((s) => s.name).sort((a, b) => b.length - a.length);
  const normalize = (message: string): string => {
    let out = message;
    for (const name of names) out = out.split(name).join('<source>');
    return out.replace(/\(doc \d+\)/g, '(doc N)');
  };
  const diagnostics = result.diagnostics
    .map((d) => `${d.severity} ${d.code} ${d.object ? `${d.object.kind} ${d.object.namespace ?? ''}/${d.object.name}` : '-'}: ${normalize(d.message)}`)
    .sort();
  return { yaml: serialize(result.objects, 'yaml'), diagnostics, result };
}

function assertSameOutcome(actual: Outcome, expected: Outcome, what: string): void {
  assert.equal(actual.yaml, expected.yaml, `${what}: serialized objects differ`);
  assert.deepEqual(actual.diagnostics, expected.diagnostics, `${what}: diagnostics differ`);
}

// ---------------------------------------------------------------------------------------------
// Golden fixtures

const manifestExtension = /\.(ya?ml|json)$/i;

function manifestFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => {
      const child = join(path, name);
      if (statSync(child).isDirectory()) return manifestFiles(child);
      return manifestExtension.test(name) ? [child] : [];
    });
}

const cases = goldenCases();

test('the golden cases are found', () => {
  assert.ok(cases.length >= 10, `only ${cases.length} golden cases`);
});

for (const c of cases) {
  const files = manifestFiles(join(repoRoot, c.input));
  const sources: InputSource[] = files.map((f) => ({ name: relative(repoRoot, f), text: readFileSync(f, 'utf8') }));
  const docs = files.flatMap((f) => documentsOf(readFileSync(f, 'utf8')));
  // A single document still has keys to reorder (and list items, and JSON vs YAML); only an empty input is skipped.
  // A Helm chart or template is reported as a whole, not read as data: there is nothing to permute.
  const helm = files.some((f) => helmFileKind(f) !== undefined || templateActionOffset(readFileSync(f, 'utf8')) !== undefined);
  const skip = docs.length === 0 ? 'no document: nothing to permute' : helm ? 'a Helm chart or template: not data to permute' : false;

  test(`determinism: ${c.name} (${docs.length} documents from ${files.length} file${files.length === 1 ? '' : 's'})`, { skip }, async () => {
    const options = optionsFromArgs(c.args);
    const baseline = run(sources, options);
    // The library with these options is what the CLI runs for the fixture.
    const cli = await runGolden(c);
    assert.equal(baseline.yaml, cli.stdout, `${c.name}: library output with ${JSON.stringify(options)} differs from the CLI's for ${c.args.join(' ')}`);
    // Re-serializing every document in its original order changes nothing either.
    const identity: Permutation = { seed: 0, docOrder: 'keep', keyOrder: 'keep', itemOrder: 'keep', flattenLists: false, wrapInLists: false, sources: 1, json: false };
    assertSameOutcome(run(permute(docs, identity), options), baseline, `${c.name} re-serialized`);
    for (const p of permutations(10, 1)) assertSameOutcome(run(permute(docs, p), options), baseline, `${c.name} ${describe(p)}`);
  });
}

// ---------------------------------------------------------------------------------------------
// Generated corpus (fast-check, arbitraries in helpers/corpus.ts)

const permutationArb: fc.Arbitrary<Permutation> = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  docOrder: fc.constantFrom<KeyOrder>('shuffle', 'reverse'),
  keyOrder: fc.constantFrom<KeyOrder>('keep', 'shuffle', 'reverse'),
  itemOrder: fc.constantFrom<KeyOrder>('shuffle', 'reverse'),
  flattenLists: fc.boolean(),
  wrapInLists: fc.boolean(),
  sources: fc.integer({ min: 1, max: 4 }),
  json: fc.boolean(),
});

const corpusText = (objects: readonly unknown[]): string => objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n');
const baseSources = (objects: readonly unknown[]): InputSource[] => [{ name: 'corpus.yaml', text: corpusText(objects) }];
const docsOf = (objects: readonly unknown[]): Doc[] => objects.map((value) => ({ type: 'value', value }));

/** A readable counterexample: the corpus as YAML, the options and the permutation. */
function explain(corpus: Corpus, p?: Permutation): string {
  return `options ${JSON.stringify(corpus.options)}${p ? `, permutation ${describe(p)}` : ''}\n${corpusText(corpus.objects)}`;
}

const fcParameters = { seed: 42, numRuns: 200 } as const;

test('property: random Ingress sets convert to the same bytes and diagnostics under any permutation', () => {
  const seen = new Set<string>();
  fc.assert(
    fc.property(corpusArb(8), permutationArb, (corpus, p) => {
      const baseline = run(baseSources(corpus.objects), corpus.options);
      for (const d of baseline.result.diagnostics) seen.add(d.code);
      for (const o of baseline.result.objects) seen.add(o.kind);
      const permuted = run(permute(docsOf(corpus.objects), p), corpus.options);
      assert.equal(permuted.yaml, baseline.yaml, `serialized objects differ for ${explain(corpus, p)}`);
      assert.deepEqual(permuted.diagnostics, baseline.diagnostics, `diagnostics differ for ${explain(corpus, p)}`);
    }),
    fcParameters,
  );
  // The generator reaches the situations the converter resolves by age, content or name.
  const expected = ['Gateway', 'HTTPRoute', 'ReferenceGrant', 'duplicate-path', 'exact-path-shadowed', 'wildcard-host', 'tls-conflict', 'tls-without-secret', 'default-backend-conflict', 'default-backend-shadowed', 'path-as-regex', 'implementation-specific-path', 'resource-backend', 'duplicate-object', 'conflicting-duplicate', 'skipped-by-class', 'service-not-found', 'annotation-not-converted', 'no-ingress-class', 'multiple-default-classes', 'tls-on-shared-gateway'];
  assert.deepEqual(expected.filter((code) => !seen.has(code)), [], `generated corpora never produced these; seen: ${[...seen].sort().join(', ')}`);
});

const validator = loadOutputValidator();
const noValidator = sharedSkip('determinism');

test('property: every object emitted for a random Ingress set passes the official Gateway API CRDs (standard channel)', { skip: noValidator }, () => {
  fc.assert(
    fc.property(corpusArb(8), (corpus) => {
      const { result } = run(baseSources(corpus.objects), corpus.options);
      for (const object of result.objects) assert.deepEqual(validator!.validate(object), [], `CRD check fails for ${explain(corpus)}`);
    }),
    fcParameters,
  );
});

test('property: emitted objects have unique kind/namespace/name, and no internal-error is reported', () => {
  fc.assert(
    fc.property(corpusArb(8), (corpus) => {
      const { result } = run(baseSources(corpus.objects), corpus.options);
      const ids = result.objects.map((o) => `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`);
      assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], `duplicate objects for ${explain(corpus)}`);
      const internal = result.diagnostics.filter((d) => d.code === 'internal-error').map((d) => d.message);
      assert.deepEqual(internal, [], `internal-error for ${explain(corpus)}`);
    }),
    fcParameters,
  );
});

/** `kind namespace/name` of a generated object. */
function identity(o: unknown): string {
  const { kind, metadata } = o as { kind: string; metadata: { name: string; namespace?: string } };
  return `${kind} ${metadata.namespace ?? ''}/${metadata.name}`;
}

test('a large generated corpus: byte-identical under 12 permutations', () => {
  const [corpus] = fc.sample(corpusArb(10), { seed: 7, numRuns: 1 });
  // More Ingresses from other samples, renamed per sample (copies within a sample stay copies).
  const more = fc.sample(corpusArb(10), { seed: 8, numRuns: 6 }).flatMap((c, i) =>
    c.objects
      .filter((o) => (o as { kind: string }).kind === 'Ingress')
      .map((o) => {
        const ingress = o as { metadata: Record<string, unknown> };
        return { ...ingress, metadata: { ...ingress.metadata, name: `${String(ingress.metadata['name'])}-s${i}` } };
      }),
  );
  const objects = [...corpus!.objects, ...more];
  assert.ok(new Set(objects.map(identity)).size > 30, 'many distinct objects');
  const options: ConvertOptions = {};
  const baseline = run(baseSources(objects), options);
  assert.ok(baseline.result.objects.length > 5, 'the corpus converts to something');
  for (const p of permutations(12, 1000)) assertSameOutcome(run(permute(docsOf(objects), p), options), baseline, describe(p));
});

// ---------------------------------------------------------------------------------------------
// Bugs found with the tests above and by exploring around them, now fixed: regression tests. A test
// for a bug that is still open is marked `todo` (visible in the run without failing it).

const plainIngress = (o: { port?: number; creationTimestamp?: string; extraMetadata?: Record<string, unknown>; status?: unknown } = {}) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'web', namespace: 'alpha', ...(o.creationTimestamp ? { creationTimestamp: o.creationTimestamp } : {}), ...o.extraMetadata },
  spec: { ingressClassName: 'nginx', rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: o.port ?? 80 } } } }] } }] },
  ...(o.status ? { status: o.status } : {}),
});

test(
  'three copies of one Ingress (two identical, one different): the report does not depend on their order',
  // Was a bug: InputReader.keep() compared each copy only with the copy kept so far; ABC gave
  // 1 conflicting-duplicate error + 1 duplicate-object warning, ACB 2 conflicting-duplicate errors.
  () => {
    const a = plainIngress();
    const b = plainIngress({ extraMetadata: { uid: 'c0ffee00-0000-4000-8000-000000000001', resourceVersion: '42' }, status: { loadBalancer: {} } }); // identical to a
    const c = plainIngress({ creationTimestamp: '2023-12-31T00:00:00Z' }); // differs; its content sorts first, so it is kept
    const orders: [string, unknown[]][] = [['ABC', [a, b, c]], ['ACB', [a, c, b]], ['CAB', [c, a, b]], ['BCA', [b, c, a]], ['CBA', [c, b, a]], ['BAC', [b, a, c]]];
    const outcomes = orders.map(([name, objects]) => ({ name, outcome: run(baseSources(objects), {}) }));
    for (const { name, outcome } of outcomes) assertSameOutcome(outcome, outcomes[0]!.outcome, `order ${name} vs ABC`);
  },
);

test(
  'three different copies of one Ingress: every conflicting-duplicate names the copy that is finally used',
  // Was a bug: the message named the copy kept *so far*; for ports 83, 82, 81 (in that order) the first
  // error said "the copy at … (doc 2) is used" although doc 2 (port 82) was dropped too.
  () => {
    const text = [83, 82, 81].map((port) => stringify(plainIngress({ port }))).join('---\n');
    const result = convert([{ name: 'copies.yaml', text }]);
    const route = result.objects.find((o) => o.kind === 'HTTPRoute') as { spec: { rules: { backendRefs: { port?: number }[] }[] } } | undefined;
    assert.equal(route?.spec.rules[0]?.backendRefs[0]?.port, 81, 'the copy whose content sorts first (port 81, doc 3) is converted');
    const messages = result.diagnostics.filter((d) => d.code === 'conflicting-duplicate').map((d) => d.message);
    assert.equal(messages.length, 2);
    for (const m of messages) assert.match(m, /the copy at copies\.yaml \(doc 3\) is used/);
  },
);

/** `count` Ingresses of one class and namespace, each with its own host and TLS Secret. */
function manyTlsIngresses(count: number, className = 'nginx'): unknown[] {
  return Array.from({ length: count }, (_, i) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: `app${i}`, namespace: 'web' },
    spec: {
      ingressClassName: className,
      rules: [{ host: `app${i}.example.com`, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: `app${i}`, port: { number: 80 } } } }] } }],
      tls: [{ hosts: [`app${i}.example.com`], secretName: `app${i}-tls` }],
    },
  }));
}

test(
  '--gateway without --create-gateway and more than 63 TLS hosts: every route attaches to the existing shared Gateway',
  // Was a bug: planGateways() split the listeners of a Gateway that is not generated; routes of hosts 64+
  // got parentRef infra/shared-2, a Gateway that neither exists nor is emitted. Kept as a regression test.
  () => {
    const result = convert(baseSources(manyTlsIngresses(70)), { sharedGateway: { namespace: 'infra', name: 'shared' } });
    const parents = new Set(result.objects.filter((o) => o.kind === 'HTTPRoute').flatMap((o) => (o.spec as { parentRefs: { namespace?: string; name: string }[] }).parentRefs.map((p) => `${p.namespace}/${p.name}`)));
    assert.deepEqual([...parents], ['infra/shared']);
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'gateway-split').map((d) => d.message), []);
  },
);

test(
  'a split Gateway does not take the name of another class\'s Gateway',
  // Was a bug: the second Gateway of a split was named withSuffix(name, "2") outside the name allocation;
  // class "nginx" with 70 TLS hosts and class "nginx-2" in one namespace both emitted Gateway web/nginx-2.
  () => {
    const objects = [...manyTlsIngresses(70), ...manyTlsIngresses(1, 'nginx-2').map((o) => ({ ...(o as object), metadata: { name: 'other', namespace: 'web' } }))];
    const result = convert(baseSources(objects), {});
    const ids = result.objects.map((o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'no two emitted objects share kind, namespace and name');
  },
);

test(
  'resource backends whose kind or group Gateway API rejects are reported, not emitted as invalid HTTPRoutes',
  // Was a bug (kind "Storage_Bucket", valid for the Ingress apiserver, and apiGroup "K8s.Example.com" gave
  // HTTPRoutes the official CRDs reject); now reported as invalid-backend. Kept as a regression test.
  { skip: noValidator },
  () => {
    for (const resource of [{ apiGroup: 'k8s.example.com', kind: 'Storage_Bucket', name: 'assets' }, { apiGroup: 'K8s.Example.com', kind: 'Bucket', name: 'assets' }]) {
      const ingress = { ...plainIngress(), spec: { ingressClassName: 'nginx', rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { resource } }] } }] } };
      const result = convert(baseSources([ingress]), {});
      for (const object of result.objects) assert.deepEqual(validator!.validate(object), [], JSON.stringify(resource));
    }
  },
);

test(
  'inputs the Ingress schema accepts never end in internal-error',
  // Was a bug (by the README's definition of internal-error): tls secretName "My_Secret" (not validated
  // for Ingress) dropped the whole Gateway, HTTP listener included, while its routes were still emitted;
  // a path of more than 1024 characters with a space dropped the whole HTTPRoute of that host.
  () => {
    const withSecret = { ...plainIngress(), spec: { ...plainIngress().spec, tls: [{ hosts: ['a.example.com'], secretName: 'My_Secret' }] } };
    const longPath = { ...plainIngress(), spec: { ingressClassName: 'nginx', rules: [{ host: 'a.example.com', http: { paths: [{ path: `/${'a b'.repeat(400)}`, pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] } };
    for (const [what, object] of [['secretName My_Secret', withSecret], ['a 1201-character path', longPath]] as const) {
      const result = convert(baseSources([object]), {});
      assert.deepEqual(result.diagnostics.filter((d) => d.code === 'internal-error').map((d) => d.message), [], what);
    }
  },
);
