// Generators for the fuzz suite: Kubernetes-shaped objects with awkward contents, serialized as
// YAML (documents, Lists, anchors) or JSON, text damaged at random, and random bytes.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { mutate, mutationOf } from './mutate.js';

/** What a terminal or a parser may trip on. */
const hostileBits = ['\u0000', '\u001b[31m', '\u001b]0;t\u0007', '\r', '\b', '\t', '\n', '\u007f', '\u009b', '\u202e', '\u2066', '\u2028', '\ufeff', '\ud800', '\udc00', '\u{1f389}', '日本', 'é', '"', "'", '\\', '{{ .Values.x }}', '${x}', '%2F', '..', '*', '#', ': ', '- ', '&a', '*a', '!!binary'];

/** Short strings: ordinary, full Unicode, or with a hostile piece inside. */
export const awkwardString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('', 'web', 'a.example.com', '*.example.com', '/', '/api', 'true', 'false', '0', '80', 'null', '~', 'a'.repeat(300)),
  fc.tuple(fc.string({ maxLength: 4 }), fc.constantFrom(...hostileBits), fc.string({ maxLength: 4 })).map(([a, b, c]) => a + b + c),
);

const knownAnnotationKeys = [
  'kubernetes.io/ingress.class',
  'k8s.apisix.apache.org/enable-cors',
  'k8s.apisix.apache.org/rewrite-target-regex',
  'k8s.apisix.apache.org/rewrite-target-regex-template',
  'k8s.apisix.apache.org/http-to-https',
  'k8s.apisix.apache.org/use-regex',
  'k8s.apisix.apache.org/plugin-config-name',
  'k8s.apisix.apache.org/allowlist-source-range',
  'k8s.apisix.apache.org/enable-websocket',
  'nginx.ingress.kubernetes.io/rewrite-target',
  'cert-manager.io/cluster-issuer',
  'external-dns.alpha.kubernetes.io/hostname',
  'kubectl.kubernetes.io/last-applied-configuration',
];

export const annotationKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...knownAnnotationKeys),
  fc.tuple(fc.constantFrom('example.com', 'k8s.apisix.apache.org', 'x'), awkwardString).map(([d, n]) => `${d}/${n}`),
  awkwardString,
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'),
);

export const annotationValue: fc.Arbitrary<string> = fc.oneof(awkwardString, fc.constantFrom('true', 'false', '', '1s', '-1', '99999999999999999999', 'GET,POST', '/$1', '^/a(.*)', '(', '[', '10.0.0.0/8', 'not-a-cidr'));

/** Annotations as ordered entries (keys unique, as in a mapping). */
export const annotationEntries = fc.uniqueArray(fc.tuple(annotationKey, annotationValue), { maxLength: 6, selector: ([k]) => k });

const backend = fc.oneof(
  fc.record({ service: fc.record({ name: fc.oneof(fc.constantFrom('web', 'api'), awkwardString), port: fc.oneof(fc.record({ number: fc.oneof(fc.constantFrom(80, 8080, 0, 65536, -1), fc.integer()) }), fc.record({ name: fc.oneof(fc.constant('http'), awkwardString) })) }, { requiredKeys: [] }) }),
  fc.record({ resource: fc.record({ apiGroup: fc.constantFrom('k8s.example.com', ''), kind: fc.constant('Bucket'), name: awkwardString }, { requiredKeys: [] }) }),
);

const path = fc.record(
  {
    path: fc.oneof(fc.constantFrom('/', '/api', '', '/a/{x}', '/.*', '/(a|b)', '/a//b', '/%2F', '/a/../b', '/a(', '/[z-a]', '/a{99999}'), awkwardString),
    pathType: fc.constantFrom('Exact', 'Prefix', 'ImplementationSpecific', 'Bogus', ''),
    backend,
  },
  { requiredKeys: [] },
);

