// `--report`, `--report-file` and `--fail-on`, shared by `convert` and `report`; and the
// `report` command itself (same inputs as convert, the report instead of the objects).
import { Option, type Command } from 'commander';
import type { ConversionResult } from '../index.js';
import { reportFormats, showsFieldPositions, type ReportFormat } from '../reporter/formats/index.js';
import { buildReport } from '../reporter/report.js';
import { conversionOptions, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, guardReportFile, paintFor, readInputs, unusableInput, writeFileAtomic, type CliIO, type InputFlags } from './context.js';

export interface ReportFlags {
  report: ReportFormat;
  reportFile?: string;
  failOn: 'error' | 'warning' | 'never';
}

export function addReportOptions(command: Command, where: string): Command {
  return command
    .addOption(new Option('--report <format>', `report format (${where}): text, json (versioned), markdown (pull-request comment), sarif (2.1.0, code scanning)`).choices(Object.keys(reportFormats)).default('text'))
    .option('--report-file <path>', 'write the report to this file instead')
    .addOption(new Option('--fail-on <level>', 'exit 1 when findings of this level (or worse) exist').choices(['error', 'warning', 'never']).default('error'));
}

/** Renders the report where the flags say; returns the exit code --fail-on asks for. */
export async function emitReport(result: ConversionResult, flags: ReportFlags & { color: boolean }, io: CliIO, version: string, toStdout: boolean): Promise<number> {
  const report = buildReport(result, version);
  const toFile = flags.reportFile !== undefined;
  // Colours only for text on a terminal stream, never into a file.
  const paint = flags.report === 'text' && !toFile && !toStdout ? await paintFor(io, flags.color) : undefined;
  const text = reportFormats[flags.report](report, paint);
  if (toFile) writeFileAtomic(flags.reportFile!, text);
  else if (toStdout) io.stdout(text);
  else io.stderr(text);
  const { errors, warnings } = report.summary;
  if (flags.failOn === 'never') return EXIT_OK;
  return errors > 0 || (flags.failOn === 'warning' && warnings > 0) ? EXIT_FINDINGS : EXIT_OK;
}

export async function reportCommand(paths: string[], flags: InputFlags & ReportFlags, io: CliIO, version: string): Promise<number> {
  const input = await readInputs(paths, flags, { ...conversionOptions(flags), positions: showsFieldPositions[flags.report] ? 'all' : 'findings' }, io);
  guardReportFile(flags.reportFile, input.files);
  const result = input.conversion.finish();
  const code = await emitReport(result, flags, io, version, true);
  return unusableInput(input, result, flags) ? EXIT_USAGE : code;
}
