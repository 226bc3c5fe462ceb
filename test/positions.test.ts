// Positions on demand (`positions: 'findings'`): the same findings, at the same lines, as when
// every location is looked up; accounting differs only in the fields' missing lines and columns.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { convert, verify, type ConversionResult } from '../src/index.js';
import { formatVerifyText } from '../src/verify/report.js';
import { childPath, formatPath, itemPath } from '../src/input/documents.js';
import { parsePath } from '../src/input/positions.js';
import { fixtureFiles } from './helpers/golden.js';
import { runCliCaptured } from './helpers/run-cli.js';

/** Each fixture as written, and as one `kubectl -o json` List of its objects. */
function inputs(): { name: string; text: string }[] {
  return fixtureFiles('input.yaml').flatMap(({ name, text }) => {
    const items = parseAllDocuments(text).flatMap((d) => {
      const v = d.toJS() as { kind?: string; items?: unknown[] } | null;
      return v && typeof v === 'object' && Array.isArray(v.items) && v.kind?.endsWith('List') ? v.items : v ? [v] : [];
    });
    return [
      { name: `${name}/input.yaml`, text },
      { name: `${name}/input.json`, text: JSON.stringify({ apiVersion: 'v1', kind: 'List', items }, null, 2) },
    ];
  });
}

function withoutFieldPositions(result: ConversionResult) {
  return result.accounting.map((o) => ({
    ...o,
    location: { file: o.location.file, doc: o.location.doc, path: o.location.path },
    entries: o.entries.map((e) => ({ ...e, location: { file: e.location.file, doc: e.location.doc, path: e.location.path } })),
  }));
}

test('findings are located the same with positions on demand', () => {
  let located = 0;
  for (const input of inputs()) {
    // The same file twice: copies of an object must stay together (objects sort by their position in the file).
    const sources = input.name.endsWith('.json') ? [input, input] : [input];
    const all = convert(sources, { positions: 'all' });
    const findings = convert(sources, { positions: 'findings' });
    assert.deepEqual(findings.diagnostics, all.diagnostics, input.name);
    assert.deepEqual(findings.objects, all.objects, input.name);
    assert.deepEqual(withoutFieldPositions(findings), withoutFieldPositions(all), input.name);
    for (const d of findings.diagnostics) {
      assert.equal(Object.getOwnPropertySymbols(d.location ?? {}).length, 0, `${input.name}: a deferred location escaped`);
      if (d.location?.path) {
        assert.ok(d.location.line !== undefined, `${input.name}: ${d.code} at ${d.location.path} has no line`);
        located++;
      }
    }
    for (const o of findings.accounting) {
      assert.equal(Object.getOwnPropertySymbols(o.location).length, 0, `${input.name}: a deferred location escaped`);
      for (const e of o.entries) {
        assert.equal(Object.getOwnPropertySymbols(e.location).length, 0, `${input.name}: a deferred location escaped`);
        if (e.kind === 'field') assert.equal(e.location.line, undefined);
      }
    }
  }
  assert.ok(located > 100, `only ${located} located findings`);
});

/** formatPath as first written (parts joined), the reference for the cached one. */
function referenceFormat(path: readonly (string | number)[]): string {
  const parts: string[] = [];
  for (const segment of path) {
    if (typeof segment === 'number') parts.push('[', String(segment), ']');
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) parts.push(parts.length > 0 ? '.' : '', segment);
    else parts.push('[', JSON.stringify(segment), ']');
  }
  return parts.join('');
}

test('parsePath reads back what formatPath writes; childPath and itemPath extend it', () => {
  const segment = fc.oneof(fc.nat({ max: 20 }), fc.constantFrom('spec', 'a.b', 'x[0]', '"q"', 'k8s.apisix.apache.org/enable-cors', '', '0', 'é', 'a\\b'), fc.string());
  fc.assert(
    fc.property(fc.array(segment, { maxLength: 7 }), (path) => {
      assert.equal(formatPath(path), referenceFormat(path));
      assert.equal(formatPath(path), formatPath(path)); // from the cache the second time
      assert.deepEqual(parsePath(formatPath(path)), path);
      assert.equal(itemPath(3, path), formatPath(['items', 3, ...path]));
      if (path.length > 0) assert.equal(path.slice(1).reduce<string>((parent, segment) => childPath(parent, segment), formatPath(path.slice(0, 1))), formatPath(path));
    }),
    { numRuns: 2000, seed: 7 },
  );
});

test('the JSON report locates every field; the text report of the same JSON input names the same findings', async () => {
  const json = inputs().find((i) => i.name === 'unknown-annotations-and-fields/input.json')!;
  const report = JSON.parse((await runCliCaptured(['convert', '-', '--report', 'json', '--fail-on', 'never'], json.text)).stderr) as { objects: { entries: { kind: string; location: { line?: number } }[] }[] };
  const fields = report.objects.flatMap((o) => o.entries.filter((e) => e.kind === 'field'));
  assert.ok(fields.length > 5 && fields.every((e) => e.location.line !== undefined && e.location.line > 1));
  const text = (await runCliCaptured(['convert', '-', '--fail-on', 'never', '--verbose'], json.text)).stderr;
  const all = convert([{ name: '<stdin>', text: json.text }], { positions: 'all' });
  const located = all.diagnostics.filter((d) => d.location?.line !== undefined);
  assert.ok(located.length > 0);
  for (const d of located) assert.ok(text.includes(`<stdin>:${d.location!.line}:${d.location!.col}`), `${d.code} not at its line in the text report`);
});

test('verify shows the same divergences, at the same lines, with positions on demand', () => {
  const jsonInputs = inputs().filter((i) => i.name.endsWith('.json'));
  let shown = 0;
  for (const input of jsonInputs.slice(0, 25)) {
    const all = formatVerifyText(verify([input], { positions: 'all' }).verification);
    const findings = formatVerifyText(verify([input], { positions: 'findings' }).verification);
    assert.equal(findings, all, input.name);
    shown += [...all.matchAll(/\(from [^)]*:\d+:\d+/g)].length;
  }
  assert.ok(shown > 0, 'no divergence located in these fixtures');
});
