#!/usr/bin/env node
// npm run bench [-- --small]: generates deterministic corpora, then measures in one run, side by
// side, the floor (what parsing and printing YAML/JSON costs by itself) and ing2gw, and prints
// ratios with their targets. Results go to bench/out/results.json. Not a test: numbers depend on
// the machine; CI only checks that this runs on a small corpus.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const small = process.argv.includes('--small');
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? process.argv[outIndex + 1] : join(root, 'bench', 'out');
mkdirSync(out, { recursive: true });
const sizes = small ? [20, 200] : [1000, 10000];
const bin = join(root, 'bin', 'ing2gw.js');
const hasTime = existsSync('/usr/bin/time');

/** A small deterministic PRNG, so the corpora are the same on every run. */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function corpus(n) {
  const r = rng(n);
  const objects = [];
  for (let i = 0; i < n; i++) {
    const ns = `team-${i % 40}`;
    const hosts = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, h) => `app${i}-${h}.example.com`);
    const rules = hosts.map((host) => ({
      host,
      http: { paths: Array.from({ length: 1 + Math.floor(r() * 4) }, (_, p) => ({ path: p === 0 ? '/' : `/api/v${p}`, pathType: p % 3 === 2 ? 'Exact' : 'Prefix', backend: { service: { name: `svc-${i}`, port: p % 2 ? { name: 'http' } : { number: 8080 } } } })) },
    }));
    const spec = { ingressClassName: 'nginx', rules, ...(r() < 0.4 ? { tls: [{ hosts, secretName: `tls-${i}` }] } : {}) };
    const metadata = {
      name: `app-${i}`,
      namespace: ns,
      uid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      resourceVersion: String(1000 + i),
      creationTimestamp: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00Z`,
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', spec }) },
      managedFields: [{ manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'networking.k8s.io/v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:rules': {} } } }],
    };
    objects.push({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata, spec, status: { loadBalancer: { ingress: [{ ip: '10.0.0.1' }] } } });
    objects.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: `svc-${i}`, namespace: ns }, spec: { ports: [{ name: 'http', port: 80, targetPort: 8080 }] } });
  }
  return objects;
}

function sharedHosts(n) {
  const objects = [];
  for (let i = 0; i < n; i++) {
    const metadata = { name: `app-${i}`, namespace: `team-${i % 4}`, creationTimestamp: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00Z` };
    const backend = { service: { name: `svc-${i}`, port: { number: 8080 } } };
    const paths = [{ path: `/app-${i}`, pathType: 'Prefix', backend }, { path: `/app-${i}/health`, pathType: 'Exact', backend }];
    objects.push({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata, spec: { ingressClassName: 'nginx', rules: [{ host: `shared-${i % 20}.example.com`, http: { paths } }] } });
  }
  return objects;
}

async function writeCorpora(n) {
  const { stringify } = await import('yaml');
  const objects = corpus(n);
  const files = {
    yaml: join(out, `corpus-${n}.yaml`),
    list: join(out, `corpus-${n}-list.yaml`),
    json: join(out, `corpus-${n}.json`),
    // Every Prefix path made ImplementationSpecific: a finding on most paths, as in a real dump
    // full of controller-specific paths. Guards against work that grows with findings × objects.
    findings: join(out, `corpus-${n}-findings.json`),
    // APISIX annotations on every Ingress (one of them a typo), for the APISIX target: intents,
    // BackendTrafficPolicies on shared Services and several findings per Ingress.
    apisix: join(out, `corpus-${n}-apisix.json`),
    // Every Ingress on one of 20 hosts, in 4 namespaces, each with its own paths: thousands of
    // rules per host. Guards verify against work that grows with hosts × paths.
    shared: join(out, `corpus-${n}-shared.json`),
  };
  writeFileSync(files.yaml, objects.map((o) => stringify(o)).join('---\n'));
  writeFileSync(files.list, stringify({ apiVersion: 'v1', kind: 'List', items: objects }));
  const json = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }, null, 2);
  writeFileSync(files.json, json);
  writeFileSync(files.findings, json.replaceAll('"pathType": "Prefix"', '"pathType": "ImplementationSpecific"'));
  // Ingress k is objects[2k]. Those with k % 80 >= 40 set no upstream settings and send to the
  // Service of Ingress k - 40 (same namespace), which does: a BackendTrafficPolicy shared with them.
  const annotated = objects.map((o, i) => {
    if (o.kind !== 'Ingress') return o;
    const k = i / 2;
    const shares = k % 80 >= 40;
    const annotations = {
      ...o.metadata.annotations,
      'k8s.apisix.apache.org/enable-cors': 'true',
      'k8s.apisix.apache.org/http-to-https': 'true',
      ...(shares ? {} : { 'k8s.apisix.apache.org/upstream-read-timeout': '5s' }),
      'k8s.apisix.apache.org/allowlist-source-range': '10.0.0.0/8',
      'k8s.apisix.apache.org/enable-websocket': 'true',
      'k8s.apisix.apache.org/enable-cros': 'true',
    };
    const spec = shares ? JSON.parse(JSON.stringify(o.spec).replaceAll(`"svc-${k}"`, `"svc-${k - 40}"`)) : o.spec;
    return { ...o, metadata: { ...o.metadata, annotations }, spec };
  });
  writeFileSync(files.apisix, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: annotated }, null, 2));
  writeFileSync(files.shared, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: sharedHosts(n) }, null, 2));
  return files;
}

