// `ing2gw convert`: the objects to stdout (or --out-dir, or compared with --check), the report to
// stderr (or --report-file).
import { serializeAdc, serializeAdcChunks, serializeChunks, type OutputFormat } from '../index.js';
import { conversionOptions, EXIT_FINDINGS, EXIT_USAGE, readInputs, UsageError, type CliIO, type InputFlags } from './context.js';
import { checkDrift, checkText, layout, writeOutDir } from './output-files.js';
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
  check?: string;
}

export async function convertCommand(paths: string[], flags: ConvertFlags, io: CliIO, version: string): Promise<number> {
  const options = { ...conversionOptions(flags), to: flags.to, adcIds: flags.adcIds, adcDiscovery: flags.adcDiscovery, positions: showsFieldPositions[flags.report] ? 'all' : 'findings' } as const;
  if (flags.to === 'adc' && flags.outDir !== undefined) throw new UsageError('--out-dir writes Gateway API objects; ADC output is one file (redirect stdout, or use --check)');
  const input = await readInputs(paths, flags, options, io);
  const result = input.conversion.finish();
  if (result.adc) {
    if (flags.check !== undefined) {
      const patches = checkText(flags.check, serializeAdc(result.adc, flags.output));
      for (const p of patches) io.stdout(p);
      const code = await emitReport(result, flags, io, version, false);
      io.stderr(patches.length > 0 ? `check: ${flags.check} differs from the generated output\n` : `check: ${flags.check} is up to date\n`);
      return input.readable === 0 ? EXIT_USAGE : patches.length > 0 ? EXIT_FINDINGS : code;
    }
    writeChunked(serializeAdcChunks(result.adc, flags.output), io.stdout);
    const code = await emitReport(result, flags, io, version, false);
    return input.readable === 0 ? EXIT_USAGE : code;
  }
  if (flags.check !== undefined) {
    const patches = checkDrift(flags.check, result.objects, flags.output);
    for (const p of patches) io.stdout(p);
    const code = await emitReport(result, flags, io, version, false);
    if (input.readable === 0) return EXIT_USAGE;
    io.stderr(patches.length > 0 ? `check: ${flags.check} differs from the generated output (${patches.length} file${patches.length === 1 ? '' : 's'})\n` : `check: ${flags.check} is up to date\n`);
    return patches.length > 0 ? EXIT_FINDINGS : code;
  }
  if (flags.outDir !== undefined) {
    const removed = writeOutDir(flags.outDir, layout(result.objects, flags.output), input.files, flags.force === true);
    if (removed.length > 0) io.stderr(`out-dir: removed ${removed.length} file${removed.length === 1 ? '' : 's'} no longer generated: ${shownList(removed)}\n`);
  } else if (result.objects.length > 0) writeChunked(serializeChunks(result.objects, flags.output), io.stdout);
  const code = await emitReport(result, flags, io, version, false);
  return input.readable === 0 ? EXIT_USAGE : code;
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
