// ing2gw as a library: inputs in, { objects, diagnostics } out. Pure: no process, console or
// file system; the CLI is a thin layer over these functions.
import { ConversionTrace, convertToGatewayApi, type GatewayApiObject, type GatewayApiOptions } from './converters/gateway-api/index.js';
import type { InputSource } from './input/sources.js';
import { InputReader, type InputStats } from './parsers/index.js';
import { compareDiagnostics, type Diagnostic } from './reporter/diagnostics.js';
import { DiagnosticSink } from './reporter/sink.js';
import { verifyConversion, type VerifyResult } from './verify/index.js';

export type { InputSource } from './input/sources.js';
export type { Diagnostic, ObjectRef, Severity, SourceLocation } from './reporter/diagnostics.js';
export { formatLocation } from './reporter/diagnostics.js';
export { diagnosticCodes, type DiagnosticCode } from './reporter/codes.js';
export type { GatewayApiObject } from './converters/gateway-api/index.js';
export type { InputStats } from './parsers/index.js';
export { serialize, type OutputFormat } from './output/serialize.js';
export { formatTextReport, summarize, type ReportSummary } from './reporter/text.js';
export { formatOutcome, formatProbe, type Divergence, type VerifyResult } from './verify/index.js';

export type Target = 'gateway-api';
export const targets: readonly Target[] = ['gateway-api'];

export interface ConvertOptions extends GatewayApiOptions {
  /** Output format family (`--to`). */
  to?: Target;
  /** Namespace for objects that name none (default `default`). */
  defaultNamespace?: string;
}

export interface ConversionResult {
  objects: GatewayApiObject[];
  /** Sorted by location, then code. */
  diagnostics: Diagnostic[];
  stats: InputStats;
}

/**
 * Incremental form, for streaming callers: add sources one at a time (each document is parsed
 * and dropped as it is read), then `finish()`.
 */
export class Conversion {
  private readonly sink = new DiagnosticSink();
  private readonly reader: InputReader;

  constructor(private readonly options: ConvertOptions = {}) {
    this.reader = new InputReader({ defaultNamespace: options.defaultNamespace ?? 'default' }, this.sink);
  }

  addSource(source: InputSource): void {
    this.reader.addSource(source);
  }

  /** Adds a diagnostic found outside the library (e.g. a file the CLI could not read). */
  addDiagnostic(diagnostic: Diagnostic): void {
    this.sink.items.push(diagnostic);
  }

  finish(): ConversionResult {
    return this.run().result;
  }

  /** Converts, then checks request by request that the output routes as the input did. */
  finishAndVerify(): VerifiedConversion {
    const { result, model, trace } = this.run();
    return { ...result, verification: verifyConversion({ model, objects: result.objects, diagnostics: result.diagnostics, trace }) };
  }

  private run() {
    const model = this.reader.model();
    const trace = new ConversionTrace();
    const objects = convertToGatewayApi(model, this.options, this.sink, trace);
    const result: ConversionResult = { objects, diagnostics: [...this.sink.items].sort(compareDiagnostics), stats: this.reader.stats };
    return { result, model, trace };
  }
}

export interface VerifiedConversion extends ConversionResult {
  verification: VerifyResult;
}

/** Converts, then runs every probe through an Ingress and a Gateway API reference router. */
export function verify(sources: Iterable<InputSource>, options: ConvertOptions = {}): VerifiedConversion {
  const conversion = new Conversion(options);
  for (const source of sources) conversion.addSource(source);
  return conversion.finishAndVerify();
}

/** Converts Ingress manifests to Gateway API objects. */
export function convert(sources: Iterable<InputSource>, options: ConvertOptions = {}): ConversionResult {
  const conversion = new Conversion(options);
  for (const source of sources) conversion.addSource(source);
  return conversion.finish();
}