const spec = fc.record(
  {
    ingressClassName: fc.oneof(fc.constantFrom('nginx', 'apisix'), awkwardString),
    defaultBackend: backend,
    rules: fc.array(fc.record({ host: fc.oneof(fc.constantFrom('a.example.com', '*.example.com', '', 'A.Example.COM', '1.2.3.4', 'a..b'), awkwardString), http: fc.record({ paths: fc.array(path, { maxLength: 4 }) }) }, { requiredKeys: [] }), { maxLength: 3 }),
    tls: fc.array(fc.record({ hosts: fc.array(fc.oneof(fc.constant('a.example.com'), awkwardString), { maxLength: 2 }), secretName: awkwardString }, { requiredKeys: [] }), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

export interface GeneratedIngress {
  object: Record<string, unknown>;
  /** Annotation keys, when the object is a well-formed networking.k8s.io/v1 Ingress with string annotations. */
  annotationKeys?: string[];
}

/** An Ingress (well-formed around awkward values, or damaged at random places); `name` keeps identities apart. */
export const ingress = (name: string): fc.Arbitrary<GeneratedIngress> =>
  fc
    .record({
      apiVersion: fc.constantFrom('networking.k8s.io/v1', 'networking.k8s.io/v1', 'networking.k8s.io/v1', 'networking.k8s.io/v1beta1', 'extensions/v1beta1'),
      namespace: fc.option(fc.oneof(fc.constantFrom('default', 'ns'), awkwardString), { nil: undefined }),
      annotations: annotationEntries,
      spec,
      damage: fc.option(fc.array(mutationOf([null, '', 0, -1, 1.5, true, [], {}, ['x'], { a: 1 }, 'x'.repeat(1000), '\u001b[2J'], ['extra', 'name', 'port', 'path', 'host', 'annotations', 'metadata', 'spec', '__proto__']), { minLength: 1, maxLength: 3 }), { nil: undefined, freq: 3 }),
    })
    .map(({ apiVersion, namespace, annotations, spec, damage }) => {
      const object: Record<string, unknown> = {
        apiVersion,
        kind: 'Ingress',
        metadata: { name, ...(namespace === undefined ? {} : { namespace }), annotations: Object.fromEntries(annotations) },
        spec,
      };
      if (damage) return { object: mutate(object, damage, {}) as Record<string, unknown> };
      return apiVersion === 'networking.k8s.io/v1' ? { object, annotationKeys: annotations.map(([k]) => k) } : { object };
    });

const otherObject = fc.oneof(
  fc.constant({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'ns' }, spec: { ports: [{ name: 'http', port: 80 }] } }),
  fc.constant({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } }, spec: { controller: 'k8s.io/ingress-nginx' } }),
  fc.record({ apiVersion: fc.oneof(fc.constant('v1'), awkwardString), kind: fc.oneof(fc.constantFrom('ConfigMap', 'List', 'Ingress', 'ApisixPluginConfig'), awkwardString), metadata: fc.anything({ maxDepth: 2 }) }, { requiredKeys: [] }),
  fc.anything({ maxDepth: 3 }),
);

export interface GeneratedInput {
  text: string;
  /** Where each well-formed Ingress is (document number and path) with its annotation keys. */
  expected: { doc: number; path: string; name: string; keys: string[] }[];
}

/** A few objects serialized as YAML documents, one YAML or JSON List, or one JSON object. */
export const manifests: fc.Arbitrary<GeneratedInput> = fc
  .tuple(
    fc.array(fc.oneof({ weight: 3, arbitrary: fc.nat().chain((n) => ingress(`ing-${n}`)) }, { weight: 1, arbitrary: otherObject.map((object): GeneratedIngress => ({ object: object as Record<string, unknown> })) }), { minLength: 1, maxLength: 4 }),
    fc.constantFrom('documents', 'list', 'json', 'json-list'),
    fc.boolean(),
  )
  .map(([items, layout, anchors]) => {
    // Names are made unique here, so every Ingress has its own account.
    items.forEach((item, i) => {
      const metadata = (item.object as { metadata?: unknown })?.metadata;
      if (item.annotationKeys && metadata && typeof metadata === 'object') (metadata as Record<string, unknown>)['name'] = `ing-${i}`;
    });
    const objects = items.map((i) => i.object);
    const wellFormed = items.flatMap((item, i) => (item.annotationKeys ? [{ i, name: `ing-${i}`, keys: item.annotationKeys }] : []));
    switch (layout) {
      case 'documents':
        return { text: objects.map((o) => stringify(o, { aliasDuplicateObjects: anchors, lineWidth: 0 })).join('---\n'), expected: wellFormed.map((w) => ({ doc: w.i + 1, path: '', name: w.name, keys: w.keys })) };
      case 'list':
        return { text: stringify({ apiVersion: 'v1', kind: 'List', items: objects }, { aliasDuplicateObjects: anchors }), expected: wellFormed.map((w) => ({ doc: 1, path: `items[${w.i}]`, name: w.name, keys: w.keys })) };
      case 'json':
        return { text: JSON.stringify(objects[0] ?? null, null, anchors ? 2 : 0), expected: wellFormed.filter((w) => w.i === 0).map((w) => ({ doc: 1, path: '', name: w.name, keys: w.keys })) };
      default:
        return { text: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }), expected: wellFormed.map((w) => ({ doc: 1, path: `items[${w.i}]`, name: w.name, keys: w.keys })) };
    }
  });

