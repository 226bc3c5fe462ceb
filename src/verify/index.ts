// The differential check: for every Gateway scope the converter produced, send every probe through
// the Ingress reference router (what the input meant) and the Gateway API reference router (what
// the output does), and keep the requests where they disagree. A disagreement at an input element
// the converter already reported on is expected; any other is a converter bug.
import type { ConversionTrace } from '../converters/gateway-api/trace.js';
import type { GatewayApiObject } from '../converters/gateway-api/types.js';
import type { Ingress, InputModel } from '../ir/model.js';
import type { AdcConfiguration } from '../converters/adc/types.js';
import { ApisixRouter } from './apisix-router.js';
import { appendTo } from '../common/multimap.js';
import { elementPrefixes, withPosition } from '../input/positions.js';
import type { Diagnostic, SourceLocation } from '../reporter/diagnostics.js';
import { GatewayRouter, OutputIndex } from './gateway-router.js';
import { IngressRouter } from './ingress-router.js';
import { sameOutcome, type Probe, type TracedOutcome } from './model.js';
import { generateProbes, type ProbeSpace } from './probes.js';

export { formatOutcome, formatProbe, type Outcome, type Probe, type TracedOutcome } from './model.js';


/** Diagnostic codes that announce a change of routing behaviour at their location. */
export const divergenceCodes: ReadonlySet<string> = new Set([
  'wildcard-host',
  'exact-path-shadowed',
  'duplicate-path',
  'path-as-regex',
  'path-prefix-widened',
  'path-too-long',
  'path-regex-invalid',
  'implementation-specific-pattern',
  'service-not-found',
  'service-port-not-found',
  'invalid-backend',
  'gateway-api-limit',
  'tls-without-secret',
  'tls-every-host',
  'invalid-secret-name',
  'default-backend-conflict',
  'internal-error',
  'annotation-not-converted',
  'annotation-caveat',
  'annotation-invalid',
  'unsupported-by-target',
  'plugin-config-not-found',
]);

export interface Divergence {
  /** `namespace/class` of the Ingresses, or `shared`. */
  scope: string;
  probe: Probe;
  ingress: TracedOutcome;
  output: TracedOutcome;
  /** The reported findings that announce this difference; empty for an unreported divergence. */
  explainedBy: { code: string; location: SourceLocation }[];
}

export interface VerifyResult {
  scopes: number;
  probes: number;
  divergences: Divergence[];
  expected: number;
  unreported: number;
  /** Shared Gateways that are not in the output, assumed to accept every route and host. */
  assumedGateways: string[];
}

export interface VerifyInput {
  model: InputModel;
  objects: readonly GatewayApiObject[];
  diagnostics: readonly Diagnostic[];
  trace: ConversionTrace;
}

type Gateway = Extract<GatewayApiObject, { kind: 'Gateway' }>;

export function verifyConversion(input: VerifyInput): VerifyResult {
  const gatewaysByName = new Map<string, Gateway>();
  for (const o of input.objects) if (o.kind === 'Gateway') gatewaysByName.set(`${o.metadata.namespace}/${o.metadata.name}`, o);
  const explaining = new Explanations(input.diagnostics);
  const writtenPaths = ingressPaths(input.model.ingresses);
  const output = new OutputIndex(input.objects); // one for every scope: built once
  const result: VerifyResult = { scopes: 0, probes: 0, divergences: [], expected: 0, unreported: 0, assumedGateways: [] };

  for (const scope of input.trace.scopes) {
    result.scopes++;
    const gateways = scope.gateways.map(({ namespace, name }) => {
      const found = gatewaysByName.get(`${namespace}/${name}`);
      if (found) return found;
      result.assumedGateways.push(`${namespace}/${name}`);
      return assumedSharedGateway(namespace, name);
    });
    const ingressRouter = new IngressRouter(scope.ingresses, input.model.services);
    const gatewayRouter = new GatewayRouter(gateways, output, { sourcesOf: (e) => input.trace.sourcesOf(e) });
    for (const probe of generateProbes(scope.ingresses, probeSpace(ingressRouter, gatewayRouter, writtenPaths, scope.ingresses))) {
      result.probes++;
      const ingress = ingressRouter.route(probe);
      const output = gatewayRouter.route(probe);
      if (sameOutcome(ingress.outcome, output.outcome)) continue;
      const explainedBy = explaining.of([...ingress.trace, ...output.trace]);
      result.divergences.push({ scope: scope.key || 'shared', probe, ingress: located(ingress), output: located(output), explainedBy });
      if (explainedBy.length > 0) result.expected++;
      else result.unreported++;
    }
  }
  return result;
}

export interface VerifyAdcInput {
  model: InputModel;
  /** The Ingresses converted (one controller serves them all). */
  ingresses: readonly Ingress[];
  adc: AdcConfiguration;
  diagnostics: readonly Diagnostic[];
}

