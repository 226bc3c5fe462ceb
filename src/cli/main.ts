// Command-line wiring only: commands and flags, each command in its own module.
import { readFileSync } from 'node:fs';
import { describeFsError } from './fs-errors.js';
import { escapeForTerminal } from '../reporter/formats/terminal.js';
import { Command, CommanderError, Option } from 'commander';
import { findTarget, formatMatrix, outputTargets, targets, type MatrixFormat } from '../index.js';
import { EXIT_INTERNAL, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, OutputError, UsageError, usageError, type CliIO, type InputFlags } from './context.js';
import { convertCommand, type ConvertFlags } from './convert.js';
import { addReportOptions, reportCommand, type ReportFlags } from './report.js';
import { addVerifyOptions, verifyCommand, type VerifyFlags } from './verify.js';

export { EXIT_DRIFT, EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, type CliIO } from './context.js';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The launcher passes the version; in-process callers (tests) read it from the package. */
let knownVersion: string | undefined;
function version(): string {
  knownVersion ??= (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return knownVersion;
}

const targetHelp = `support matrix to judge against: ${targets.map((t) => t.id).join(', ')} (default gateway-api@1.6; "generic" = gateway-api@1.6)`;

function addInputOptions(command: Command): Command {
  return command
    .argument('[paths...]', 'files or directories (recursive: *.yaml, *.yml, *.json); "-" or nothing reads standard input')
    .option('-f, --filename <path>', 'a file or directory to read (repeatable, like kubectl)', collect, [])
    .option('--ingress-class <name>', 'convert only Ingresses of this class (repeatable; default: all)', collect, [])
    .option('--gateway-class <name>', 'gatewayClassName of the generated Gateways (default: the ingress class)')
    .option('--gateway <namespace/name>', 'attach every route to this existing shared Gateway instead of generating one per namespace and class')
    .option('--create-gateway', 'with --gateway: also generate the shared Gateway (routes allowed from all namespaces) and ReferenceGrants for its certificates')
    .option('-n, --namespace <namespace>', 'namespace of objects that do not name one', 'default')
    .option('--target <target>', targetHelp)
    .option('--no-color', 'never colour the report');
}

export function buildProgram(io: CliIO, run: (command: () => Promise<number>) => Promise<void>): Command {
  const program = new Command('ing2gw')
    .description('Convert Kubernetes Ingress manifests into Gateway API resources, with a report of everything that could not be converted.')
    .version(version(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  addReportOptions(addInputOptions(program.command('convert').description('convert Ingress manifests (files, directories, or "-" for standard input) and print Gateway API YAML')), 'on stderr')
    .addOption(new Option('--to <format>', 'output format').choices([...outputTargets]).default('gateway-api'))
    .addOption(new Option('-o, --output <format>', 'yaml (documents) or json (one List)').choices(['yaml', 'json']).default('yaml'))
    .addOption(new Option('--adc-ids <ids>', 'with --to adc: crc32 (the ids APISIX Ingress Controller computes, so adc sync updates its objects) or none (ADC derives them)').choices(['crc32', 'none']).default('crc32'))
    .addOption(new Option('--adc-discovery <mode>', 'with --to adc: dns (one node per Service DNS name) or kubernetes (discovery_type: kubernetes)').choices(['dns', 'kubernetes']).default('dns'))
    .option('--out-dir <dir>', 'write one file per object (<namespace>/<kind>-<name>.yaml) instead of stdout; refuses a non-empty directory without --force')
    .option('--force', 'with --out-dir: write into a non-empty directory, removing the files ing2gw wrote there before that are no longer generated (never when the input has errors)')
    .option('--confirm-removal', 'with --out-dir --force: remove files even when that is more than a quarter of what ing2gw wrote there before')
    .option('--no-kustomization', 'with --out-dir: do not write kustomization.yaml listing the generated files')
    .option('--check <path>', 'compare the output with this file or --out-dir directory; print a diff and exit 3 on drift')
    .action((paths: string[], flags: ConvertFlags) => run(() => convertCommand(paths, flags, io, version())));

  addReportOptions(addInputOptions(program.command('report').description('report what would be converted, per annotation and field, without the converted output')), 'on stdout').action(
    (paths: string[], flags: InputFlags & ReportFlags) => run(() => reportCommand(paths, flags, io, version())),
  );

  addVerifyOptions(
    addInputOptions(program.command('verify').description('convert, then check request by request that the output routes as the Ingresses did; exit 1 on a divergence the report does not announce')),
  ).action((paths: string[], flags: VerifyFlags) => run(() => verifyCommand(paths, flags, io, version())));

  program
    .command('matrix')
    .description('print the support matrix of a target (default: every target)')
    .option('--target <target>', targetHelp)
    .addOption(new Option('-o, --output <format>', 'text, json or markdown').choices(['text', 'json', 'markdown']).default('text'))
    .action((flags: { target?: string; output: MatrixFormat }) =>
      run(async () => {
        const selected = flags.target === undefined ? targets : [findTarget(flags.target)].filter((t) => t !== undefined);
        if (selected.length === 0) throw new UsageError(`unknown --target "${flags.target}"; known: ${targets.map((t) => t.id).join(', ')}`);
        io.stdout(formatMatrix(selected, flags.output));
        return EXIT_OK;
      }),
    );
  return program;
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode: number | undefined;
  const program = buildProgram(io, async (command) => {
    try {
      exitCode = await command();
    } catch (e) {
      if (e instanceof UsageError) exitCode = usageError(io, e.message);
      else if (e instanceof OutputError) {
        io.stderr(`error: ${escapeForTerminal(e.message)}\n`);
        exitCode = EXIT_OUTPUT;
      } else exitCode = internalError(io, e);
    }
  });
  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    throw e;
  }
  if (exitCode === undefined) {
    io.stderr(program.helpInformation());
    return EXIT_USAGE;
  }
  return exitCode;
}

/** A bug: one line and how to report it, never a stack trace unless asked for. */
function internalError(io: CliIO, error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`error: internal error in ing2gw: ${message}\n  This is a bug: please report it with the input that caused it.${io.env['ING2GW_DEBUG'] ? '' : ' (ING2GW_DEBUG=1 shows the stack trace)'}\n`);
  if (io.env['ING2GW_DEBUG'] && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return EXIT_INTERNAL;
}

function readAll(stream: NodeJS.ReadStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/**
 * What a failed write to stdout or stderr does. A closed pipe (`ing2gw convert … | head`) stops
 * the run quietly with the status a process killed by SIGPIPE has (128 + 13), as `cat` would; any
 * other error (a full disk, /dev/full) is said on stderr, exit 4.
 */
function onStreamError(name: string): (error: NodeJS.ErrnoException) => void {
  return (error) => {
    if (error.code === 'EPIPE') process.exit(128 + 13);
    try {
      if (name !== 'stderr') process.stderr.write(`error: cannot write ${name}: ${describeFsError(error)}\n`);
    } finally {
      process.exit(EXIT_OUTPUT);
    }
  };
}

/** Entry point of bin/ing2gw.js. */
export function main(argv: readonly string[], packageVersion?: string): Promise<number> {
  if (packageVersion) knownVersion = packageVersion;
  process.stdout.on('error', onStreamError('standard output'));
  process.stderr.on('error', onStreamError('stderr'));
  return runCli(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => readAll(process.stdin),
    stdinIsTTY: process.stdin.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
  });
}
