// ing2gw as a library: inputs in, { objects, diagnostics } out. Pure: no process, console or
// file system; the CLI is a thin layer over these functions.
import { ConversionTrace, convertToGatewayApi, type GatewayApiObject, type GatewayApiOptions } from './converters/gateway-api/index.js';
import type { InputSource } from './input/sources.js';
import { InputReader, type InputStats } from './parsers/index.js';
import type { InputModel } from './ir/model.js';
import { compareDiagnostics, type Diagnostic } from './reporter/diagnostics.js';
import { DiagnosticSink } from './reporter/sink.js';
import { verifyAdc, verifyConversion, type VerifyResult } from './verify/index.js';
import { classifyIngresses, defaultIngressClass } from './converters/shared/classes.js';
import { convertToAdc } from './converters/adc/index.js';
import type { AdcConfiguration } from './converters/adc/types.js';
import { DEFAULT_TARGET, findTarget, targets } from './matrix/targets.js';
import { buildAccounting, type ObjectAccounting } from './reporter/accounting.js';
import { applyTargetToAnnotations, checkOutputAgainstTarget } from './reporter/target-check.js';

export { sourceOf, type InputSource } from './input/sources.js';
export { describeNonManifest } from './input/sniff.js';
export type { Diagnostic, ObjectRef, Severity, SourceLocation } from './reporter/diagnostics.js';
export { formatLocation } from './reporter/diagnostics.js';
export { diagnosticCodes, type DiagnosticCode } from './reporter/codes.js';
export type { GatewayApiObject } from './converters/gateway-api/index.js';
export type { AdcConfiguration } from './converters/adc/types.js';
export type { InputStats } from './parsers/index.js';
export { serialize, serializeAdc, serializeAdcChunks, serializeChunks, type OutputFormat } from './output/serialize.js';
export { reportFormats, type ReportFormat } from './reporter/formats/index.js';
export { buildReport, summarize, type Report, type ReportSummary } from './reporter/report.js';
export { BaselineError, parseBaseline, type Baseline } from './reporter/baseline.js';
export { formatMatrix, type MatrixFormat } from './matrix/format.js';
export { formatOutcome, formatProbe, type Divergence, type VerifyResult } from './verify/index.js';
export { DEFAULT_TARGET, findTarget, targets, type MatrixRow, type Target } from './matrix/targets.js';
export type { AccountEntry, ObjectAccounting } from './reporter/accounting.js';

export type OutputTarget = 'gateway-api' | 'adc';
export const outputTargets: readonly OutputTarget[] = ['gateway-api', 'adc'];

export interface ConvertOptions extends GatewayApiOptions {
  /** ADC output (`--to adc`): AIC's CRC32 ids or none, DNS nodes or Kubernetes discovery. */
  adcIds?: 'crc32' | 'none';
  adcDiscovery?: 'dns' | 'kubernetes';
  /** Output format family (`--to`). */
  to?: OutputTarget;
  /** Support matrix the report judges against (`--target`; default `gateway-api@1.6`). */
  target?: string;
  /** Namespace for objects that name none (default `default`). */
  defaultNamespace?: string;
  /** Called after each document is read (for progress displays). */
  onDocument?: () => void;
  /**
   * `all` (default): every location, in findings and in `accounting`, has its line and column.
   * `findings`: only the findings' locations are sure to; the others may name file, document and
   * path only. Looking up every spec field's position is most of the cost of reading a large input.
   */
  positions?: 'all' | 'findings';
}

export interface ConversionResult {
  objects: GatewayApiObject[];
  /** Sorted by location, then code. */
  diagnostics: Diagnostic[];
  stats: InputStats;
  /** The support matrix the report was judged against. */
  target: string;
  /** Every annotation and spec field of every Ingress, with what became of it. */
  accounting: ObjectAccounting[];
  /** With `to: 'adc'`: the ADC declarative configuration (objects is then empty). */
  adc?: AdcConfiguration;
}

/**
 * Incremental form, for streaming callers: add sources one at a time (each document is parsed
 * and dropped as it is read), then `finish()`.
 */
export class Conversion {
  private readonly sink = new DiagnosticSink();
  private readonly reader: InputReader;
  private finished = false;

  constructor(private readonly options: ConvertOptions = {}) {
    this.reader = new InputReader(
      {
        defaultNamespace: options.defaultNamespace ?? 'default',
        ...(options.onDocument ? { onDocument: options.onDocument } : {}),
        ...(options.positions ? { positions: options.positions } : {}),
      },
      this.sink,
    );
  }

  addSource(source: InputSource): void {
    this.reader.addSource(source);
  }

  /** What has been read so far (documents, objects by kind). */
  get stats(): InputStats {
    return this.reader.stats;
  }

  /** Adds a diagnostic found outside the library (e.g. a file the CLI could not read). */
  addDiagnostic(diagnostic: Diagnostic): void {
    this.sink.items.push(diagnostic);
  }

  /** Converts what was added. A Conversion finishes once: it lets go of its input model as it goes. */
  finish(): ConversionResult {
    return this.run(false).result;
  }

  /** Converts, then checks request by request that the output routes as the input did. */
  finishAndVerify(): VerifiedConversion {
    const { result, model, trace } = this.run(true);
    if (result.adc) {
      const ingresses = classifyIngresses(model.ingresses, defaultIngressClass(model.ingressClasses, new DiagnosticSink()), this.options.ingressClasses, new DiagnosticSink()).map((c) => c.ingress);
      return { ...result, verification: verifyAdc({ model, ingresses, adc: result.adc, diagnostics: result.diagnostics }) };
    }
    return { ...result, verification: verifyConversion({ model, objects: result.objects, diagnostics: result.diagnostics, trace }) };
  }

  private run<Keep extends boolean>(keepModel: Keep): { result: ConversionResult; model: Keep extends true ? InputModel : undefined; trace: ConversionTrace } {
    const target = findTarget(this.options.target ?? DEFAULT_TARGET);
    if (!target) throw new Error(`unknown target "${this.options.target}"; known: ${targets.map((t) => t.id).join(', ')}`);
    if (this.finished) throw new Error('this Conversion has already finished; start a new one');
    this.finished = true;
    // From here the model is the only copy of the input: once converted, nothing holds it (unless
    // verify needs it), so a large input's IR is freed before the report and output are built.
    let model: InputModel | undefined = this.reader.takeModel();
    const { accounts } = model;
    const trace = new ConversionTrace(keepModel); // only verify reads it
    const adc = this.options.to === 'adc' ? convertToAdc(model, { ingressClasses: this.options.ingressClasses, ids: this.options.adcIds, discovery: this.options.adcDiscovery }, this.sink) : undefined;
    const objects = adc ? [] : convertToGatewayApi(model, { ...this.options, apisixExtensions: target.id === 'apisix-ingress-controller@2' }, this.sink, trace);
    if (!keepModel) model = undefined;
    applyTargetToAnnotations(this.sink.items, accounts, target, this.sink);
    checkOutputAgainstTarget(objects, target, this.sink);
    const diagnostics = [...this.sink.items].sort(compareDiagnostics);
    const accounting = buildAccounting(accounts, diagnostics, target);
    const result: ConversionResult = { objects, diagnostics, stats: this.reader.stats, target: target.id, accounting, ...(adc ? { adc } : {}) };
    return { result, model: model as Keep extends true ? InputModel : undefined, trace };
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
