// `ing2gw verify`: the divergences on stdout (text or JSON), the conversion report on stderr.
import { Option, type Command } from 'commander';
import { conversionOptions, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, paintFor, readInputs, unusableInput, type CliIO, type InputFlags } from './context.js';
import { addVerboseOption, emitReport } from './report.js';

export interface VerifyFlags extends InputFlags {
  report: 'text' | 'json';
  to: 'gateway-api' | 'adc';
  verbose?: boolean;
}

export function addVerifyOptions(command: Command): Command {
  return addVerboseOption(command)
    .addOption(new Option('--report <format>', 'divergences as text or json (on stdout)').choices(['text', 'json']).default('text'))
    .addOption(new Option('--to <format>', 'the output to check: gateway-api, or adc (through an APISIX routing model)').choices(['gateway-api', 'adc']).default('gateway-api'));
}

/** Exit codes: 0 no unreported divergence; 1 at least one; 2 usage error or nothing readable. */
export async function verifyCommand(paths: string[], flags: VerifyFlags, io: CliIO, version: string): Promise<number> {
  const input = await readInputs(paths, flags, { ...conversionOptions(flags), to: flags.to }, io);
  const result = input.conversion.finishAndVerify();
  await emitReport(result, { report: 'text', failOn: 'never', color: flags.color, verbose: flags.verbose === true }, io, version, false);
  const { formatVerifyJson, formatVerifyText } = await import('../verify/report.js');
  io.stdout(flags.report === 'json' ? formatVerifyJson(result.verification) : formatVerifyText(result.verification, await paintFor(io, flags.color)));
  if (unusableInput(input, result, flags)) return EXIT_USAGE;
  return result.verification.unreported > 0 ? EXIT_FINDINGS : EXIT_OK;
}
