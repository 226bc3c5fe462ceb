// What every command shares: the process seams (streams, env), exit codes, flags → options,
// reading inputs, colours and writing reports.
import { mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isNamespaceName, isObjectName } from '../common/names.js';
import { Conversion, describeNonManifest, findTarget, sourceOf, targets, type ConversionResult, type ConvertOptions, type Diagnostic } from '../index.js';
import type { Paint } from '../reporter/formats/index.js';
import { describeFsError } from './fs-errors.js';
import { escapeForTerminal } from '../reporter/formats/terminal.js';
import { expandPaths, readSource, STDIN_NAME } from './read-inputs.js';

/**
 * Exit codes, one meaning each (the README's table): 0 done; 1 findings at or above --fail-on (or,
 * for verify, an unreported divergence); 2 usage error or no usable input (nothing readable, no
 * Ingress, an --ingress-class that matches nothing); 3 drift found by --check; 4 output could not
 * be written (disk full, permissions, a path that is not a directory); 70 an internal error.
 */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
export const EXIT_DRIFT = 3;
export const EXIT_OUTPUT = 4;
export const EXIT_INTERNAL = 70;

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

/** Output that could not be written (a file, a directory): `error: …` with exit code 4. */
export class OutputError extends Error {}

export function usageError(io: CliIO, message: string): number {
  io.stderr(`error: ${escapeForTerminal(message)}\n`);
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
  /** Sources that look like something else than manifests (empty, a kubectl table, error text). */
  suspicious: string[];
}

/** Reads every input into a Conversion, showing progress on a terminal for long inputs. */
export async function readInputs(paths: string[], flags: InputFlags, options: ConvertOptions, io: CliIO): Promise<ReadInputs> {
  const args = [...paths, ...flags.filename];
  if (args.length === 0) {
    if (io.stdinIsTTY) throw new UsageError('no input: give files or directories, or pipe manifests to standard input (e.g. kubectl get ingress,ingressclass,service -A -o yaml | ing2gw convert -)');
    args.push('-');
  }
  const progress = io.stderrIsTTY ? progressReporter(io) : undefined;
  const conversion = new Conversion(progress ? { ...options, onDocument: progress.tick } : options);
  const files: string[] = [];
  const suspicious: string[] = [];
  let readable = 0;
  let stdinRead = false;
  const add = (name: string, content: string | Uint8Array) => {
    const before = conversion.stats.objects;
    conversion.addSource(sourceOf(name, content));
    readable++;
    if (conversion.stats.objects !== before) return;
    const looksLike = describeNonManifest(content);
    if (looksLike) suspicious.push(`${name}: ${looksLike}`);
  };
  for (const entry of expandPaths(args)) {
    if (entry.type === 'error') {
      conversion.addDiagnostic(entry.diagnostic);
    } else if (entry.type === 'stdin') {
      if (stdinRead) continue; // "-" twice reads standard input once
      stdinRead = true;
      let content: string | Uint8Array;
      try {
        content = await io.readStdin();
      } catch (e) {
        conversion.addDiagnostic({ severity: 'error', code: 'input-unreadable', message: `cannot read ${STDIN_NAME}: ${describeFsError(e)}` });
        continue;
      }
      add(STDIN_NAME, content);
    } else {
      const read = readSource(entry.name);
      if ('diagnostic' in read) conversion.addDiagnostic(read.diagnostic);
      else {
        const source = read.source;
        add(source.name, 'bytes' in source ? source.bytes : source.text);
        files.push(entry.name);
      }
    }
  }
  progress?.done();
  const ingresses = (conversion.stats.readKinds['Ingress'] ?? 0) + (conversion.stats.rejectedKinds['Ingress'] ?? 0);
  if (readable > 0 && ingresses === 0) conversion.addDiagnostic(noIngress(conversion, suspicious));
  return { conversion, readable, files, suspicious };
}

/** The `no-ingress` finding: what was read, what it looks like, and the command that reads Ingresses. */
function noIngress(conversion: Conversion, suspicious: readonly string[]): Diagnostic {
  const { sources, documents, readKinds, ignoredKinds, rejectedKinds } = conversion.stats;
  const counts: Record<string, number> = { ...ignoredKinds };
  for (const [kind, n] of [...Object.entries(readKinds), ...Object.entries(rejectedKinds)]) counts[kind] = (counts[kind] ?? 0) + n;
  const kinds = Object.entries(counts)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([kind, n]) => `${n} ${kind}`);
  const read = `read ${documents} document${documents === 1 ? '' : 's'} from ${sources} source${sources === 1 ? '' : 's'}${kinds.length > 0 ? ` (${kinds.join(', ')})` : ', none of them a readable Kubernetes object'}`;
  const why = suspicious.length > 0 ? `; ${suspicious.join('; ')}` : '';
  return {
    severity: 'error',
    code: 'no-ingress',
    message: `no Ingress in the input, nothing to convert: ${read}${why}`,
    hint: 'give the Ingresses with their Services and IngressClasses: kubectl get ingress,ingressclass,service -A -o yaml | ing2gw convert -',
  };
}

/**
 * A --report-file is never an input file (it would be overwritten with the report) nor a directory;
 * checked before anything is written.
 */
export function guardReportFile(reportFile: string | undefined, inputs: readonly string[]): void {
  if (reportFile === undefined) return;
  const target = realOrResolved(reportFile);
  if (inputs.some((input) => realOrResolved(input) === target)) throw new UsageError(`--report-file ${reportFile} is an input file; refusing to overwrite it with the report`);
  if (isDirectory(reportFile)) throw new UsageError(`--report-file ${reportFile} is a directory; name a file`);
}

/** The real path (links resolved) of what exists, else the path made absolute. */
export function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Input that must not produce output (exit 2, nothing written): nothing readable, no Ingress, or
 * an --ingress-class filter none of whose classes is in the input.
 */
export function unusableInput(input: ReadInputs, result: ConversionResult, flags: InputFlags): boolean {
  if (input.readable === 0) return true;
  const codes = new Set<string>();
  let unmatched = 0;
  for (const d of result.diagnostics) {
    codes.add(d.code);
    if (d.code === 'ingress-class-not-found') unmatched++;
  }
  if (codes.has('no-ingress')) return true;
  return flags.ingressClass.length > 0 && unmatched === new Set(flags.ingressClass).size;
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

/**
 * Write via a temporary file and rename, so that a reader never sees half a file; the parent
 * directory is created as `mkdir -p` would. A failure is an OutputError naming the path (no
 * temporary file is left behind).
 */
export function writeFileAtomic(path: string, text: string): void {
  const parent = dirname(path);
  const temporary = join(parent, `.${basename(path)}.${process.pid}.tmp`);
  try {
    mkdirSync(parent, { recursive: true });
    if (isDirectory(path)) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (e) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // the temporary file could not even be made
    }
    throw new OutputError(`cannot write ${path}: ${describeFsError(e)}`);
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
