// fast-check arbitraries for random Ingress corpora, shared by the determinism and verify
// property tests: several Ingresses per host, shared prefixes, Exact/Prefix mixes, trailing
// slashes, wildcards, host-less rules, default backends, TLS, two namespaces and two classes.
import fc from 'fast-check';
import type { ConvertOptions } from '../../src/index.js';

const namespaces = ['alpha', 'beta'] as const;
const hosts = ['a.example.com', 'b.example.com', 'api.a.example.com', '*.example.com', '*.a.example.com'] as const;
// Ties, including the same instant written differently (offset, fractional seconds).
const timestamps = ['2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', '2024-01-01T01:00:00+01:00', '2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00Z', '2025-06-30T23:59:59Z'] as const;

const backendArb = fc.oneof(
  { weight: 8, arbitrary: fc.record({ service: fc.record({ name: fc.constantFrom('web', 'api', 'static'), port: fc.oneof(fc.record({ number: fc.constantFrom(80, 8080) }), fc.constant({ name: 'http' })) }) }) },
  { weight: 1, arbitrary: fc.constant({ resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'assets' } }) },
);

const pathArb = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      path: fc.constantFrom('/', '/api', '/api/', '/api/v1', '/api/v1/', '/apix', '/static', '/static/', '/a/b/', '/api/*', '/api*'),
      pathType: fc.constantFrom('Exact', 'Prefix', 'Prefix', 'ImplementationSpecific'),
      backend: backendArb,
    }),
  },
  // Characters Gateway API does not allow in Exact/PathPrefix (converted to a RegularExpression), and the empty path.
  { weight: 1, arbitrary: fc.record({ path: fc.constantFrom('/a b', '/x{1}', '/~user/*'), pathType: fc.constantFrom('Exact', 'Prefix'), backend: backendArb }) },
  { weight: 1, arbitrary: fc.record({ path: fc.constant(''), pathType: fc.constant('ImplementationSpecific'), backend: backendArb }) },
);

const ruleArb = fc.record(
  { host: fc.constantFrom(...hosts), http: fc.record({ paths: fc.array(pathArb, { minLength: 1, maxLength: 4 }) }) },
  { requiredKeys: ['http'] }, // host-less rules too
);

const ingressArb = fc
  .record({
    namespace: fc.constantFrom(...namespaces, undefined), // none: the default namespace
    name: fc.constantFrom('web', 'api', 'shop', 'web-a-example-com', 'x'),
    classBy: fc.constantFrom('spec', 'spec', 'annotation', 'none'),
    className: fc.constantFrom('nginx', 'internal', 'apisix'),
    creationTimestamp: fc.option(fc.constantFrom(...timestamps), { nil: undefined }),
    unknownAnnotation: fc.boolean(),
    // APISIX annotations, as APISIX users write them (a pool of valid and invalid values).
    apisix: fc.subarray(
      [
        ['http-to-https', 'true'],
        ['rewrite-target', '/v2'],
        ['http-allow-methods', 'GET,POST'],
        ['http-block-methods', 'DELETE'],
        ['use-regex', 'true'],
        ['svc-namespace', 'beta'],
        ['enable-cors', 'true'],
        ['http-redirect', 'https://www.example.com/moved'],
        ['auth-type', 'keyAuth'],
        ['upstream-read-timeout', '5s'],
        ['upstream-retries', 'three'],
        ['enable-csrf', 'true'],
        ['csrf-key', 'k'],
        ['rewrite-target-regex', '^/api/(.*)'],
        ['rewrite-target-regex-template', '/v1/$1'],
      ] as const,
      { maxLength: 3 },
    ),
    rules: fc.array(ruleArb, { minLength: 0, maxLength: 3 }),
    defaultBackend: fc.option(backendArb, { nil: undefined, freq: 4 }),
    tls: fc.array(
      fc.record({ hosts: fc.subarray([...hosts], { maxLength: 2 }), secretName: fc.option(fc.constantFrom('tls-a', 'tls-b'), { nil: undefined, freq: 6 }) }, { requiredKeys: ['hosts'] }),
      { maxLength: 2 },
    ),
  })
  .map((g) => {
    const annotations: Record<string, string> = {};
    if (g.classBy === 'annotation') annotations['kubernetes.io/ingress.class'] = g.className;
    if (g.unknownAnnotation) annotations['nginx.ingress.kubernetes.io/rewrite-target'] = '/';
    for (const [name, value] of g.apisix) annotations[`k8s.apisix.apache.org/${name}`] = value;
    const metadata: Record<string, unknown> = { name: g.name, ...(g.namespace === undefined ? {} : { namespace: g.namespace }) };
    if (Object.keys(annotations).length > 0) metadata['annotations'] = annotations;
    if (g.creationTimestamp !== undefined) metadata['creationTimestamp'] = g.creationTimestamp;
    const spec: Record<string, unknown> = {};
    if (g.classBy === 'spec') spec['ingressClassName'] = g.className;
    if (g.defaultBackend !== undefined) spec['defaultBackend'] = g.defaultBackend;
    if (g.rules.length > 0 || g.defaultBackend === undefined) spec['rules'] = g.rules.length > 0 ? g.rules : [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }];
    if (g.tls.length > 0) spec['tls'] = g.tls.map((t) => ({ ...(t.hosts.length > 0 ? { hosts: t.hosts } : {}), ...(t.secretName ? { secretName: t.secretName } : {}) }));
    return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata, spec } as Record<string, unknown> & { metadata: Record<string, unknown> };
  });

