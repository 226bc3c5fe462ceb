// What the converter decided about topology and provenance, for `verify`: which Ingresses were
// served by which generated (or shared) Gateways, and which input element each emitted rule and
// listener came from. Kept beside the objects, never written into them.
import type { Ingress } from '../../ir/model.js';
import type { SourceLocation } from '../../reporter/diagnostics.js';

export interface GatewayScope {
  /** `namespace/class`, or `` for one shared Gateway. */
  key: string;
  /** The Ingresses one Ingress controller would have served together here, oldest first. */
  ingresses: Ingress[];
  /** The Gateways that serve them now, first one first. */
  gateways: { namespace: string; name: string }[];
}

export class ConversionTrace {
  readonly scopes: GatewayScope[] = [];
  private readonly sources = new WeakMap<object, SourceLocation[]>();

  /** A disabled trace records nothing: only `verify` reads it. */
  constructor(readonly enabled = true) {}

  /** Records where an emitted element (a rule, a listener) came from. */
  note(element: object, ...sources: (SourceLocation | undefined)[]): void {
    if (!this.enabled) return;
    this.sources.set(element, sources.filter((s): s is SourceLocation => s !== undefined));
  }

  sourcesOf(element: object): SourceLocation[] {
    return this.sources.get(element) ?? [];
  }
}
