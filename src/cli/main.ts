// Command-line wiring only: flags → library options, files/stdin → sources, result → stdout
// (objects) and stderr (report), findings → exit code.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { isNamespaceName, isObjectName } from '../common/names.js';
import { Conversion, formatTextReport, serialize, summarize, targets, type ConvertOptions, type OutputFormat } from '../index.js';
import type { Paint } from '../reporter/text.js';
import { expandPaths, readFile, STDIN_NAME } from './read-inputs.js';

/** Exit codes: 0 converted; 1 some input had errors (the rest was still converted); 2 usage error or nothing readable. */
export const EXIT_OK = 0;
export const EXIT_INPUT_ERRORS = 1;
export const EXIT_USAGE = 2;

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  stdinIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
}

/** Flags every command that reads manifests shares. */
interface InputFlags {
  filename: string[];
  ingressClass: string[];
  gatewayClass?: string;
  gateway?: string;
  createGateway?: boolean;
  namespace: string;
  color: boolean;
}

interface ConvertFlags extends InputFlags {
  to: 'gateway-api';
  output: OutputFormat;
}

interface VerifyFlags extends InputFlags {
  report: 'text' | 'json';
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function addInputOptions(command: Command): Command {
  return command
    .argument('[paths...]', 'files or directories (recursive: *.yaml, *.yml, *.json); "-" or nothing reads standard input')
    .option('-f, --filename <path>', 'a file or directory to read (repeatable, like kubectl)', collect, [])
    .option('--ingress-class <name>', 'convert only Ingresses of this class (repeatable; default: all)', collect, [])
    .option('--gateway-class <name>', 'gatewayClassName of the generated Gateways (default: the ingress class)')
    .option('--gateway <namespace/name>', 'attach every route to this existing shared Gateway instead of generating one per namespace and class')
    .option('--create-gateway', 'with --gateway: also generate the shared Gateway (routes allowed from all namespaces) and ReferenceGrants for its certificates')
    .option('-n, --namespace <namespace>', 'namespace of objects that do not name one', 'default')
    .option('--no-color', 'never colour the report');
}

export function buildProgram(io: CliIO): Command {
  const program = new Command('ing2gw')
    .description('Convert Kubernetes Ingress manifests into Gateway API resources, with a report of everything that could not be converted.')
    .version(version(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const finish = (code: number): void => {
    program.setOptionValue('exitCode', code);
  };

  addInputOptions(program.command('convert').description('convert Ingress manifests (files, directories, or "-" for standard input) and print Gateway API YAML'))
    .addOption(new Option('--to <target>', 'output format').choices([...targets]).default('gateway-api'))
    .addOption(new Option('-o, --output <format>', 'yaml (documents) or json (one List)').choices(['yaml', 'json']).default('yaml'))
    .action(async (paths: string[], flags: ConvertFlags) => finish(await convertCommand(paths, flags, io)));

  addInputOptions(
    program
      .command('verify')
      .description('convert, then check request by request that the output routes as the Ingresses did; exit 1 on a divergence the report does not announce'),
  )
    .addOption(new Option('--report <format>', 'text or json (on stdout)').choices(['text', 'json']).default('text'))
    .action(async (paths: string[], flags: VerifyFlags) => finish(await verifyCommand(paths, flags, io)));
  return program;
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    throw e;
  }
  const code = program.getOptionValue('exitCode') as number | undefined;
  if (code === undefined) {
    io.stderr(program.helpInformation());
    return EXIT_USAGE;
  }
  return code;
}

function usageError(io: CliIO, message: string): number {
  io.stderr(`error: ${message}\n`);
  return EXIT_USAGE;
}

/** Flags → library options; a string is a usage error. */
function conversionOptions(flags: InputFlags): ConvertOptions | string {
  const options: ConvertOptions = {
    defaultNamespace: flags.namespace,
    ingressClasses: flags.ingressClass,
    gatewayClass: flags.gatewayClass,
    createSharedGateway: flags.createGateway === true,
  };
  if (flags.gateway !== undefined) {
    const [namespace, name, ...rest] = flags.gateway.split('/');
    if (!namespace || !name || rest.length > 0 || !isNamespaceName(namespace) || !isObjectName(name)) {
      return `--gateway must be NAMESPACE/NAME (a DNS-1123 label and a DNS-1123 name), got "${flags.gateway}"`;
    }
    options.sharedGateway = { namespace, name };
  } else if (flags.createGateway) {
    return '--create-gateway needs --gateway NAMESPACE/NAME';
  }
  if (!isNamespaceName(flags.namespace)) return `--namespace must be a DNS-1123 label, got "${flags.namespace}"`;
  if (flags.gatewayClass !== undefined && !isObjectName(flags.gatewayClass)) return `--gateway-class must be a DNS-1123 name, got "${flags.gatewayClass}"`;
  return options;
}

/** Reads every input into a Conversion; `readable` counts the sources that could be read. */
async function readInputs(paths: string[], flags: InputFlags, options: ConvertOptions, io: CliIO): Promise<{ conversion: Conversion; readable: number } | string> {
  const args = [...paths, ...flags.filename];
  if (args.length === 0) {
    if (io.stdinIsTTY) return 'no input: give files or directories, or pipe manifests to standard input (e.g. kubectl get ingress -A -o yaml | ing2gw convert -)';
    args.push('-');
  }
  const conversion = new Conversion(options);
  let readable = 0;
  let stdinRead = false;
  for (const entry of expandPaths(args)) {
    if (entry.type === 'error') {
      conversion.addDiagnostic(entry.diagnostic);
    } else if (entry.type === 'stdin') {
      if (stdinRead) continue; // "-" twice reads standard input once
      stdinRead = true;
      conversion.addSource({ name: STDIN_NAME, text: await io.readStdin() });
      readable++;
    } else {
      const read = readFile(entry.name);
      if ('diagnostic' in read) conversion.addDiagnostic(read.diagnostic);
      else {
        conversion.addSource({ name: entry.name, text: read.text });
        readable++;
      }
    }
  }
  return { conversion, readable };
}

async function convertCommand(paths: string[], flags: ConvertFlags, io: CliIO): Promise<number> {
  const options = conversionOptions(flags);
  if (typeof options === 'string') return usageError(io, options);
  options.to = flags.to;
  const input = await readInputs(paths, flags, options, io);
  if (typeof input === 'string') return usageError(io, input);

  const result = input.conversion.finish();
  const summary = summarize(result);
  if (result.objects.length > 0) io.stdout(serialize(result.objects, flags.output));
  io.stderr(formatTextReport(result.diagnostics, summary, await paintFor(io, flags.color)));
  if (input.readable === 0) return EXIT_USAGE;
  return summary.errors > 0 ? EXIT_INPUT_ERRORS : EXIT_OK;
}

/** Exit codes of verify: 0 no unreported divergence; 1 at least one; 2 usage error or nothing readable. */
async function verifyCommand(paths: string[], flags: VerifyFlags, io: CliIO): Promise<number> {
  const options = conversionOptions(flags);
  if (typeof options === 'string') return usageError(io, options);
  const input = await readInputs(paths, flags, options, io);
  if (typeof input === 'string') return usageError(io, input);

  const result = input.conversion.finishAndVerify();
  const paint = await paintFor(io, flags.color);
  io.stderr(formatTextReport(result.diagnostics, summarize(result), paint));
  const { formatVerifyJson, formatVerifyText } = await import('../verify/report.js');
  io.stdout(flags.report === 'json' ? formatVerifyJson(result.verification) : formatVerifyText(result.verification, paint));
  if (input.readable === 0) return EXIT_USAGE;
  return result.verification.unreported > 0 ? EXIT_INPUT_ERRORS : EXIT_OK;
}

/** Colours only on a terminal, never with NO_COLOR or --no-color; chalk is loaded only then. */
async function paintFor(io: CliIO, enabled: boolean): Promise<Paint | undefined> {
  if (!enabled || !io.stderrIsTTY || (io.env['NO_COLOR'] ?? '') !== '') return undefined;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return { error: chalk.red.bold, warning: chalk.yellow, info: chalk.cyan, dim: chalk.dim };
}

function readAll(stream: NodeJS.ReadStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}

/** Entry point of bin/ing2gw.js. */
export function main(argv: readonly string[]): Promise<number> {
  return runCli(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => readAll(process.stdin),
    stdinIsTTY: process.stdin.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
  });
}
