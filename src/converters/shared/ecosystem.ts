// Annotations of the tools around Ingress (cert-manager, external-dns), as the annotation table
// says: which an Ingress carries to which Gateway API object, and the findings common to every
// output (annotations that mean something only on an Ingress; outputs no such tool reads).
import type { SourceAnnotation } from '../../ir/intents.js';
import type { Ingress } from '../../ir/model.js';
import { annotationFamily, carriedAs, type AnnotationRow } from '../../parsers/ingress/annotations.js';
import type { DiagnosticSink } from '../../reporter/sink.js';
import { shownValue } from '../../reporter/values.js';

export type Placement = 'Gateway' | 'HTTPRoute';

export interface CarriedAnnotation {
  family: AnnotationRow;
  source: SourceAnnotation;
  /** The key on the Gateway API object. */
  key: string;
}

/** The annotations an Ingress carries to one kind of object, grouped by family (in key order). */
export function carriedBy(ingress: Ingress, to: Placement): Map<AnnotationRow, CarriedAnnotation[]> {
  const byFamily = new Map<AnnotationRow, CarriedAnnotation[]>();
  for (const source of ingress.annotations) {
    const family = annotationFamily(source.key);
    const carried = family && carriedAs(family, source.key);
    if (!carried || carried.to !== to) continue;
    const list = byFamily.get(family) ?? [];
    list.push({ family, source, key: carried.key });
    byFamily.set(family, list);
  }
  return byFamily;
}

/** Annotations that mean something only on an Ingress: said once each, with what to do instead. */
export function reportIngressOnly(ingress: Ingress, sink: DiagnosticSink): void {
  for (const a of ingress.annotations) {
    const family = annotationFamily(a.key);
    if (family?.status !== 'ingress-only') continue;
    sink.add('annotation-not-converted', `annotation ${a.key}=${shownValue(a)} is read by ${family.tool ?? 'its tool'} from Ingresses only; no Gateway API object carries it`, {
      location: a.location,
      object: ingress.ref,
      annotation: a.key,
      ...(family.instead ? { hint: family.instead } : {}),
    });
  }
}

/** ADC configuration is read by APISIX only: neither cert-manager nor external-dns applies to it. */
export function reportEcosystemForAdc(ingress: Ingress, sink: DiagnosticSink): void {
  const secrets = [...new Set(ingress.tls.flatMap((t) => (t.secretName ? [`${ingress.namespace}/${t.secretName}`] : [])))];
  for (const a of ingress.annotations) {
    const family = annotationFamily(a.key);
    if (!family?.tool || (family.status === 'carried' && !carriedAs(family, a.key))) continue;
    const certManager = family.tool === 'cert-manager';
    const message = certManager
      ? `annotation ${a.key}=${shownValue(a)}: cert-manager does not apply to ADC output; the ssl takes its certificate from ${secrets.length > 0 ? `Secret ${secrets.join(', ')}` : 'the tls Secret'}, and the Certificate cert-manager made for this Ingress is deleted with it`
      : `annotation ${a.key}=${shownValue(a)}: external-dns reads Kubernetes objects, not ADC configuration; the DNS records it made for this Ingress are removed with it`;
    const hint = certManager
      ? 'create a cert-manager Certificate for the Secret to keep it issued and renewed (and reference the Secret rather than inlining the key)'
      : 'publish the hosts through the APISIX gateway Service (external-dns hostname annotation on it) or a DNSEndpoint';
    sink.add('annotation-not-converted', message, { location: a.location, object: ingress.ref, annotation: a.key, hint });
  }
}
