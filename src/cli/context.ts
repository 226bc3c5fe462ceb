// What every command shares: the process seams (streams, env), exit codes, flags → options,
// reading inputs, colours and writing reports.
import { renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isNamespaceName, isObjectName } from '../common/names.js';
import { Conversion, findTarget, sourceOf, targets, type ConvertOptions } from '../index.js';
import type { Paint } from '../reporter/formats/index.js';
import { expandPaths, readSource, STDIN_NAME } from './read-inputs.js';

/** 0: done; 1: findings at or above --fail-on (or unreported divergences, or drift); 2: usage error or nothing readable. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard input, whole: as bytes (UTF-8), or as text. */
  readStdin: () => Promise<string | Uint8Array>;
  stdinIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
}

/** Flags every command that reads manifests shares. */
export interface InputFlags {
  filename: string[];
  ingressClass: string[];
  gatewayClass?: string;
  gateway?: string;
  createGateway?: boolean;
  namespace: string;
  target?: string;
  color: boolean;
}

/** A usage problem, reported by the command as `error: …` with exit code 2. */
export class UsageError extends Error {}

export function usageError(io: CliIO, message: string): number {
  io.stderr(`error: ${message}\n`);
  return EXIT_USAGE;
}

/** Flags → library options. */
export function conversionOptions(flags: InputFlags): ConvertOptions {
  const options: ConvertOptions = {
    defaultNamespace: flags.namespace,
    ingressClasses: flags.ingressClass,
    gatewayClass: flags.gatewayClass,
    createSharedGateway: flags.createGateway === true,
  };
  if (flags.gateway !== undefined) {
    const [namespace, name, ...rest] = flags.gateway.split('/');
    if (!namespace || !name || rest.length > 0 || !isNamespaceName(namespace) || !isObjectName(name)) {
      throw new UsageError(`--gateway must be NAMESPACE/NAME (a DNS-1123 label and a DNS-1123 name), got "${flags.gateway}"`);
    }
    options.sharedGateway = { namespace, name };
  } else if (flags.createGateway) {
    throw new UsageError('--create-gateway needs --gateway NAMESPACE/NAME');
  }
  if (!isNamespaceName(flags.namespace)) throw new UsageError(`--namespace must be a DNS-1123 label, got "${flags.namespace}"`);
  if (flags.gatewayClass !== undefined && !isObjectName(flags.gatewayClass)) throw new UsageError(`--gateway-class must be a DNS-1123 name, got "${flags.gatewayClass}"`);
  if (flags.target !== undefined) {
    const target = findTarget(flags.target);
    if (!target) throw new UsageError(`unknown --target "${flags.target}"; known: ${targets.map((t) => t.id).join(', ')} (and generic)`);
    options.target = target.id;
  }
  return options;
}

export interface ReadInputs {
  conversion: Conversion;
  readable: number;
  /** Resolved paths of the files read, so that no output is ever written over one. */
  files: string[];
}

/** Reads every input into a Conversion, showing progress on a terminal for long inputs. */
export async function readInputs(paths: string[], flags: InputFlags, options: ConvertOptions, io: CliIO): Promise<ReadInputs> {
  const args = [...paths, ...flags.filename];
  if (args.length === 0) {
    if (io.stdinIsTTY) throw new UsageError('no input: give files or directories, or pipe manifests to standard input (e.g. kubectl get ingress -A -o yaml | ing2gw convert -)');
    args.push('-');
  }
  const progress = io.stderrIsTTY ? progressReporter(io) : undefined;
  const conversion = new Conversion(progress ? { ...options, onDocument: progress.tick } : options);
  const files: string[] = [];
  let readable = 0;
  let stdinRead = false;
  for (const entry of expandPaths(args)) {
    if (entry.type === 'error') {
      conversion.addDiagnostic(entry.diagnostic);
    } else if (entry.type === 'stdin') {
      if (stdinRead) continue; // "-" twice reads standard input once
      stdinRead = true;
      conversion.addSource(sourceOf(STDIN_NAME, await io.readStdin()));
      readable++;
    } else {
      const read = readSource(entry.name);
      if ('diagnostic' in read) conversion.addDiagnostic(read.diagnostic);
      else {
        conversion.addSource(read.source);
        files.push(entry.name);
        readable++;
      }
    }
  }
  progress?.done();
  return { conversion, readable, files };
}

/** "read 1200 documents" on one rewritten stderr line, only past a few hundred documents. */
function progressReporter(io: CliIO) {
  let documents = 0;
  let shown = false;
  return {
    tick: () => {
      documents++;
      if (documents >= 500 && documents % 250 === 0) {
        io.stderr(`\rreading: ${documents} documents`);
        shown = true;
      }
    },
    done: () => {
      if (shown) io.stderr(`\rread ${documents} documents\n`);
    },
  };
}

/** Colours only on a terminal, never with NO_COLOR or --no-color; chalk is loaded only then. */
export async function paintFor(io: CliIO, enabled: boolean): Promise<Paint | undefined> {
  if (!enabled || !io.stderrIsTTY || (io.env['NO_COLOR'] ?? '') !== '') return undefined;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return { error: chalk.red.bold, warning: chalk.yellow, info: chalk.cyan, dim: chalk.dim };
}

/** Write via a temporary file and rename, so that a reader never sees half a file. */
export function writeFileAtomic(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}