const yamlTokens = ['key: ', 'a: 1\n', '- ', '{', '}', '[', ']', ',', '&a ', '*a', '<<: *a\n', '\n', '  ', '\t', '"', "'", '|\n', '>-\n', '---\n', '...\n', '!!binary ', '!!map ', '!t ', '? ', '# c\n', '%YAML 1.1\n', 'kind: Ingress\n', 'apiVersion: networking.k8s.io/v1\n', 'metadata:\n', '  name: x\n', '  annotations:\n', 'spec:\n', '  rules:\n', '{{ if .x }}', '\u0000', '\ufeff', '\u001b', 'items:\n', 'kind: List\n'];

/** Text from YAML and JSON pieces in random order: mostly invalid, sometimes just valid. */
export const tokenSoup = fc.array(fc.oneof(fc.constantFrom(...yamlTokens), awkwardString), { maxLength: 40 }).map((parts) => parts.join(''));

/** Nesting deep enough to hurt a recursive reader (bounded, to stay quick). */
export const deepNesting = fc.tuple(fc.integer({ min: 50, max: 1500 }), fc.constantFrom('[', '{"a":', '- ', 'a:\n ', '&x [')).map(([depth, open]) => {
  if (open === '- ') return Array.from({ length: depth }, (_, i) => `${' '.repeat(i * 2)}- `).join('\n') + 'x\n';
  if (open === 'a:\n ') return Array.from({ length: Math.min(depth, 500) }, (_, i) => `${' '.repeat(i)}a${i}:`).join('\n') + ' x\n';
  return `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: deep}\nspec: ${open.repeat(depth)}1\n`;
});

/** Alias expansion: a small "billion laughs". */
export const aliasBomb = fc.integer({ min: 2, max: 9 }).map((levels) => {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i <= levels; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  return `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: bomb\n  annotations:\n${lines.map((l) => `    ${l}`).join('\n')}\n`;
});

/** A real input, damaged: bytes replaced, cut, repeated or inserted. */
export const damagedText = (inputs: readonly string[]) =>
  fc
    .tuple(fc.constantFrom(...inputs), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('cut', 'delete', 'insert', 'repeat', 'swap'), fc.oneof(fc.constantFrom(...yamlTokens), awkwardString)), { minLength: 1, maxLength: 4 }))
    .map(([text, edits]) => {
      for (const [where, op, piece] of edits) {
        const at = Math.floor(where * text.length);
        if (op === 'cut') text = text.slice(0, at);
        else if (op === 'delete') text = text.slice(0, at) + text.slice(at + 1 + (piece.length % 20));
        else if (op === 'insert') text = text.slice(0, at) + piece + text.slice(at);
        else if (op === 'repeat') text = text.slice(0, at) + text.slice(at, at + 80) + text.slice(at);
        else text = text.slice(0, at) + text.slice(at).replace(/[:\-]/, piece.slice(0, 1));
      }
      return text;
    });

/** Random bytes, sometimes behind a byte-order mark or inside a valid start. */
export const randomBytes = fc.tuple(fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x1f, 0x8b], [0x7b], [0x61, 0x3a, 0x20]), fc.uint8Array({ maxLength: 400 })).map(([prefix, rest]) => Uint8Array.from([...prefix, ...rest]));
