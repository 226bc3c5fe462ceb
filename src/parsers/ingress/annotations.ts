// The annotations the core Ingress parser understands. Every other annotation is reported as not
// converted (providers for controller-specific annotations add their own tables later).
export type AnnotationStatus = 'converted' | 'ignored';

export interface AnnotationRow {
  key: string;
  status: AnnotationStatus;
  description: string;
}

export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

export const coreAnnotations: readonly AnnotationRow[] = [
  {
    key: INGRESS_CLASS_ANNOTATION,
    status: 'converted',
    description: 'Selects the ingress class when spec.ingressClassName is not set; decides the Gateway.',
  },
  {
    key: LAST_APPLIED_ANNOTATION,
    status: 'ignored',
    description: 'kubectl bookkeeping; not behaviour.',
  },
];

/** Annotation prefixes of deployment tools: bookkeeping that never changes routing. */
export const bookkeepingPrefixes: readonly AnnotationRow[] = [
  { key: 'meta.helm.sh/', status: 'ignored', description: 'Helm release bookkeeping; not behaviour.' },
  { key: 'argocd.argoproj.io/', status: 'ignored', description: 'Argo CD sync bookkeeping; not behaviour.' },
];

const rowsByKey = new Map(coreAnnotations.map((row) => [row.key, row]));

export function coreAnnotation(key: string): AnnotationRow | undefined {
  return rowsByKey.get(key) ?? bookkeepingPrefixes.find((row) => key.startsWith(row.key));
}