/** The same check for ADC output, through the APISIX reference router. */
export function verifyAdc(input: VerifyAdcInput): VerifyResult {
  const explaining = new Explanations(input.diagnostics);
  const result: VerifyResult = { scopes: 1, probes: 0, divergences: [], expected: 0, unreported: 0, assumedGateways: [] };
  const sources = new Map<string, SourceLocation[]>();
  for (const ingress of input.ingresses) {
    const intentSources = ingress.intents.flatMap((i) => i.sources.map((a) => a.location));
    ingress.rules.forEach((rule, i) =>
      rule.paths.forEach((path, j) => sources.set(`${ingress.namespace}_${ingress.name}_${i}-${j}`, [path.location, ...(rule.hostLocation ? [rule.hostLocation] : []), ...intentSources])),
    );
    if (ingress.defaultBackend) sources.set(`${ingress.namespace}_${ingress.name}_default-backend`, [ingress.defaultBackend.location]);
  }
  const ports = new Map(input.model.services.map((s) => [`${s.namespace}/${s.name}`, s]));
  const ingressRouter = new IngressRouter(input.ingresses, input.model.services);
  const apisixRouter = new ApisixRouter(input.adc, (route) => sources.get(route.name) ?? [], (ns, name, port) => ports.get(`${ns}/${name}`)?.ports.find((p) => p.name === port)?.port);
  for (const probe of generateProbes(input.ingresses, probeSpace(ingressRouter, apisixRouter, ingressPaths(input.ingresses), input.ingresses))) {
    result.probes++;
    const ingress = ingressRouter.route(probe);
    const output = apisixRouter.route(probe);
    if (sameOutcome(ingress.outcome, output.outcome)) continue;
    const explainedBy = explaining.of([...ingress.trace, ...output.trace]);
    result.divergences.push({ scope: 'apisix', probe, ingress: located(ingress), output: located(output), explainedBy });
    if (explainedBy.length > 0) result.expected++;
    else result.unreported++;
  }
  return result;
}

/** A divergence's trace with line and column (JSON input defers them until a location is shown). */
function located(side: TracedOutcome): TracedOutcome {
  return { outcome: side.outcome, trace: side.trace.map(withPosition) };
}

/**
 * Each host is probed with the paths either side names for it. The output side names paths, and
 * the input elements its rules came from: the paths written there (a rule's RegularExpression is
 * no request to send, the Ingress path it was made from is).
 */
function probeSpace(ingressRouter: IngressRouter, outputRouter: OutputRouter, writtenPaths: IngressPaths, scope: readonly Ingress[]): ProbeSpace {
  let scopePaths: string[] | undefined;
  return {
    *pathsFor(host) {
      // Where a rule matches by regex, rewrites by regex or runs conditional plugins, where a
      // path starts and ends says too little: such a host gets every path of its scope too.
      if (ingressRouter.pathSensitive(host) || outputRouter.pathSensitive(host)) yield* (scopePaths ??= scope.flatMap((i) => i.rules.flatMap((r) => r.paths.map((p) => p.path))));
      yield* ingressRouter.pathsFor(host);
      for (const named of outputRouter.pathsFor(host)) {
        if (typeof named === 'string') yield named;
        else {
          const path = writtenPaths.get(key(named.file, named.doc, named.path));
          if (path !== undefined) yield path;
        }
      }
    },
    servesTls: (host) => ingressRouter.tlsEntryFor(host) !== undefined,
  };
}

/** What the probes ask of the router of the output. */
interface OutputRouter {
  pathsFor(host: string): Iterable<string | SourceLocation>;
  pathSensitive(host: string): boolean;
}

/** Ingress paths by their location (`file`, `doc`, `path`): the `path` written there. */
type IngressPaths = Map<string, string>;

function ingressPaths(ingresses: readonly Ingress[]): IngressPaths {
  const paths: IngressPaths = new Map();
  for (const ingress of ingresses) for (const rule of ingress.rules) for (const p of rule.paths) paths.set(key(p.location.file, p.location.doc, p.location.path), p.path);
  return paths;
}

/**
 * The findings that explain a divergence: those located in the same document at an element of its
 * trace, around one, or inside one (`spec.rules[0]` ⊃ `spec.rules[0].http.paths[1]`). Looked up by
 * path prefix: scanning every finding for every divergence was quadratic in large inputs.
 */
class Explanations {
  /** Findings by their own location (`file`, `doc`, `path`). */
  private readonly at = new Map<string, number[]>();
  /** Findings by every element around them, themselves included. */
  private readonly under = new Map<string, number[]>();
  private readonly findings: Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    this.findings = diagnostics.filter((d) => divergenceCodes.has(d.code) && d.location && d.location.path !== '');
    this.findings.forEach((d, i) => {
      const { file, doc, path } = d.location!;
      appendTo(this.at, key(file, doc, path), i);
      for (const prefix of elementPrefixes(path)) appendTo(this.under, key(file, doc, prefix), i);
    });
  }

  of(trace: readonly SourceLocation[]): Divergence['explainedBy'] {
    const found = new Set<number>();
    for (const t of trace) {
      for (const i of this.under.get(key(t.file, t.doc, t.path)) ?? []) found.add(i);
      for (const prefix of elementPrefixes(t.path)) for (const i of this.at.get(key(t.file, t.doc, prefix)) ?? []) found.add(i);
    }
    return [...found].sort((a, b) => a - b).map((i) => ({ code: this.findings[i]!.code, location: this.findings[i]!.location! }));
  }
}

function key(file: string, doc: number, path: string): string {
  return `${file}\u0000${doc}\u0000${path}`;
}

/** A shared Gateway we did not generate: its owner configures it, so assume it accepts everything. */
function assumedSharedGateway(namespace: string, name: string): Gateway {
  const allowed = { allowedRoutes: { namespaces: { from: 'All' as const } } };
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { namespace, name },
    spec: {
      gatewayClassName: 'assumed',
      listeners: [
        { name: 'http', port: 80, protocol: 'HTTP', ...allowed },
        { name: 'https', port: 443, protocol: 'HTTPS', tls: { mode: 'Terminate', certificateRefs: [{ group: '', kind: 'Secret', name: 'assumed' }] }, ...allowed },
      ],
    },
  };
}
