// verify's own output: every divergence (request, what the Ingress did, what the output does, and
// which reported finding announces it), then a summary; or the same as versioned JSON.
import { formatLocation } from '../reporter/diagnostics.js';
import { plainPaint as plain, type Paint } from '../reporter/formats/text.js';
import { forTerminal } from '../reporter/formats/terminal.js';
import type { Divergence, VerifyResult } from './index.js';
import { formatOutcome, formatProbe, type TracedOutcome } from './model.js';

export const VERIFY_JSON_VERSION = 1;

function sideLine(label: string, side: TracedOutcome, paint: Paint): string {
  const from = side.trace[0] ? paint.dim(`  (from ${formatLocation(side.trace[0])})`) : '';
  return `  ${label} ${formatOutcome(side.outcome)}${from}`;
}

function formatDivergence(d: Divergence, paint: Paint): string {
  const head =
    d.explainedBy.length > 0
      ? `${paint.warning('expected divergence')} [${[...new Set(d.explainedBy.map((e) => e.code))].join(', ')}]`
      : paint.error('unreported divergence');
  return [`${head} ${formatProbe(d.probe)} (${d.scope})`, sideLine('ingress:', d.ingress, paint), sideLine('output: ', d.output, paint)].join('\n');
}

export function formatVerifyText(result: VerifyResult, paint: Paint = plain): string {
  // Hosts and paths come from the input: escaped once, for every line (see forTerminal).
  return forTerminal((p) => renderVerifyText(result, p), paint === plain ? undefined : paint);
}

function renderVerifyText(result: VerifyResult, paint: Paint): string {
  // Unreported first: they are what needs attention.
  const ordered = [...result.divergences.filter((d) => d.explainedBy.length === 0), ...result.divergences.filter((d) => d.explainedBy.length > 0)];
  const lines = ordered.map((d) => formatDivergence(d, paint));
  if (result.assumedGateways.length > 0) {
    lines.push(paint.dim(`note: Gateway ${result.assumedGateways.join(', ')} is not in the output; assumed to accept every route and host`));
  }
  lines.push(
    `verify: ${result.probes} requests over ${result.scopes} Gateway scope${result.scopes === 1 ? '' : 's'}; ${result.divergences.length} divergence${result.divergences.length === 1 ? '' : 's'} (${result.expected} expected, ${result.unreported} unreported)`,
  );
  return `${lines.join('\n')}\n`;
}

/** Versioned, stable JSON: `version` changes when a field changes meaning. */
export function formatVerifyJson(result: VerifyResult): string {
  return `${JSON.stringify(
    {
      version: VERIFY_JSON_VERSION,
      summary: { scopes: result.scopes, probes: result.probes, divergences: result.divergences.length, expected: result.expected, unreported: result.unreported },
      assumedGateways: result.assumedGateways,
      divergences: result.divergences.map((d) => ({
        status: d.explainedBy.length > 0 ? 'expected' : 'unreported',
        scope: d.scope,
        request: d.probe,
        ingress: d.ingress,
        output: d.output,
        explainedBy: d.explainedBy,
      })),
    },
    null,
    2,
  )}\n`;
}