const service = (namespace: string, name: string, port: number) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { ports: [{ name: 'http', port, targetPort: 8080 }] } });
const ingressClass = (name: string, isDefault: boolean) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'IngressClass',
  metadata: { name, ...(isDefault ? { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } : {}) },
  spec: { controller: `example.com/${name}` },
});

export const optionsArb = fc.constantFrom<ConvertOptions>(
  {},
  { ingressClasses: ['nginx'] },
  { gatewayClass: 'eg' },
  { sharedGateway: { namespace: 'infra', name: 'shared' } },
  { sharedGateway: { namespace: 'infra', name: 'shared' }, createSharedGateway: true },
  { sharedGateway: { namespace: 'alpha', name: 'shared' }, createSharedGateway: true, ingressClasses: ['internal', 'nginx'] },
  { defaultNamespace: 'alpha' },
  { target: 'apisix-ingress-controller@2' },
  { target: 'api7-ingress-controller@3.8' },
);

export interface Corpus {
  objects: unknown[];
  options: ConvertOptions;
}

/** Ingresses (unique identities), some Services and IngressClasses, maybe copies of an Ingress, and options. */
export const corpusArb = (maxIngresses: number): fc.Arbitrary<Corpus> =>
  fc
    .record({
      ingresses: fc.uniqueArray(ingressArb, { minLength: 1, maxLength: maxIngresses, selector: (i) => `${String(i.metadata['namespace'] ?? 'alpha')}/${String(i.metadata['name'])}` }),
      services: fc.subarray([service('alpha', 'web', 80), service('beta', 'web', 8081), service('alpha', 'api', 9000), service('beta', 'api', 9001)]),
      classes: fc.constantFrom([], [ingressClass('nginx', true)], [ingressClass('nginx', false), ingressClass('internal', true)], [ingressClass('nginx', true), ingressClass('internal', true)]),
      // The same object again, as another `kubectl get` would print it (uid, resourceVersion, status differ).
      identicalCopy: fc.option(fc.nat(), { nil: undefined, freq: 3 }),
      // Another object with the same identity and different content.
      conflictingCopy: fc.option(fc.nat(), { nil: undefined, freq: 5 }),
      options: optionsArb,
    })
    .map(({ ingresses, services, classes, identicalCopy, conflictingCopy, options }) => {
      const objects: unknown[] = [...ingresses, ...services, ...classes];
      if (identicalCopy !== undefined) {
        const original = ingresses[identicalCopy % ingresses.length]!;
        objects.push({ ...original, metadata: { ...original.metadata, uid: 'c0ffee00-0000-4000-8000-000000000001', resourceVersion: '42' }, status: { loadBalancer: {} } });
      }
      // Both copies may be of the same Ingress: three copies of one identity, two of them identical.
      if (conflictingCopy !== undefined) {
        const original = ingresses[conflictingCopy % ingresses.length]!;
        objects.push({ ...original, metadata: { ...original.metadata, creationTimestamp: '2023-12-31T00:00:00Z' } });
      }
      return { objects, options };
    });

