// ing2gw as a library: inputs in, { objects, diagnostics } out. Pure: no process, console or
// file system; the CLI is a thin layer over these functions.
import { convertToGatewayApi, type GatewayApiObject, type GatewayApiOptions } from './converters/gateway-api/index.js';
import type { InputSource } from './input/sources.js';
import { InputReader, type InputStats } from './parsers/index.js';
import { compareDiagnostics, type Diagnostic } from './reporter/diagnostics.js';
import { DiagnosticSink } from './reporter/sink.js';

export type { InputSource } from './input/sources.js';
export type { Diagnostic, ObjectRef, Severity, SourceLocation } from './reporter/diagnostics.js';
export { formatLocation } from './reporter/diagnostics.js';
export { diagnosticCodes, type DiagnosticCode } from './reporter/codes.js';
export type { GatewayApiObject } from './converters/gateway-api/index.js';
export type { InputStats } from './parsers/index.js';
export { serialize, type OutputFormat } from './output/serialize.js';
export { formatTextReport, summarize, type ReportSummary } from './reporter/text.js';

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
    const objects = convertToGatewayApi(this.reader.model(), this.options, this.sink);
    return { objects, diagnostics: [...this.sink.items].sort(compareDiagnostics), stats: this.reader.stats };
  }
}

/** Converts Ingress manifests to Gateway API objects. */
export function convert(sources: Iterable<InputSource>, options: ConvertOptions = {}): ConversionResult {
  const conversion = new Conversion(options);
  for (const source of sources) conversion.addSource(source);
  return conversion.finish();
}
