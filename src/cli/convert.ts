// `ing2gw convert`: the objects to stdout (or --out-dir, or compared with --check), the report to
// stderr (or --report-file).
import { serializeAdc, serializeAdcChunks, serializeChunks, type OutputFormat } from '../index.js';
import { conversionOptions, EXIT_DRIFT, EXIT_OK, EXIT_USAGE, guardReportFile, readInputs, unusableInput, UsageError, type CliIO, type InputFlags } from './context.js';
import { checkDrift, checkText, layout, writeOutDir, type OutDirResult } from './output-files.js';
import { emitReport, type ReportFlags } from './report.js';
import { showsFieldPositions } from '../reporter/formats/index.js';
import { shownList } from '../reporter/values.js';

export interface ConvertFlags extends InputFlags, ReportFlags {
  to: 'gateway-api' | 'adc';
  adcIds: 'crc32' | 'none';
  adcDiscovery: 'dns' | 'kubernetes';
  output: OutputFormat;
  outDir?: string;
  force?: boolean;
  confirmRemoval?: boolean;
  kustomization: boolean;
  check?: string;
}

export async function convertCommand(paths: string[], flags: ConvertFlags, io: CliIO, version: string): Promise<number> {
  const options = { ...conversionOptions(flags), to: flags.to, adcIds: flags.adcIds, adcDiscovery: flags.adcDiscovery, positions: showsFieldPositions[flags.report] ? 'all' : 'findings' } as const;
  if (flags.to === 'adc' && flags.outDir !== undefined) throw new UsageError('--out-dir writes Gateway API objects; ADC output is one file (redirect stdout, or use --check)');
  if (flags.confirmRemoval && !flags.force) throw new UsageError('--confirm-removal goes with --out-dir DIR --force');
  if (flags.force && flags.outDir === undefined) throw new UsageError('--force goes with --out-dir DIR');
  const input = await readInputs(paths, flags, options, io);
  guardReportFile(flags.reportFile, input.files);
  const result = input.conversion.finish();
  // Input that yields nothing to convert writes nothing: no output, no file, no removal.
  if (unusableInput(input, result, flags)) {
    await emitReport(result, flags, io, version, false);
    return EXIT_USAGE;
  }
  if (flags.check !== undefined) {
    const patches = result.adc ? checkText(flags.check, serializeAdc(result.adc, flags.output)) : checkDrift(flags.check, result.objects, flags.output, flags.kustomization);
    for (const p of patches) io.stdout(p);
    const code = await emitReport(result, flags, io, version, false);
    const files = result.adc ? '' : ` (${patches.length} file${patches.length === 1 ? '' : 's'})`;
    if (patches.length > 0) io.stderr(`check: ${flags.check} differs from the generated output${files}: exit ${EXIT_DRIFT}\n`);
    else io.stderr(`check: ${flags.check} is up to date${code === EXIT_OK ? '' : `, but the input has findings at or above --fail-on ${flags.failOn}: exit ${code}`}\n`);
    return patches.length > 0 ? EXIT_DRIFT : code;
  }
  if (result.adc) writeChunked(serializeAdcChunks(result.adc, flags.output), io.stdout);
  else if (flags.outDir !== undefined) {
    // Input with errors, or that produced nothing, may be missing what the old files hold: keep them.
    const keepStale = result.objects.length === 0 || result.diagnostics.some((d) => d.severity === 'error');
    const written = writeOutDir(flags.outDir, layout(result.objects, flags.output, flags.kustomization), input.files, { force: flags.force === true, confirmRemoval: flags.confirmRemoval === true, keepStale });
    reportOutDir(flags.outDir, written, io);
  } else if (result.objects.length > 0) writeChunked(serializeChunks(result.objects, flags.output), io.stdout);
  return emitReport(result, flags, io, version, false);
}

/** What --out-dir did to files that were there before: removed, kept, or not ing2gw's. */
function reportOutDir(dir: string, r: OutDirResult, io: CliIO): void {
  const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
  if (r.removed.length > 0) io.stderr(`out-dir: removed ${files(r.removed.length)} no longer generated: ${shownList(r.removed)}\n`);
  if (r.kept.length > 0) io.stderr(`out-dir: kept ${files(r.kept.length)} no longer generated, because the input has errors or produced nothing (fix it and run again): ${shownList(r.kept)}\n`);
  if (r.foreign.length > 0) io.stderr(`out-dir: left ${files(r.foreign.length)} in ${dir} that ing2gw has no record of writing (remove them by hand if they are stale): ${shownList(r.foreign)}\n`);
}

/** Writes chunks in batches of about 1 MB: few writes, and never the whole output in memory. */
function writeChunked(chunks: Iterable<string>, write: (text: string) => void): void {
  let batch: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    batch.push(chunk);
    size += chunk.length;
    if (size >= 1 << 20) {
      write(batch.join(''));
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) write(batch.join(''));
}
