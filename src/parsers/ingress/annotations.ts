// The one table of annotation families outside the controller providers: what the core parser
// understands, the bookkeeping of deployment tools, and the tools around Ingress (cert-manager,
// external-dns) whose annotations move to the Gateway API object that tool reads. It feeds the
// parser, the converters, the accounting and the README. Every other annotation is reported as
// not converted (controller-specific providers have their own tables).
//
// Sources: cert-manager's certificate-shim (the Gateway reads the same annotations as the Ingress
// through one translation, except kubernetes.io/tls-acme and the acme.cert-manager.io ones) and its
// "Annotated Gateway resource" page; external-dns's Gateway API source (target is read from the
// Gateway, every other annotation from the route) and its "Gateway API Route Sources" page.

/**
 * converted: understood by the core; ignored: bookkeeping, never behaviour; carried: copied to
 * the generated Gateway or HTTPRoute, where the tool reads it; ingress-only: means something only
 * on an Ingress, reported with what to do instead.
 */
export type AnnotationStatus = 'converted' | 'ignored' | 'carried' | 'ingress-only';

export interface AnnotationRow {
  /** An exact key, or a prefix ending in "/" (the family). */
  key: string;
  status: AnnotationStatus;
  description: string;
  /** The tool that reads the family, for the ecosystem ones. */
  tool?: 'cert-manager' | 'external-dns';
  /** carried: the names (after the prefix) the tool reads from the Gateway. */
  gatewayKeys?: readonly string[];
  /** carried: every other name of the prefix goes to the HTTPRoutes (otherwise: not converted). */
  routeTakesOthers?: boolean;
  /** carried: names whose Gateway API spelling differs (read on the HTTPRoute). */
  renamed?: Readonly<Record<string, string>>;
  /** ingress-only: what to do instead, said in the finding. */
  instead?: string;
}

export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
export const CERT_MANAGER_PREFIX = 'cert-manager.io/';
export const EXTERNAL_DNS_PREFIX = 'external-dns.alpha.kubernetes.io/';

/** What cert-manager's gateway-shim reads from a Gateway (the Ingress annotations it shares). */
const certManagerGatewayKeys = [
  'issuer',
  'cluster-issuer',
  'issuer-kind',
  'issuer-group',
  'common-name',
  'email-sans',
  'subject-organizations',
  'subject-organizationalunits',
  'subject-countries',
  'subject-provinces',
  'subject-localities',
  'subject-postalcodes',
  'subject-streetaddresses',
  'subject-serialnumber',
  'duration',
  'renew-before',
  'renew-before-percentage',
  'usages',
  'revision-history-limit',
  'private-key-algorithm',
  'private-key-encoding',
  'private-key-size',
  'private-key-rotation-policy',
  'secret-template',
] as const;

export const annotationTable: readonly AnnotationRow[] = [
  { key: INGRESS_CLASS_ANNOTATION, status: 'converted', description: 'Selects the ingress class when spec.ingressClassName is not set; decides the Gateway.' },
  {
    key: CERT_MANAGER_PREFIX,
    status: 'carried',
    tool: 'cert-manager',
    gatewayKeys: certManagerGatewayKeys,
    description: `Copied to the generated Gateway, where cert-manager's gateway-shim reads them (${certManagerGatewayKeys.join(', ')}) and creates one Certificate per Secret of its HTTPS listeners, for the listeners' hostnames. Ingresses sharing a Gateway share one set (the oldest Ingress's); listeners without hostname or with a Secret in another namespace get no Certificate. Other cert-manager.io keys are reported.`,
  },
  {
    key: 'acme.cert-manager.io/',
    status: 'ingress-only',
    tool: 'cert-manager',
    description: 'ACME HTTP-01 settings for solving through an Ingress (http01-edit-in-place, http01-ingress-class); a Gateway has no equivalent. Reported with the alternative.',
    instead: "solve HTTP-01 through the Gateway with an Issuer solver http01.gatewayHTTPRoute whose parentRefs name the Gateway (or use DNS-01)",
  },
  {
    key: 'kubernetes.io/tls-acme',
    status: 'ingress-only',
    tool: 'cert-manager',
    description: "Asks cert-manager's ingress-shim for a Certificate from its default issuer; the gateway-shim does not read it. Reported with the alternative.",
    instead: 'set cert-manager.io/cluster-issuer (or cert-manager.io/issuer) to the default issuer on the Ingress before converting, so that it is carried to the Gateway',
  },
  {
    key: EXTERNAL_DNS_PREFIX,
    status: 'carried',
    tool: 'external-dns',
    gatewayKeys: ['target'],
    routeTakesOthers: true,
    renamed: { 'ingress-hostname-source': 'gateway-hostname-source' },
    description:
      'external-dns with --source=gateway-httproute reads target from the Gateway (copied to the generated Gateway) and every other annotation (hostname, ttl, controller, provider-specific ones) from the HTTPRoute (copied to every HTTPRoute of the Ingress); ingress-hostname-source becomes gateway-hostname-source. Ingresses merged into one object share one set (the oldest Ingress\'s).',
  },
  { key: LAST_APPLIED_ANNOTATION, status: 'ignored', description: 'kubectl bookkeeping; not behaviour.' },
  { key: 'kubernetes.io/change-cause', status: 'ignored', description: 'kubectl rollout bookkeeping; not behaviour.' },
  { key: 'deployment.kubernetes.io/', status: 'ignored', description: 'Deployment controller bookkeeping; not behaviour.' },
  { key: 'meta.helm.sh/', status: 'ignored', description: 'Helm release bookkeeping; not behaviour.' },
  { key: 'argocd.argoproj.io/', status: 'ignored', description: 'Argo CD sync bookkeeping; not behaviour.' },
  { key: 'kustomize.toolkit.fluxcd.io/', status: 'ignored', description: 'Flux Kustomization bookkeeping; not behaviour.' },
  { key: 'helm.toolkit.fluxcd.io/', status: 'ignored', description: 'Flux HelmRelease bookkeeping; not behaviour.' },
];

const exactRows = new Map(annotationTable.filter((r) => !r.key.endsWith('/')).map((r) => [r.key, r]));
const prefixRows = annotationTable.filter((r) => r.key.endsWith('/'));

/** The row of an annotation's family, whether or not the family knows this name. */
export function annotationFamily(key: string): AnnotationRow | undefined {
  return exactRows.get(key) ?? prefixRows.find((row) => key.startsWith(row.key));
}

/** Where a carried annotation goes, and under which key; undefined when its family does not carry this name. */
export function carriedAs(row: AnnotationRow, key: string): { to: 'Gateway' | 'HTTPRoute'; key: string } | undefined {
  if (row.status !== 'carried') return undefined;
  const name = key.slice(row.key.length);
  if (row.gatewayKeys?.includes(name)) return { to: 'Gateway', key };
  const renamed = row.renamed?.[name];
  if (renamed !== undefined) return { to: 'HTTPRoute', key: `${row.key}${renamed}` };
  return row.routeTakesOthers && name !== '' ? { to: 'HTTPRoute', key } : undefined;
}

/** The row that accounts for this annotation (understood, bookkeeping, carried or ingress-only); undefined: report it. */
export function coreAnnotation(key: string): AnnotationRow | undefined {
  const row = annotationFamily(key);
  if (!row || (row.status === 'carried' && !carriedAs(row, key))) return undefined;
  return row;
}
