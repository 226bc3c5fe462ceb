// `--out-dir` (one file per object) and `--check` (drift against what is committed).
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { serialize, type GatewayApiObject, type OutputFormat } from '../index.js';
import { OutputError, realOrResolved, UsageError, writeFileAtomic } from './context.js';
import { describeFsError } from './fs-errors.js';
import { expandPaths } from './read-inputs.js';
import { shownList } from '../reporter/values.js';

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

/** The kustomization that lists the generated files, so `kubectl apply -k DIR` takes the directory as is. */
export const KUSTOMIZATION = 'kustomization.yaml';

/**
 * The list of files ing2gw wrote into an --out-dir, one relative path a line: `--force` removes
 * only files named there, and `--check` compares only them (and what would be generated), so the
 * user's own files in the directory are never touched or reported as drift.
 */
export const GENERATED_LIST = '.ing2gw-generated';

/** `<namespace>/<kind>-<name>.yaml`, one file per object, and a kustomization.yaml listing them (unless `kustomization` is false). */
export function layout(objects: readonly GatewayApiObject[], format: OutputFormat, kustomization = true): Map<string, string> {
  const files = new Map<string, string>();
  for (const o of objects) {
    const path = join(o.metadata.namespace, fileNameFor(o.kind, o.metadata.name, format === 'json' ? 'json' : 'yaml'));
    files.set(path, format === 'json' ? `${JSON.stringify(o, null, 2)}\n` : serialize([o], 'yaml'));
  }
  const sorted = [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (kustomization && sorted.length > 0) sorted.push([KUSTOMIZATION, kustomizationFor(sorted.map(([path]) => path))]);
  return new Map(sorted);
}

function kustomizationFor(paths: readonly string[]): string {
  const resources = paths.map((p) => `  - ${p.split(sep).join('/')}\n`).join('');
  return `# Written by ing2gw --out-dir: every generated file, for kubectl apply -k and GitOps tools.\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n${resources}`;
}

export interface OutDirOptions {
  /** Write into a non-empty directory, and remove the files ing2gw wrote there before that are no longer generated. */
  force: boolean;
  /** Remove even when that is more than a quarter of what ing2gw wrote there before. */
  confirmRemoval: boolean;
  /** The input had errors or produced nothing: what is no longer generated may only be missing because of that, so nothing is removed. */
  keepStale: boolean;
}

export interface OutDirResult {
  written: number;
  removed: string[];
  /** No longer generated, but kept because the input had errors or produced nothing. */
  kept: string[];
  /** Manifests in the directory that no list says ing2gw wrote (a directory from before the list existed). */
  foreign: string[];
}

/**
 * Writes the layout into `dir`. Refuses (a UsageError, nothing written): a non-empty dir without
 * `force`; a generated file that is an input, or a path through a symbolic link inside `dir`;
 * removing more than a quarter of what ing2gw wrote there before without `confirmRemoval`. With
 * `force`, the files ing2gw wrote before (its list) that are no longer generated are removed
 * afterwards, so that `dir` is what `--check` expects; nothing else in `dir` is ever removed.
 */
export function writeOutDir(dir: string, files: Map<string, string>, inputs: readonly string[], options: OutDirOptions): OutDirResult {
  const exists = existsSync(dir);
  if (exists && !statSync(dir).isDirectory()) throw new UsageError(`--out-dir ${dir} is not a directory`);
  if (exists && readdirSync(dir).length > 0 && !options.force) throw new UsageError(`--out-dir ${dir} is not empty; pass --force to write into it`);
  const realDir = exists ? realpathSync(dir) : resolve(dir);
  const inputPaths = new Set(inputs.flatMap((p) => [resolve(p), realOrResolved(p)]));
  for (const path of files.keys()) {
    if (inputPaths.has(resolve(dir, path)) || inputPaths.has(resolve(realDir, path))) throw new UsageError(`--out-dir would overwrite input file ${join(dir, path)}`);
    refuseLinks(dir, path);
  }
  const listed = exists ? readGeneratedList(dir) : [];
  const present = listed.filter((path) => isPlainFile(join(dir, path)));
  const stale = present.filter((path) => !files.has(path) && !inputPaths.has(resolve(realDir, path)));
  const removable = options.keepStale ? [] : stale;
  if (removable.length >= 2 && removable.length * 4 > present.length && !options.confirmRemoval) {
    throw new UsageError(
      `--out-dir ${dir}: this run would remove ${removable.length} of the ${present.length} files ing2gw wrote there before (${shownList(removable)}); nothing was written. If the input is complete (every Ingress, Service and IngressClass), pass --confirm-removal`,
    );
  }
  const foreign = exists && !existsSync(join(dir, GENERATED_LIST)) ? manifestsIn(dir).filter((path) => !files.has(path)) : [];
  if (exists) removeStrayTemporaries(dir, files);
  else {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw new OutputError(`cannot create --out-dir ${dir}: ${describeFsError(e)}`);
    }
  }
  // The list first names everything this run may write, so a run killed half-way leaves nothing
  // that a later run would not recognise as its own; it is cut to what was generated at the end.
  writeGeneratedList(dir, [...new Set([...present, ...files.keys()])]);
  for (const [path, text] of files) writeFileAtomic(join(dir, path), text);
  writeGeneratedList(dir, [...files.keys(), ...(options.keepStale ? stale : [])]);
  for (const path of removable) {
    rmSync(join(dir, path));
    removeEmptyParents(dir, path);
  }
  return { written: files.size, removed: removable, kept: options.keepStale ? stale : [], foreign };
}