/** Wall time (s) and peak RSS (MB) of a command, median of `runs`. */
function measure(args, runs = small ? 1 : 3) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const command = hasTime ? ['/usr/bin/time', ['-f', '%e %M', process.execPath, ...args]] : [process.execPath, args];
    const started = performance.now();
    const run = spawnSync(command[0], command[1], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
    const wall = (performance.now() - started) / 1000;
    const timeLine = hasTime ? run.stderr.trim().split('\n').pop() : '';
    const rss = hasTime ? Number(timeLine.split(' ')[1]) / 1024 : Number.NaN;
    // 0 or 1 (findings): the run did its job. Anything else would time a usage error or a crash.
    if (run.status !== 0 && run.status !== 1) throw new Error(`bench: ${args.join(' ')} exited with ${run.status ?? run.signal}:\n${run.stderr.slice(-2000)}`);
    samples.push({ wall, rss, status: run.status });
  }
  samples.sort((a, b) => a.wall - b.wall);
  return samples[Math.floor(samples.length / 2)];
}

// The floor: read and parse every document with yaml (one at a time), stringify as many objects
// as ing2gw emits (about 1.5 per Ingress), no conversion.
const yamlFloor = join(out, 'floor-yaml.mjs');
writeFileSync(
  yamlFloor,
  `import { readFileSync } from 'node:fs';
import { Composer, Parser, stringify } from ${JSON.stringify(join(root, 'node_modules', 'yaml', 'dist', 'index.js'))};
const text = readFileSync(process.argv[2], 'utf8');
const composer = new Composer();
let out = 0, n = 0;
for (const doc of composer.compose(new Parser().parse(text), true)) {
  const value = doc.toJS();
  const items = value && Array.isArray(value.items) ? value.items : [value];
  for (const item of items) if (item && item.kind === 'Ingress') { out += stringify(item.spec).length; if (n++ % 2 === 0) out += stringify(item.metadata).length; }
}
process.stdout.write(String(out));
`,
);
const jsonFloor = join(out, 'floor-json.mjs');
writeFileSync(
  jsonFloor,
  `import { readFileSync } from 'node:fs';
const value = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let out = 0, n = 0;
for (const item of value.items) if (item.kind === 'Ingress') { out += JSON.stringify(item.spec).length; if (n++ % 2 === 0) out += JSON.stringify(item.metadata).length; }
process.stdout.write(String(out));
`,
);

