// Names, keys and values from the input reach the text reports: a terminal must see none of the
// characters it acts on (escape sequences, carriage return, backspace, bidi overrides); they are
// shown as visible escapes, ordinary Unicode stays. JSON and SARIF keep the data exact.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildReport, convert, reportFormats } from '../src/index.js';
import { escapeForTerminal, forTerminal } from '../src/reporter/formats/terminal.js';
import type { Paint } from '../src/reporter/formats/text.js';
import { formatVerifyText } from '../src/verify/report.js';
import type { VerifyResult } from '../src/verify/index.js';
import { runCliCaptured } from './helpers/run-cli.js';

/** What a terminal acts on (newline and tab are layout). */
const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const hostile = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: "web\\e]0;title\\a\\r\\bx"
  namespace: ns
  annotations:
    "evil.io/k\\e[31m": "v\\u202e\\u2066 日本語 é 🎉"
    k8s.apisix.apache.org/enable-cors: "maybe\\e[2J"
spec:
  ingressClassName: nginx
  rules:
  - host: a.example.com
    http:
      paths:
      - path: "/a\\e[2Jb\\u202e"
        pathType: ImplementationSpecific
        backend: {service: {name: "w\\x9bb", port: {number: 80}}}
`;

test('escapeForTerminal: controls, DEL, C1 and bidi controls become visible; newline, tab and ordinary Unicode stay', () => {
  assert.equal(escapeForTerminal('a\u001b[31mb\r\b\u0007\u0000\u007f\u009b'), 'a\\x1b[31mb\\r\\b\\x07\\0\\x7f\\x9b');
  assert.equal(escapeForTerminal('\u202a\u202e\u2066\u2069'), '\\u202a\\u202e\\u2066\\u2069');
  assert.equal(escapeForTerminal('line\n\ttab 日本語 é 🎉 \u00a0\u200d'), 'line\n\ttab 日本語 é 🎉 \u00a0\u200d');
  assert.equal(escapeForTerminal(escapeForTerminal('x\u001b')), 'x\\x1b', 'escaping twice changes nothing');
});

test('the text report (plain and --verbose) shows no raw terminal control, and keeps ordinary Unicode', async () => {
  for (const args of [['report'], ['report', '--verbose'], ['convert', '-o', 'json']]) {
    const run = await runCliCaptured([...args, '-'], hostile);
    const shown = args[0] === 'report' ? run.stdout : run.stderr; // the report; convert's output is JSON on stdout
    assert.doesNotMatch(shown, raw, `${args.join(' ')}: ${JSON.stringify(shown)}`);
    assert.match(shown, /web\\x1b\]0;title\\x07\\r\\bx/, args.join(' '));
    if (args.includes('--verbose')) assert.match(shown, /evil\.io\/k\\x1b\[31m="v\\u202e\\u2066 日本語 é 🎉"/);
  }
});

test('with colours, only the paint adds escape sequences', () => {
  const report = buildReport(convert([{ name: 'in.yaml', text: hostile }]), 'in.yaml');
  const sgr = (n: number) => (t: string) => `\u001b[${n}m${t}\u001b[0m`;
  const paint: Paint = { error: sgr(31), warning: sgr(33), info: sgr(36), dim: sgr(2) };
  const text = reportFormats.text(report, paint, { verbose: true });
  const withoutPaint = text.replace(/\u001b\[\d+m/g, '');
  assert.doesNotMatch(withoutPaint, raw);
  assert.match(text, /\u001b\[33mwarning\[annotation-not-converted\]\u001b\[0m/);
  assert.equal(withoutPaint, reportFormats.text(report, undefined, { verbose: true }), 'the same text as without colours');
  // Input text holding the marker character cannot pass for paint.
  const marked = forTerminal((p) => `${p.dim('a')} \ue0000b\ue000/ \ue001`, paint);
  assert.equal(marked, '\u001b[2ma\u001b[0m \ue0000b\ue000/ \ue001');
});

test('JSON and SARIF keep the data exact (JSON escapes control characters itself)', () => {
  const report = buildReport(convert([{ name: 'in.yaml', text: hostile }]), 'in.yaml');
  for (const format of ['json', 'sarif'] as const) {
    const text = reportFormats[format](report);
    assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f]/, `${format}: control characters are JSON escapes`);
    assert.ok(JSON.stringify(JSON.parse(text)).includes('evil.io/k\\u001b[31m'), format);
    assert.ok(text.includes('\u202e'), `${format}: bidi controls are data, kept`);
  }
});

test('verify text output escapes hosts and paths', () => {
  const result: VerifyResult = {
    scopes: 1,
    probes: 1,
    expected: 0,
    unreported: 1,
    assumedGateways: ['gw\u001b[2J'],
    divergences: [
      {
        scope: 'ns/nginx',
        probe: { scheme: 'http', host: 'a\u202eb', path: '/x\r\u001b[1A', method: 'GET' },
        ingress: { outcome: { kind: 'status', statusCode: 404, reason: 'no\bmatch' }, trace: [] },
        output: { outcome: { kind: 'status', statusCode: 404, reason: 'x' }, trace: [{ file: 'f\u0007.yaml', doc: 1, path: 'spec' }] },
        explainedBy: [],
      },
    ],
  };
  const text = formatVerifyText(result);
  assert.doesNotMatch(text, raw, JSON.stringify(text));
  assert.match(text, /GET http:\/\/a\\u202eb\/x\\r\\x1b\[1A/);
});

test('a line break in a name, key or value never starts a line of the text report (it could pass for a finding)', async () => {
  const forged = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: "web\\nerror[fake] forged by the name"
  namespace: x
  annotations:
    "a.io/k\\nerror[fake] forged by the key": "v\\nerror[fake] forged by the value"
spec:
  ingressClassName: c
  defaultBackend: {service: {name: s, port: {number: 80}}}
`;
  for (const flags of [[], ['--verbose']]) {
    const run = await runCliCaptured(['convert', '-', ...flags], forged);
    assert.match(run.stderr, /forged by the key/);
    assert.doesNotMatch(run.stderr, /^\s*error\[fake\]/m, run.stderr);
  }
});
