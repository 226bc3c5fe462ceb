// Resolves CLI path arguments into input sources: files, directories (recursive, sorted, only
// *.yaml|*.yml|*.json) and standard input ("-").
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../reporter/diagnostics.js';
import { sourceOf, type InputSource } from '../index.js';
import { planDirectory } from '../input/helm.js';
import { describeFsError } from './fs-errors.js';

export const STDIN_NAME = '<stdin>';
const manifestExtension = /\.(ya?ml|json)$/i;

export type InputEntry = { type: 'file'; name: string } | { type: 'stdin' } | { type: 'error'; diagnostic: Diagnostic };

/**
 * Expands arguments in order; directories expand to their manifest files in sorted order. A
 * directory reached a second time (a symbolic link to `.` or to an ancestor, or a directory named
 * twice) is walked once: its files are already read.
 */
export function expandPaths(paths: readonly string[]): InputEntry[] {
  const entries: InputEntry[] = [];
  const walked = new Set<string>();
  for (const path of paths) {
    if (path === '-') {
      entries.push({ type: 'stdin' });
      continue;
    }
    try {
      if (statSync(path).isDirectory()) {
        const found = walk(path, walked);
        if (found.length === 0) entries.push({ type: 'error', diagnostic: { severity: 'error', code: 'input-unreadable', message: `no *.yaml, *.yml or *.json files in directory ${path}` } });
        entries.push(...found);
      }
      else entries.push({ type: 'file', name: path });
    } catch (e) {
      entries.push({ type: 'error', diagnostic: unreadable(path, e) });
    }
  }
  return entries;
}

function walk(dir: string, walked: Set<string>): InputEntry[] {
  const real = realpathSync(dir);
  if (walked.has(real)) return [];
  walked.add(real);
  // Helm chart files are skipped and counted; a chart gives one finding (see input/helm.ts).
  const { read, diagnostics } = planDirectory(dir, readdirSync(dir).sort());
  const entries: InputEntry[] = diagnostics.map((diagnostic) => ({ type: 'error', diagnostic }));
  for (const name of read) {
    const path = join(dir, name);
    try {
      const stat = statSync(path);
      if (stat.isDirectory()) entries.push(...walk(path, walked));
      else if (stat.isFile() && manifestExtension.test(name)) entries.push({ type: 'file', name: path });
    } catch (e) {
      entries.push({ type: 'error', diagnostic: unreadable(path, e) });
    }
  }
  return entries;
}

/**
 * A file as a source (see sourceOf: YAML is kept as bytes, decoded a document at a time). Regular
 * files and pipes (`<(kubectl get …)`) are read; a device such as /dev/zero would never end.
 */
export function readSource(name: string): { source: InputSource } | { diagnostic: Diagnostic } {
  try {
    const stat = statSync(name);
    if (!stat.isFile() && !stat.isFIFO()) return { diagnostic: { severity: 'error', code: 'input-unreadable', message: `cannot read ${name}: not a regular file` } };
    return { source: sourceOf(name, readFileSync(name)) };
  } catch (e) {
    return { diagnostic: unreadable(name, e) };
  }
}

export function unreadable(path: string, error: unknown): Diagnostic {
  return { severity: 'error', code: 'input-unreadable', message: `cannot read ${path}: ${describeFsError(error)}` };
}
