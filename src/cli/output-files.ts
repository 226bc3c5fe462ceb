// `--out-dir` (one file per object) and `--check` (drift against what is committed).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { serialize, type GatewayApiObject, type OutputFormat } from '../index.js';
import { UsageError, writeFileAtomic } from './context.js';
import { expandPaths } from './read-inputs.js';

/**
 * Longest file name written: file systems allow 255 bytes, and the atomic write's temporary name
 * adds 13 at most (a dot, a dot and a process id of up to 7 digits, `.tmp`). Object names may have
 * 253 characters; every name that fitted before this limit keeps its file name.
 */
export const MAX_FILE_NAME = 240;

/** `<kind>-<name>.<ext>`; a longer one keeps its start and ends with a hash of the whole name. */
export function fileNameFor(kind: string, name: string, ext: string): string {
  const base = `${kind.toLowerCase()}-${name}`;
  if (base.length + 1 + ext.length <= MAX_FILE_NAME) return `${base}.${ext}`;
  const hash = createHash('sha256').update(base).digest('hex').slice(0, 10);
  return `${base.slice(0, MAX_FILE_NAME - ext.length - hash.length - 2)}-${hash}.${ext}`;
}

/** `<namespace>/<kind>-<name>.yaml`: one file per object, stable. */
export function layout(objects: readonly GatewayApiObject[], format: OutputFormat): Map<string, string> {
  const files = new Map<string, string>();
  for (const o of objects) {
    const path = join(o.metadata.namespace, fileNameFor(o.kind, o.metadata.name, format === 'json' ? 'json' : 'yaml'));
    files.set(path, format === 'json' ? `${JSON.stringify(o, null, 2)}\n` : serialize([o], 'yaml'));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Writes the layout into `dir`: refuses a non-empty dir without `force`, never writes over an
 * input. With `force`, the manifests already in `dir` that the layout no longer has (objects no
 * longer generated) are removed afterwards, so that `dir` is what `--check` expects; other files
 * and inputs are left alone. Returns the removed files, relative to `dir`.
 */
export function writeOutDir(dir: string, files: Map<string, string>, inputs: readonly string[], force: boolean): string[] {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--out-dir ${dir} is not a directory`);
  if (existsSync(dir) && readdirSync(dir).length > 0 && !force) throw new UsageError(`--out-dir ${dir} is not empty; pass --force to write into it`);
  const inputPaths = new Set(inputs.map((p) => resolve(p)));
  for (const path of files.keys()) {
    if (inputPaths.has(resolve(dir, path))) throw new UsageError(`--out-dir would overwrite input file ${join(dir, path)}`);
  }
  const before = existsSync(dir) ? manifestsIn(dir) : [];
  for (const [path, text] of files) {
    const full = join(dir, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileAtomic(full, text);
  }
  const stale = before.filter((path) => !files.has(path) && !inputPaths.has(resolve(dir, path)));
  for (const path of stale) {
    rmSync(join(dir, path));
    removeEmptyParents(dir, path);
  }
  return stale;
}

/** The files `--check` compares in a directory (`*.yaml`, `*.yml`, `*.json`), relative to it. */
function manifestsIn(dir: string): string[] {
  return expandPaths([dir]).flatMap((e) => (e.type === 'file' ? [relative(dir, e.name)] : []));
}

/** Removes the directories between `dir` and a removed file that it left empty. */
function removeEmptyParents(dir: string, removed: string): void {
  for (let parent = dirname(removed); parent !== '.' && parent !== ''; parent = dirname(parent)) {
    const full = join(dir, parent);
    if (readdirSync(full).length > 0) return;
    rmdirSync(full);
  }
}

/** Unified diffs between what would be generated and what is at `path` (a file, or an --out-dir layout). */
export function checkDrift(path: string, objects: readonly GatewayApiObject[], format: OutputFormat): string[] {
  if (existsSync(path) && statSync(path).isDirectory()) {
    const expected = layout(objects, format);
    const actual = new Map(manifestsIn(path).map((f) => [f, readFileSync(join(path, f), 'utf8')]));
    const names = [...new Set([...expected.keys(), ...actual.keys()])].sort();
    return names.map((name) => patch(join(path, name), actual.get(name) ?? '', expected.get(name) ?? '')).filter((p): p is string => p !== undefined);
  }
  const committed = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const generated = objects.length > 0 ? serialize(objects, format) : '';
  const p = patch(path, committed, generated);
  return p ? [p] : [];
}

/** Drift of one generated text against a committed file. */
export function checkText(path: string, generated: string): string[] {
  const p = patch(path, existsSync(path) ? readFileSync(path, 'utf8') : '', generated);
  return p ? [p] : [];
}

function patch(name: string, committed: string, generated: string): string | undefined {
  if (committed === generated) return undefined;
  return createTwoFilesPatch(`${name} (committed)`, `${name} (generated)`, committed, generated, undefined, undefined, { context: 3 });
}
