// `--report`, `--report-file`, `--fail-on`, `--verbose` and `--baseline`, shared by `convert` and
// `report`; and the `report` command itself (same inputs as convert, the report instead of the objects).
import { readFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { ConversionResult } from '../index.js';
import { BaselineError, parseBaseline, type Baseline } from '../reporter/baseline.js';
import { reportFormats, showsFieldPositions, type ReportFormat } from '../reporter/formats/index.js';
import { buildReport, newFindings } from '../reporter/report.js';
import { conversionOptions, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, guardReportFile, paintFor, readInputs, unusableInput, writeFileAtomic, type CliIO, type InputFlags } from './context.js';

export interface ReportFlags {
  report: ReportFormat;
  reportFile?: string;
  failOn: 'error' | 'warning' | 'never';
  verbose?: boolean;
  /** Read and checked while the flags are parsed, before any input. */
  baseline?: Baseline;
}

export function addReportOptions(command: Command, where: string): Command {
  return addVerboseOption(command)
    .addOption(new Option('--report <format>', `report format (${where}): text, json (versioned), markdown (pull-request comment), sarif (2.1.0, code scanning)`).choices(Object.keys(reportFormats)).default('text'))
    .option('--report-file <path>', 'write the report to this file instead')
    .addOption(new Option('--fail-on <level>', 'exit 1 when findings of this level (or worse) exist').choices(['error', 'warning', 'never']).default('error'))
    .option('--baseline <report.json>', 'the --report json of an earlier run: its findings are marked known and do not count for --fail-on', readBaseline);
}

/** Also for `verify`, whose conversion report is text. */
export function addVerboseOption(command: Command): Command {
  return command.option('--verbose', 'text report: every finding, grouped by object, before the overview; infos shown, not only counted');
}

/** A baseline that is missing or not an ing2gw JSON report is a usage error, said in one line. */
function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    throw new InvalidArgumentError(`cannot read ${file}: ${reason}`);
  }
  try {
    return parseBaseline(text, file);
  } catch (e) {
    if (e instanceof BaselineError) throw new InvalidArgumentError(e.message);
    throw e;
  }
}

/** Renders the report where the flags say; returns the exit code --fail-on asks for (new findings only, with a baseline). */
export async function emitReport(result: ConversionResult, flags: ReportFlags & { color: boolean }, io: CliIO, version: string, toStdout: boolean): Promise<number> {
  const report = buildReport(result, version, flags.baseline ? { baseline: flags.baseline } : {});
  const toFile = flags.reportFile !== undefined;
  // Colours only for text on a terminal stream, never into a file.
  const paint = flags.report === 'text' && !toFile && !toStdout ? await paintFor(io, flags.color) : undefined;
  const text = reportFormats[flags.report](report, paint, { verbose: flags.verbose === true });
  if (toFile) writeFileAtomic(flags.reportFile!, text);
  else if (toStdout) io.stdout(text);
  else io.stderr(text);
  const gating = newFindings(report.summary);
  if (flags.failOn === 'never') return EXIT_OK;
  return gating.error > 0 || (flags.failOn === 'warning' && gating.warning > 0) ? EXIT_FINDINGS : EXIT_OK;
}

export async function reportCommand(paths: string[], flags: InputFlags & ReportFlags, io: CliIO, version: string): Promise<number> {
  const input = await readInputs(paths, flags, { ...conversionOptions(flags), positions: showsFieldPositions[flags.report] ? 'all' : 'findings' }, io);
  guardReportFile(flags.reportFile, input.files);
  const result = input.conversion.finish();
  const code = await emitReport(result, flags, io, version, true);
  return unusableInput(input, result, flags) ? EXIT_USAGE : code;
}