/** A generated file is never written through a symbolic link: not the file, not its namespace directory. */
function refuseLinks(dir: string, path: string): void {
  const parts = path.split(sep);
  for (let i = 1; i <= parts.length; i++) {
    const full = join(dir, ...parts.slice(0, i));
    let link = false;
    try {
      link = lstatSync(full).isSymbolicLink();
    } catch {
      return; // does not exist yet: nothing below it does either
    }
    if (link) throw new UsageError(`--out-dir: ${full} is a symbolic link; refusing to write through it (remove it, or choose another --out-dir)`);
  }
}

function isPlainFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

/** The list of files ing2gw wrote into `dir` before: only plain relative paths inside it count. */
function readGeneratedList(dir: string): string[] {
  let text: string;
  try {
    text = readFileSync(join(dir, GENERATED_LIST), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => normalize(line))
    .filter((path) => !isAbsolute(path) && path !== '.' && !path.split(sep).includes('..') && path !== GENERATED_LIST);
}

function writeGeneratedList(dir: string, paths: readonly string[]): void {
  const lines = [...new Set(paths)].sort().map((p) => `${p}\n`);
  writeFileAtomic(join(dir, GENERATED_LIST), `# Files written by ing2gw --out-dir. --force removes only these when they are no longer generated.\n${lines.join('')}`);
}

/** Temporary files of an atomic write that a killed run left behind (`.<name>.<pid>.tmp`). */
function removeStrayTemporaries(dir: string, files: Map<string, string>): void {
  const dirs = new Set(['.', ...[...files.keys()].map((p) => dirname(p))]);
  for (const sub of dirs) {
    let names: string[];
    try {
      names = readdirSync(join(dir, sub));
    } catch {
      continue;
    }
    for (const name of names) {
      if (/^\..+\.\d+\.tmp$/.test(name) && isPlainFile(join(dir, sub, name))) rmSync(join(dir, sub, name));
    }
  }
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
export function checkDrift(path: string, objects: readonly GatewayApiObject[], format: OutputFormat, kustomization = true): string[] {
  if (existsSync(path) && statSync(path).isDirectory()) {
    const expected = layout(objects, format, kustomization);
    // With ing2gw's list, only its files and the expected ones are compared: the user's own files are not drift.
    const listed = existsSync(join(path, GENERATED_LIST)) ? new Set([...readGeneratedList(path), ...expected.keys()]) : undefined;
    const actual = new Map(
      manifestsIn(path)
        .filter((f) => listed === undefined || listed.has(f))
        .map((f) => [f, readFileSync(join(path, f), 'utf8')]),
    );
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
