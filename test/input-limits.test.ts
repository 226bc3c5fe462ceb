// Hostile and careless input at the reading layer: nesting deep enough to overflow the parser's
// stack, aliases that make a document contain itself or stand for millions of nodes, huge scalars,
// a byte-order mark after `---`, one bad item in a JSON List, and Secrets whose values must never
// be quoted in a finding. Each gives one located finding; every other document is still converted.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCliCaptured } from './helpers/run-cli.js';

const ingress = (name: string, extra = ''): string =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${name}\n${extra}spec:\n  ingressClassName: nginx\n  rules:\n  - host: ${name}.example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: s\n            port:\n              number: 80\n`;

const ingressJson = (name: string): string =>
  JSON.stringify({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name }, spec: { ingressClassName: 'nginx', rules: [{ host: `${name}.example.com`, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 's', port: { number: 80 } } } }] } }] } });

/** A kubectl List of YAML documents (each indented under its `- `). */
const yamlList = (docs: string[]): string =>
  `apiVersion: v1\nkind: List\nitems:\n${docs.map((d) => d.trimEnd().split('\n').map((line, i) => (i === 0 ? '- ' : '  ') + line).join('\n') + '\n').join('')}`;

/** `k:` mappings, each one space deeper than the last. */
const deepMapping = (levels: number, indent: number): string => {
  let out = '';
  for (let i = 0; i < levels; i++) out += `${' '.repeat(indent + i)}k:\n`;
  return out;
};

/** Names of the HTTPRoutes written. */
const routes = (stdout: string): string[] => [...stdout.matchAll(/^kind: HTTPRoute\nmetadata:\n  name: ([a-z]+)-/gm)].map((m) => m[1]!).sort();

/** Finding lines of the verbose text report with a code. */
const findings = (stderr: string, code: string): string[] => stderr.split('\n').filter((line) => line.startsWith(`error[${code}]`));

async function convert(input: string, ...args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  return runCliCaptured(['convert', '-', '--verbose', ...args], input);
}

async function convertFile(name: string, content: string, ...args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'ing2gw-limits-'));
  try {
    writeFileSync(join(dir, name), content);
    const run = await runCliCaptured(['convert', join(dir, name), '--verbose', ...args]);
    return { ...run, stderr: run.stderr.replaceAll(`${dir}/`, '') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a 5,000-level block sequence is refused where the limit is hit; the documents around it convert', async () => {
  const { stdout, stderr, exitCode } = await convert(`${ingress('a')}---\n${'- '.repeat(5000)}x\n---\n${ingress('c')}`);
  assert.deepEqual(routes(stdout), ['a', 'c']);
  assert.equal(exitCode, 1);
  const [finding, ...more] = findings(stderr, 'object-too-deep');
  assert.deepEqual(more, []);
  assert.match(finding!, /^error\[object-too-deep\] <stdin>:19:401 \(doc 2\) the document is nested more than 200 levels deep/);
});

test('nested mappings inside an Ingress: alone, and as one item of a List split item by item', async () => {
  const deep = ingress('b', `  annotations:\n${deepMapping(3000, 4)}`);
  const alone = await convert(`${ingress('a')}---\n${deep}---\n${ingress('c')}`);
  assert.deepEqual(routes(alone.stdout), ['a', 'c']);
  assert.match(findings(alone.stderr, 'object-too-deep')[0]!, /<stdin>:\d+:\d+ \(doc 2\) the document is nested more than 200 levels/);

  const list = await convert(yamlList([ingress('a'), deep, ingress('c')]));
  assert.deepEqual(routes(list.stdout), ['a', 'c']);
  assert.match(findings(list.stderr, 'object-too-deep')[0]!, /<stdin>:\d+:\d+ \(doc 1, items\[1\]\) the List item is nested more than 200 levels/);
});

test('3,000 nested kind: List objects in a JSON List: that item is refused, the others convert', async () => {
  let nested = '{"apiVersion":"v1","kind":"List","items":[]}';
  for (let i = 0; i < 3000; i++) nested = `{"apiVersion":"v1","kind":"List","items":[${nested}]}`;
  const text = `{"apiVersion":"v1","kind":"List","items":[${ingressJson('a')},${nested},${ingressJson('c')}]}`;
  for (const run of [await convertFile('list.json', text), await convert(text)]) {
    assert.deepEqual(routes(run.stdout), ['a', 'c']);
    assert.match(findings(run.stderr, 'object-too-deep')[0]!, /:1:\d+ \(doc 1, items\[1\]\) the List item is nested more than 200 levels/);
  }
  // Not a List: the whole document.
  const single = await convertFile('deep.json', `{"apiVersion":"v1","kind":"ConfigMap","data":${'['.repeat(5000)}${']'.repeat(5000)}}`);
  assert.match(findings(single.stderr, 'object-too-deep')[0]!, /deep\.json:1:\d+ \(doc 1\) the document is nested more than 200 levels/);
});

test('a kind: List that contains itself through an anchor, directly or two levels deep, is located', async () => {
  const direct = '&a\napiVersion: v1\nkind: List\nitems: [*a]\n';
  const twoDeep = '&a\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: List\n  items: [*a]\n';
  for (const [list, where] of [
    [direct, '<stdin>:22:9 (doc 2, items[0])'],
    [twoDeep, '<stdin>:25:11 (doc 2, items[0].items[0])'],
  ] as const) {
    const { stdout, stderr } = await convert(`${ingress('a')}---\n${list}---\n${ingress('c')}`);
    assert.deepEqual(routes(stdout), ['a', 'c']);
    assert.equal(findings(stderr, 'object-too-deep')[0], `error[object-too-deep] ${where} the document contains itself through a YAML alias (a node holds an alias to its own anchor), which makes it infinitely deep; it is skipped`);
  }
});

test('alias amplification: 2,000 paths aliased 999 times, and 2,000 anchors each used once, are refused in bounded time', async () => {
  let paths = '';
  for (let i = 0; i < 2000; i++) paths += `      - path: /p${i}\n        pathType: Prefix\n        backend:\n          service:\n            name: s\n            port:\n              number: 80\n`;
  const amplified = `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: b\nspec:\n  rules:\n  - &r\n    host: b.example.com\n    http:\n      paths:\n${paths}${'  - *r\n'.repeat(999)}`;
  let anchors = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\ndata:\n';
  for (let i = 0; i < 2000; i++) anchors += `  k${i}: &a${i} v\n`;
  anchors += 'x:\n';
  for (let i = 0; i < 2000; i++) anchors += `- *a${i}\n`;
  for (const [doc, expected] of [
    [amplified, /^error\[input-too-large\] <stdin>:\d+:\d+ \(doc 2, spec\.rules\[\d+\]\.http\.paths\[\d+\][^)]*\) the document's aliases expand to more than 400000 nodes, the limit for one document; it is skipped$/],
    [anchors, /^error\[input-too-large\] <stdin>:\d+:\d+ \(doc 2\) the document has more than 1000 aliases, the limit for one document; it is skipped$/],
  ] as const) {
    const started = Date.now();
    const { stdout, stderr, exitCode } = await convert(`${ingress('a')}---\n${doc}---\n${ingress('c')}`);
    assert.ok(Date.now() - started < 20_000, `bounded time: ${Date.now() - started} ms`);
    assert.deepEqual(routes(stdout), ['a', 'c']);
    assert.equal(exitCode, 1);
    assert.match(findings(stderr, 'input-too-large')[0]!, expected);
  }
});

test('a scalar over 2 MiB (an annotation, in YAML and in a JSON List) is refused, not carried', async () => {
  const big = 'v'.repeat(3 * 1024 * 1024);
  const yaml = await convert(`${ingress('a')}---\n${ingress('b', `  annotations:\n    big: "${big}"\n`)}---\n${ingress('c')}`);
  assert.deepEqual(routes(yaml.stdout), ['a', 'c']);
  assert.equal(findings(yaml.stderr, 'input-too-large')[0], 'error[input-too-large] <stdin>:24:10 (doc 2) a scalar of 3 MiB is longer than the limit of 2 MiB (no object a cluster stores holds one); the document is skipped');
  assert.ok(!yaml.stderr.includes('vvvvvvvv'));
  const b = JSON.parse(ingressJson('b')) as { metadata: Record<string, unknown> };
  b.metadata['annotations'] = { big };
  const json = await convertFile('list.json', `{"apiVersion":"v1","kind":"List","items":[${ingressJson('a')},${JSON.stringify(b)},${ingressJson('c')}]}`);
  assert.deepEqual(routes(json.stdout), ['a', 'c']);
  assert.match(findings(json.stderr, 'input-too-large')[0]!, /list\.json:1:\d+ \(doc 1, items\[1\]\) a string of 3\.0 MiB is longer than the limit of 2 MiB/);
});

test('a file concatenated after --- that starts with a byte-order mark is read, as kubectl reads it', async () => {
  const { stdout, stderr, exitCode } = await convert(`${ingress('a')}---\n\uFEFF${ingress('b')}`);
  assert.deepEqual(routes(stdout), ['a', 'b'], stderr);
  assert.equal(exitCode, 0);
  // Its fields are located on their own lines and columns.
  const withError = await convert(`${ingress('a')}---\n\uFEFF${ingress('b').replace('pathType: Prefix', 'pathType: Sideways')}`);
  assert.match(withError.stderr, /<stdin>:30:9 \(doc 2, spec\.rules\[0\]\.http\.paths\[0\]\.pathType\)/);
});

test('one NaN item of a JSON List: that item is located, the others convert', async () => {
  const service = '{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"x":NaN}}';
  const { stdout, stderr, exitCode } = await convertFile('list.json', `{"apiVersion":"v1","kind":"List","items":[\n${ingressJson('a')},\n${service},\n${ingressJson('c')}\n]}`);
  assert.deepEqual(routes(stdout), ['a', 'c']);
  assert.equal(exitCode, 1);
  assert.deepEqual(findings(stderr, 'yaml-syntax'), ['error[yaml-syntax] list.json:3:1 (doc 1, items[1]) invalid JSON: Unexpected character; this List item is skipped']);
});

test("a Secret's values are never quoted in a finding, in any report format", async () => {
  const password = 'Pa55w0rdZq7xK9vT';
  const inputs: [string, string][] = [
    ['secret.yaml', `${ingress('a')}---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  password: *${password}\n`],
    ['secret.json', `{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"stringData":{"password": ${password}}}`],
    ['escape.yaml', `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  a: "\\q${password}"\n  b: @${password}\n  c: |x ${password}\n    y\n`],
  ];
  for (const [name, content] of inputs) {
    for (const format of ['text', 'json', 'sarif', 'markdown']) {
      const { stderr } = await convertFile(name, content, '--report', format);
      assert.match(stderr, /yaml-syntax/, `${name} ${format}: the error is reported`);
      for (let i = 0; i + 4 <= password.length; i++) assert.ok(!stderr.includes(password.slice(i, i + 4)), `${name} ${format}: no part of the value (${password.slice(i, i + 4)})`);
    }
  }
});