const results = { date: new Date().toISOString(), node: process.version, small, corpora: {}, startup: {} };
const rows = [];
const ratio = (a, b) => a / b;
for (const n of sizes) {
  const files = await writeCorpora(n);
  const floor = measure([yamlFloor, files.yaml]);
  const convert = measure([bin, 'convert', files.yaml, '--fail-on', 'never']);
  const list = measure([bin, 'convert', files.list, '--fail-on', 'never']);
  const adc = measure([bin, 'convert', '--to', 'adc', files.yaml, '--fail-on', 'never']);
  const floorJson = measure([jsonFloor, files.json]);
  const convertJson = measure([bin, 'convert', files.json, '-o', 'json', '--fail-on', 'never']); // JSON in, JSON out, like the floor
  const findings = measure([bin, 'convert', files.findings, '-o', 'json', '--fail-on', 'never']);
  const apisix = measure([bin, 'convert', files.apisix, '--target', 'apisix-ingress-controller@2', '-o', 'json', '--fail-on', 'never']);
  const verify = n === sizes[0] ? measure([bin, 'verify', files.yaml]) : undefined;
  const shared = measure([bin, 'convert', files.shared, '--fail-on', 'never']);
  const sharedVerify = measure([bin, 'verify', files.shared]);
  results.corpora[n] = { floor, convert, list, adc, floorJson, convertJson, findings, apisix, shared, sharedVerify, ...(verify ? { verify } : {}) };
  rows.push([`${n}: convert / yaml floor`, ratio(convert.wall, floor.wall), n === sizes[1] ? 1.2 : undefined, `${convert.wall.toFixed(2)} s vs ${floor.wall.toFixed(2)} s`]);
  rows.push([`${n}: kubectl List / yaml floor`, ratio(list.wall, floor.wall), undefined, `${list.wall.toFixed(2)} s`]);
  rows.push([`${n}: --to adc / yaml floor`, ratio(adc.wall, floor.wall), undefined, `${adc.wall.toFixed(2)} s`]);
  rows.push([`${n}: JSON input / JSON floor`, ratio(convertJson.wall, floorJson.wall), 2, `${convertJson.wall.toFixed(2)} s vs ${floorJson.wall.toFixed(2)} s`]);
  rows.push([`${n}: JSON, many findings / JSON`, ratio(findings.wall, convertJson.wall), undefined, `${findings.wall.toFixed(2)} s`]);
  rows.push([`${n}: APISIX annotations / JSON`, ratio(apisix.wall, convertJson.wall), undefined, `${apisix.wall.toFixed(2)} s, ${apisix.rss.toFixed(0)} MB`]);
  rows.push([`${n}: peak RSS (MB)`, convert.rss, n === sizes[1] ? 300 : undefined, `yaml floor ${floor.rss.toFixed(0)} MB`]);
  rows.push([`${n}: peak RSS, kubectl List (MB)`, list.rss, undefined, '']);
  rows.push([`${n}: peak RSS, JSON (MB)`, convertJson.rss, undefined, `JSON floor ${floorJson.rss.toFixed(0)} MB`]);
  rows.push([`${n}: peak RSS, --to adc (MB)`, adc.rss, undefined, '']);
  if (verify) rows.push([`${n}: verify / convert`, ratio(verify.wall, convert.wall), 10, `${verify.wall.toFixed(2)} s`]);
  rows.push([`${n}: verify / convert, 20 shared hosts`, ratio(sharedVerify.wall, shared.wall), undefined, `${sharedVerify.wall.toFixed(2)} s`]);
}
const [a, b] = sizes.map((n) => results.corpora[n].convert.rss);
const [fa, fb] = sizes.map((n) => results.corpora[n].floor.rss);
rows.push([`peak RSS ${sizes[1]} / ${sizes[0]}`, b / a, 1.5, `yaml floor ${(fb / fa).toFixed(2)}`]);
const nodeStart = measure(['-e', '0'], small ? 1 : 5);
const version = measure([bin, '--version'], small ? 1 : 5);
const one = measure([bin, 'convert', join(root, 'fixtures', 'basic-prefix-exact', 'input.yaml')], small ? 1 : 5);
results.startup = { node: nodeStart, version, oneIngress: one };
rows.push(['ing2gw --version / node -e 0', version.wall / nodeStart.wall, 2, `${version.wall.toFixed(3)} s vs ${nodeStart.wall.toFixed(3)} s`]);
rows.push(['convert one Ingress / node -e 0', one.wall / nodeStart.wall, 3, `${one.wall.toFixed(3)} s`]);
results.ratios = rows.map(([name, value, target, detail]) => ({ name, value, target, met: target === undefined ? null : value <= target, detail }));
writeFileSync(join(out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
for (const r of results.ratios) {
  const verdict = r.target === undefined ? '' : r.met ? `  ok (target ≤ ${r.target})` : `  MISSED (target ≤ ${r.target})`;
  console.log(`${r.name.padEnd(36)} ${Number.isFinite(r.value) ? r.value.toFixed(2).padStart(8) : '     n/a'}${verdict}${r.detail ? `   ${r.detail}` : ''}`);
}
console.log(`results: ${join(out, 'results.json')}`);
