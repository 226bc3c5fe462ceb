// The APISIX provider: `k8s.apisix.apache.org/*` annotations → intents, one parser module per
// annotation family, run in a fixed order. Unknown keys are reported with the closest known key.
import type { Intent, SourceAnnotation } from '../../ir/intents.js';
import type { ObjectRef } from '../../reporter/diagnostics.js';
import type { DiagnosticSink } from '../../reporter/sink.js';
import { shownValue } from '../../reporter/values.js';
import { APISIX_ANNOTATION_PREFIX, apisixAnnotations, type AnnotationFamily } from './annotations.js';
import { parseAuthType } from './auth-type.js';
import type { FamilyContext, FamilyParser } from './context.js';
import { parseCors } from './cors.js';
import { parseCsrf } from './csrf.js';
import { parseForwardAuth } from './forward-auth.js';
import { parseIpRestriction } from './ip-restriction.js';
import { parseMethods } from './methods.js';
import { parsePluginConfig } from './plugin-config.js';
import { parseRedirect } from './redirect.js';
import { parseRegex } from './regex.js';
import { parseResponseRewrite } from './response-rewrite.js';
import { parseRewrite } from './rewrite.js';
import { parseServiceNamespace } from './service-namespace.js';
import { parseUpstream } from './upstream.js';
import { parseWebsocket } from './websocket.js';

/** In AIC 2.x's plugin order (redirect, proxy-rewrite, cors, csrf, …), then the route-level families. */
const families: Readonly<Record<AnnotationFamily, FamilyParser>> = {
  redirect: parseRedirect,
  rewrite: parseRewrite,
  cors: parseCors,
  csrf: parseCsrf,
  methods: parseMethods,
  'auth-type': parseAuthType,
  'response-rewrite': parseResponseRewrite,
  'ip-restriction': parseIpRestriction,
  'forward-auth': parseForwardAuth,
  upstream: parseUpstream,
  websocket: parseWebsocket,
  'plugin-config': parsePluginConfig,
  'service-namespace': parseServiceNamespace,
  regex: parseRegex,
};

const knownNames = new Set(apisixAnnotations.map((a) => a.name));

export function isApisixAnnotation(key: string): boolean {
  return key.startsWith(APISIX_ANNOTATION_PREFIX);
}

/** Intents of one Ingress's APISIX annotations; problems with values are reported as AIC would act. */
export function parseApisixAnnotations(annotations: readonly SourceAnnotation[], object: ObjectRef, sink: DiagnosticSink): Intent[] {
  const byName = new Map<string, SourceAnnotation>();
  for (const a of annotations) {
    if (!isApisixAnnotation(a.key)) continue;
    const name = a.key.slice(APISIX_ANNOTATION_PREFIX.length);
    if (knownNames.has(name)) {
      byName.set(name, a);
      continue;
    }
    const suggestion = suggestionFor(name);
    sink.add('unknown-annotation', `${a.key} is not an APISIX Ingress Controller annotation${suggestion ? `; did you mean ${APISIX_ANNOTATION_PREFIX}${suggestion}?` : ''}`, {
      location: a.location,
      object,
      annotation: a.key,
      hint: 'AIC ignores unknown annotations, so this one does nothing',
    });
  }
  if (byName.size === 0) return [];
  const ctx: FamilyContext = {
    get: (name) => byName.get(name),
    invalid: (a, consequence) => sink.add('annotation-invalid', `${a.key}=${shownValue(a)}: ${consequence}`, { location: a.location, object, annotation: a.key }),
    noEffect: (a, reason) => sink.add('annotation-no-effect', `${a.key}=${shownValue(a)} ${reason}`, { location: a.location, object, annotation: a.key }),
  };
  return Object.values(families).flatMap((parse) => parse(ctx));
}

/** Suggestions by unknown name: a dump repeats the same typo on many Ingresses. */
const suggestions = new Map<string, string | undefined>();
const candidates = [...knownNames];

function suggestionFor(name: string): string | undefined {
  if (suggestions.has(name)) return suggestions.get(name);
  const suggestion = closest(name, candidates);
  if (suggestions.size < 1000) suggestions.set(name, suggestion);
  return suggestion;
}

/** The known name within edit distance 3 (typos), if any; the first of the nearest. */
function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    // The distance is at least the difference in length.
    if (Math.abs(candidate.length - name.length) > 3) continue;
    const distance = editDistance(name, candidate);
    if (distance <= 3 && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
