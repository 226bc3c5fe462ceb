// The reports a person acts on: the default text layout (errors first, warnings grouped by code,
// infos counted, the next step, the many-Gateways hint), the markdown comment (GitHub's size
// limit, escaping) and --baseline (known findings do not gate).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildReport, convert, reportFormats } from '../src/index.js';
import { escapeMarkdown, MARKDOWN_LIMIT } from '../src/reporter/formats/markdown.js';
import { findingsCorpus, hostileValues } from './helpers/findings-corpus.js';
import { repoRoot } from './helpers/repo.js';
import { runCliCaptured } from './helpers/run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'ing2gw-layout-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

// 40 Ingresses of class nginx in 8 namespaces: 4 errors (named ports without their Service),
// 100 warnings of two codes, 40 infos.
const dump = findingsCorpus({ ingresses: 40 });

test('text report: errors first, each on its full line with its hint', async () => {
  const run = await runCliCaptured(['convert', '-'], dump);
  assert.equal(run.exitCode, 1);
  const lines = run.stderr.split('\n');
  assert.equal(lines[0], '4 errors:');
  const errorLines = lines.filter((l) => l.startsWith('error['));
  assert.equal(errorLines.length, 4);
  for (const l of errorLines) assert.match(l, /^error\[service-not-found\] <stdin>:\d+:\d+ \(doc 1, items\[\d+\]\.spec\.rules\[0\]\.http\.paths\[1\]\.backend\) Ingress team-\d\/app-\d+: host .* the path is not converted$/);
  const firstWarning = lines.findIndex((l) => /^\d+ × warning\[/.test(l));
  assert.ok(lines.lastIndexOf(errorLines[3]!) < firstWarning, 'every error before the first warning');
  assert.match(lines[lines.indexOf(errorLines[0]!) + 1]!, /^ {2}hint: add the Service to the input/);
});

test('text report: warnings grouped by code with counts, one example each and the remedy; infos hidden and counted', async () => {
  const { stderr } = await runCliCaptured(['convert', '-'], dump);
  assert.match(stderr, /^100 warnings, by code:$/m);
  assert.match(stderr, /^94 × warning\[annotation-not-converted\], first at <stdin>:10:9 Ingress team-0\/app-0:\n {2}annotation nginx\.ingress\.kubernetes\.io\/proxy-body-size="8m" is not converted\n/m);
  assert.match(stderr, /^ {2}annotations: nginx\.ingress\.kubernetes\.io\/proxy-body-size \(40\),$/m);
  assert.match(stderr, /^ {2}to do: Configure the behaviour on the Gateway API side/m);
  assert.match(stderr, /^6 × warning\[unknown-field\], first at <stdin>:\d+:\d+ Ingress team-0\/app-0:$/m);
  assert.equal(stderr.match(/^\d+ × warning\[/gm)!.length, 2, 'one block per code');
  assert.doesNotMatch(stderr, /^warning\[/m, 'only errors on lines of their own');
  assert.doesNotMatch(stderr, /^info\[/m);
  assert.match(stderr, /^40 infos hidden \(implementation-specific-path 40\): --verbose shows them/m);
  // The grouped part fits the width; only error lines and the summary keep their full length.
  for (const l of stderr.split('\n')) if (!l.startsWith('error[') && !l.startsWith('summary: ') && !l.startsWith('  hint: ')) assert.ok(l.length <= 100, `too long: ${l}`);
});

test('text report: the summary ends with the next step and, for one Gateway per namespace, the shared-Gateway hint', async () => {
  const { stderr } = await runCliCaptured(['convert', '-'], dump);
  assert.match(stderr, /^gateways: class nginx: 8 Gateways in 8 namespaces, each with its own load-balancer address/m);
  assert.match(stderr, /\n {2}--gateway NAMESPACE\/NAME --create-gateway\nnext step:/);
  assert.ok(stderr.endsWith('next step: include the Services in the input (service-not-found):\n  kubectl get ingress,ingressclass,service -A -o yaml | ing2gw convert -\n'), stderr.slice(-300));
  // Without errors, the largest group of warnings is the top finding.
  const warningsOnly = await runCliCaptured(['convert', '-'], findingsCorpus({ ingresses: 40, errorEvery: 0 }));
  assert.equal(warningsOnly.exitCode, 0);
  assert.match(warningsOnly.stderr, /^next step: configure the behaviour on the Gateway API side \(filters, policies\) or keep it in mind\n {2}when testing \(94 × annotation-not-converted, first at <stdin>:10, Ingress team-0\/app-0\)$/m);
  // One shared Gateway: no hint.
  const shared = await runCliCaptured(['convert', '-', '--gateway', 'infra/shared', '--create-gateway'], dump);
  assert.doesNotMatch(shared.stderr, /^gateways:/m);
  // Nothing to fix.
  const clean = await runCliCaptured(['convert', join(repoRoot, 'fixtures/basic-prefix-exact/input.yaml')]);
  assert.match(clean.stderr, /^next step: nothing to fix: no new errors or warnings$/m);
});

test('text report --verbose: every finding per object first (infos too), then the overview', async () => {
  const { stderr } = await runCliCaptured(['convert', '-', '--verbose'], dump);
  assert.match(stderr, /^Ingress team-0\/app-0 \(<stdin>, doc 1\): 3 annotations, \d+ fields: /);
  assert.equal(stderr.match(/^info\[implementation-specific-path\] <stdin>/gm)!.length, 40);
  assert.equal(stderr.match(/^warning\[annotation-not-converted\] <stdin>/gm)!.length, 94);
  assert.match(stderr, /^40 infos, by code:\n40 × info\[implementation-specific-path\], first at/m);
  assert.doesNotMatch(stderr, /infos hidden/);
});

test('markdown: 1,800 Ingresses with many findings stay within GitHub\'s comment limit and say what was left out', async () => {
  // One conversion through the library, rendered as the CLI renders it.
  const result = convert([{ name: '<stdin>', text: findingsCorpus({ ingresses: 1800, hostile: true }) }]);
  const report = buildReport(result, '0.0.0');
  const markdown = reportFormats.markdown(report);
  assert.ok(markdown.length <= MARKDOWN_LIMIT, `${markdown.length} characters`);
  assert.ok(markdown.length > MARKDOWN_LIMIT - 5000, 'the room is used');
  const notice = /^> \*\*Truncated:\*\* (\d+) findings and (\d+) not plainly converted annotations and fields left out, .* run `ing2gw report … --report json`/m.exec(markdown);
  assert.ok(notice, markdown.slice(0, 2000));
  // Shown plus left out is everything, each finding once.
  const findingRows = markdown.split('\n').filter((l) => /^\| .*\(doc \d+, /.test(l)).length;
  assert.equal(findingRows + Number(notice[1]), report.diagnostics.length);
  const entries = report.accounting.reduce((n, o) => n + o.entries.filter((e) => e.status !== 'converted').length, 0);
  assert.equal(Number(notice[2]), entries, 'the accounting section comes last: its rows are left out');
  // Every section is there, with its count, even when its rows are cut.
  const groups = new Set(report.diagnostics.map((d) => `${d.severity} ${d.code}`));
  assert.equal(markdown.match(/^<details/gm)!.length, groups.size + 1, 'a section per code of warnings and infos, one for the errors, one for the accounting');
  assert.match(markdown, /^<details><summary>6000 × warning <code>annotation-not-converted<\/code>/m);
  assert.match(markdown, /^\| … \d+ more not shown \(see the note at the top\) \|$/m);
  assert.equal(markdown.match(/<details/g)!.length, markdown.match(/<\/details>/g)!.length, 'every section closed');
  assert.doesNotMatch(markdown, /<img|<b>bold/);
});

test('markdown: a small report shows every finding exactly once, in collapsible sections, with the summary table first', async () => {
  const markdown = (await runCliCaptured(['report', '-', '--report', 'markdown'], findingsCorpus({ ingresses: 12 }))).stdout;
  assert.match(markdown, /^## ing2gw conversion report \(target `gateway-api@1\.6`\)\n\n\| \| errors \| warnings \| infos \|\n\|---\|---:\|---:\|---:\|\n\| findings \| 2 \| 30 \| 12 \|$/m);
  assert.match(markdown, /^<details open><summary><b>2 errors<\/b><\/summary>$/m);
  assert.match(markdown, /^<details><summary>28 × warning <code>annotation-not-converted<\/code>: /m);
  assert.match(markdown, /^<details><summary>12 × info <code>implementation-specific-path<\/code>: /m);
  assert.match(markdown, /^<details><summary>Not \(plainly\) converted: \d+ annotations and fields<\/summary>$/m);
  assert.match(markdown, /^\*\*Next step:\*\* include the Services in the input \(service-not-found\): `kubectl get ingress,ingressclass,service -A -o yaml \| ing2gw convert -`$/m);
  assert.equal(markdown.split('\n').filter((l) => /^\| .*\(doc \d+, /.test(l)).length, 44);
  assert.doesNotMatch(markdown, /Truncated/);
});

test('markdown: input text never becomes markup', async () => {
  assert.equal(escapeMarkdown('<img src=x onerror=alert(1)>'), '&lt;img src=x onerror=alert(1)&gt;');
  assert.equal(escapeMarkdown('a|b'), 'a\\|b');
  assert.equal(escapeMarkdown('`x`'), '\\`x\\`');
  assert.equal(escapeMarkdown('one\ntwo\r\nthree'), 'one two three');
  assert.equal(escapeMarkdown('a & b'), 'a &amp; b');
  assert.equal(escapeMarkdown('[x](javascript:y) *b* _i_ ~s~'), '\\[x\\](javascript:y) \\*b\\* \\_i\\_ \\~s\\~');
  assert.equal(escapeMarkdown('bell\u0007 esc\u001b[31m nul\u0000 rlo\u202e'), 'bellU+0007 escU+001B\\[31m nulU+0000 rloU+202E');
  const markdown = (await runCliCaptured(['report', '-', '--report', 'markdown', '--fail-on', 'never'], findingsCorpus({ ingresses: hostileValues.length, hostile: true }))).stdout;
  assert.match(markdown, /note-0="&lt;img src=x onerror=alert\(1\)&gt;"/);
  assert.match(markdown, /note-1="a\\\|b\\\|c"/);
  assert.match(markdown, /note-2="\\`code\\` and \\`\\`more\\`\\`"/);
  assert.match(markdown, /note-5="\\\[link\\\]\(javascript:alert\(1\)\) &amp; &lt;b&gt;bold&lt;\/b&gt;"/);
  assert.doesNotMatch(markdown, /[\u0000-\u0008\u000b-\u001f]/, 'no control character');
  // Every table row has as many cells as its header.
  for (const l of markdown.split('\n').filter((x) => x.startsWith('| ') && x.includes('note-'))) assert.equal(l.replace(/\\\|/g, '').split('|').length, l.includes('<code>') ? 6 : 5, l);
});

/** Writes a --report json of `input` (a file in the scratch directory) and returns its path. */
async function baselineOf(input: string, name: string): Promise<string> {
  const run = await runCliCaptured(['report', input, '--report', 'json', '--fail-on', 'never']);
  const file = join(scratch, name);
  writeFileSync(file, run.stdout);
  return file;
}

test('--baseline: a warning in the baseline does not fail --fail-on warning; a new one does; a moved line still matches', async () => {
  const input = join(scratch, 'wildcard.yaml');
  const original = readFileSync(join(repoRoot, 'fixtures/wildcard-host/input.yaml'), 'utf8');
  writeFileSync(input, original);
  const baseline = await baselineOf(input, 'wildcard.json');
  assert.equal((await runCliCaptured(['convert', input, '--fail-on', 'warning'])).exitCode, 1, 'without the baseline the warning fails');
  const known = await runCliCaptured(['convert', input, '--fail-on', 'warning', '--baseline', baseline]);
  assert.equal(known.exitCode, 0, known.stderr);
  assert.match(known.stderr, /^1 × warning\[wildcard-host\] \(it is in the baseline\) at /m);
  assert.match(known.stderr, /^baseline .*wildcard\.json: 1 known finding \(0 errors, 1 warning, 0 infos\),\s+not counted for --fail-on; new: 0 errors, 0 warnings/m);
  // Lines moved: comments above the Ingress shift every line; the finding is still the known one.
  writeFileSync(input, `# moved\n# down\n# by three lines\n${original}`);
  const moved = await runCliCaptured(['convert', input, '--fail-on', 'warning', '--baseline', baseline, '--report', 'json']);
  assert.equal(moved.exitCode, 0, moved.stdout);
  const movedReport = JSON.parse(moved.stderr) as { diagnostics: { baselineState: string; location: { line: number } }[]; summary: { baseline: { known: { warning: number } } } };
  assert.deepEqual(movedReport.diagnostics.map((d) => d.baselineState), ['unchanged']);
  assert.equal(movedReport.summary.baseline.known.warning, 1);
  // A new warning (an annotation nobody converts) fails; the known one still does not count.
  writeFileSync(input, original.replace(/(\n {2}name: saas\n)/, '$1  annotations:\n    example.com/new: "x"\n'));
  const fresh = await runCliCaptured(['convert', input, '--fail-on', 'warning', '--baseline', baseline]);
  assert.equal(fresh.exitCode, 1, fresh.stderr);
  assert.match(fresh.stderr, /new: 0 errors, 1 warning, 0 infos/);
  assert.match(fresh.stderr, /^next step: [^]*annotation-not-converted, at /m, 'the next step is about the new finding');
});

test('--baseline: SARIF results carry baselineState new, unchanged and absent', async () => {
  const input = join(scratch, 'two.yaml');
  const original = readFileSync(join(repoRoot, 'fixtures/unknown-annotations-and-fields/input.yaml'), 'utf8');
  writeFileSync(input, original);
  const baseline = await baselineOf(input, 'two.json');
  // One annotation gone (absent), one added (new), the others unchanged.
  writeFileSync(input, original.replace('nginx.ingress.kubernetes.io/proxy-body-size', 'nginx.ingress.kubernetes.io/proxy-buffering'));
  const run = await runCliCaptured(['report', input, '--report', 'sarif', '--baseline', baseline]);
  const sarif = JSON.parse(run.stdout) as { runs: { results: { ruleId: string; baselineState: string; message: { text: string } }[] }[] };
  const states = sarif.runs[0]!.results.map((r) => `${r.baselineState} ${r.ruleId}${r.message.text.includes('proxy-b') ? ` ${/proxy-[\w-]+/.exec(r.message.text)![0]}` : ''}`);
  assert.deepEqual(states.sort(), ['absent annotation-not-converted proxy-body-size', 'new annotation-not-converted proxy-buffering', 'unchanged annotation-not-converted', 'unchanged ecosystem-setup', 'unchanged unknown-field', 'unchanged unknown-field']);
});

test('--baseline: a missing file or one that is not an ing2gw JSON report is a usage error in one line', async () => {
  const input = join(repoRoot, 'fixtures/wildcard-host/input.yaml');
  const sarif = join(scratch, 'report.sarif');
  writeFileSync(sarif, (await runCliCaptured(['report', input, '--report', 'sarif'])).stdout);
  const cases: [string, RegExp][] = [
    [join(scratch, 'missing.json'), /cannot read .*missing\.json: no such file/],
    [input, /is not JSON .*pass the output of --report json of an earlier run/],
    [sarif, /is a SARIF report; pass the output of --report json/],
  ];
  writeFileSync(join(scratch, 'other.json'), '{"version": 1, "items": []}');
  cases.push([join(scratch, 'other.json'), /is not an ing2gw JSON report/]);
  for (const [file, message] of cases) {
    for (const command of ['convert', 'report']) {
      const run = await runCliCaptured([command, input, '--baseline', file]);
      assert.equal(run.exitCode, 2, `${command} ${file}`);
      assert.equal(run.stdout, '', 'nothing converted');
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    }
  }
});

test('groups: the largest first, ties in the order of their first finding', async () => {
  const { findingGroups } = await import('../src/reporter/next-step.js');
  const at = (code: string, line: number) => ({ severity: 'warning' as const, code, message: code, location: { file: 'f.yaml', doc: 1, path: '', line } });
  const diagnostics = [at('a', 1), at('b', 2), at('c', 3), at('b', 4), at('d', 5), at('c', 6)];
  const result = convert([]);
  const report = buildReport({ ...result, diagnostics }, '0.0.0');
  assert.deepEqual(findingGroups(report).bySeverity.warning.map((g) => `${g.code}${g.findings.length}`), ['b2', 'c2', 'a1', 'd1']);
});
