// cert-manager and external-dns annotations on the emitted Gateways and HTTPRoutes (metadata
// only): each object carries, per family, the set of the oldest Ingress it serves that has one;
// the findings say what differs from the Ingresses and what the tools need.
import type { Ingress } from '../../ir/model.js';
import { CERT_MANAGER_PREFIX, type AnnotationRow } from '../../parsers/ingress/annotations.js';
import type { DiagnosticSink } from '../../reporter/sink.js';
import { shownList, shownValue } from '../../reporter/values.js';
import { carriedBy, type CarriedAnnotation, type Placement } from '../shared/ecosystem.js';
import { describeHost, type TlsHost } from './listeners.js';

/** Annotations that make cert-manager's gateway-shim create Certificates at all. */
const CERT_MANAGER_TRIGGERS = [`${CERT_MANAGER_PREFIX}issuer`, `${CERT_MANAGER_PREFIX}cluster-issuer`];
const TLS_ACME = 'kubernetes.io/tls-acme';

export class EcosystemAnnotations {
  /** Findings already made (an Ingress's HTTP and HTTPS routes share their sources). */
  private readonly said = new Set<string>();
  /** The tools whose annotations some emitted object carries. */
  private readonly carriedTools = new Set<string>();
  /** Ingresses some HTTPRoute serves (their route annotations had a place to go). */
  private readonly routed = new Set<Ingress>();

  constructor(private readonly sink: DiagnosticSink) {}

  /**
   * The annotations of one emitted object, from the Ingresses it serves (oldest first). Per family
   * one Ingress's whole set is carried: a Certificate or a DNS record is configured as a whole.
   */
  annotationsFor(ingresses: readonly Ingress[], to: Placement, what: string): Record<string, string> | undefined {
    const chosen = new Map<AnnotationRow, { ingress: Ingress; items: CarriedAnnotation[] }>();
    for (const ingress of ingresses) {
      if (to === 'HTTPRoute') this.routed.add(ingress);
      for (const [family, items] of carriedBy(ingress, to)) {
        const first = chosen.get(family);
        if (!first) chosen.set(family, { ingress, items });
        else this.reportConflicts(first, ingress, items, what);
      }
    }
    if (chosen.size === 0) return undefined;
    const entries: [string, string][] = [];
    for (const [family, { items }] of chosen) {
      this.carriedTools.add(family.tool ?? '');
      for (const c of items) entries.push([c.key, c.source.value]);
    }
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  private reportConflicts(first: { ingress: Ingress; items: CarriedAnnotation[] }, ingress: Ingress, items: readonly CarriedAnnotation[], what: string): void {
    const used = new Map(first.items.map((c) => [c.key, c.source]));
    for (const c of items) {
      const winner = used.get(c.key);
      if (winner?.value === c.source.value) continue;
      const key = `conflict\u0000${c.source.location.file}\u0000${c.source.location.doc}\u0000${c.source.location.path}\u0000${what}`;
      if (this.said.has(key)) continue;
      this.said.add(key);
      const theirs = winner ? `${winner.key}=${shownValue(winner)}` : `no ${c.key}`;
      this.sink.add('annotation-conflict', `annotation ${c.source.key}=${shownValue(c.source)} is not used: ${what} carries the ${first.items[0]!.family.tool} annotations of older Ingress ${first.ingress.namespace}/${first.ingress.name} (${theirs})`, {
        location: c.source.location,
        object: ingress.ref,
        annotation: c.source.key,
        hint: 'give the Ingresses that share this object the same values',
      });
    }
  }

  /** Routes attach to a Gateway we do not generate: its owner must set what the tools read there. */
  reportSharedGateway(ingresses: readonly Ingress[], gateway: string): void {
    for (const ingress of ingresses) {
      for (const items of carriedBy(ingress, 'Gateway').values()) {
        for (const c of items) {
          const effect = c.family.tool === 'cert-manager' ? 'cert-manager then creates a Certificate for each Secret of its HTTPS listeners that have a hostname and a Secret in its namespace' : 'external-dns then publishes the hostnames of its routes at this target instead of its status addresses';
          this.sink.add('annotation-on-shared-gateway', `${c.family.tool} reads ${c.key} from the Gateway: the owner of Gateway ${gateway} must set ${c.key}=${shownValue(c.source)} on it (it is not generated)`, {
            location: c.source.location,
            object: ingress.ref,
            annotation: c.source.key,
            hint: `${effect}; or use --create-gateway`,
          });
        }
      }
    }
  }

  /**
   * What cert-manager's gateway-shim makes of a generated Gateway's HTTPS listeners, where it
   * differs from the ingress-shim: listeners it skips, and Secrets it now manages.
   */
  reportCertificates(gateway: string, namespace: string, annotations: Readonly<Record<string, string>> | undefined, tlsHosts: readonly TlsHost[]): void {
    if (!annotations || !CERT_MANAGER_TRIGGERS.some((k) => k in annotations)) return;
    const byEntry = new Map<string, { tls: TlsHost; hosts: string[]; problem: 'no-hostname' | 'other-namespace' | 'widened' }>();
    for (const tls of tlsHosts) {
      const wanted = usesCertManager(tls.ingress);
      const problem = tls.host === undefined ? 'no-hostname' : tls.secret.namespace !== namespace ? 'other-namespace' : 'widened';
      if (problem === 'widened' ? wanted : !wanted) continue;
      const key = `${tls.location.file}\u0000${tls.location.doc}\u0000${tls.location.path}\u0000${problem}`;
      const entry = byEntry.get(key) ?? { tls, hosts: [], problem };
      entry.hosts.push(describeHost(tls.host));
      byEntry.set(key, entry);
    }
    for (const { tls, hosts, problem } of byEntry.values()) {
      const secret = `Secret ${tls.secret.namespace}/${tls.secret.name}`;
      const where = { location: tls.location, object: tls.ingress.ref };
      if (problem === 'widened') {
        this.sink.add('cert-manager-widened', `Gateway ${gateway} carries cert-manager annotations of another Ingress: cert-manager will also create a Certificate for ${secret} (${shownList(hosts)}), which this Ingress did not ask for, and replace its content unless a Certificate of that name exists`, where);
      } else {
        const why = problem === 'no-hostname' ? 'its listener has no hostname (a tls entry for host-less rules)' : `the Secret is not in the Gateway's namespace ${namespace}`;
        this.sink.add('cert-manager-listener-skipped', `cert-manager creates no Certificate for ${secret} on Gateway ${gateway}: ${why}; the Secret is no longer issued or renewed`, {
          ...where,
          hint: problem === 'no-hostname' ? 'list the hosts in tls[].hosts' : 'create a cert-manager Certificate for the Secret in its namespace',
        });
      }
    }
  }

  /** Route annotations of Ingresses no HTTPRoute serves (every path dropped, or failed) went nowhere. */
  reportUnrouted(ingresses: readonly Ingress[]): void {
    for (const ingress of ingresses) {
      if (this.routed.has(ingress)) continue;
      for (const items of carriedBy(ingress, 'HTTPRoute').values()) {
        for (const c of items) {
          this.sink.add('annotation-not-converted', `annotation ${c.source.key}=${shownValue(c.source)} is not carried: no HTTPRoute serves a rule of this Ingress (see the findings at its paths)`, {
            location: c.source.location,
            object: ingress.ref,
            annotation: c.source.key,
            hint: `set it on the HTTPRoute that serves these hosts, if ${c.family.tool} should still read it`,
          });
        }
      }
    }
  }

  /** What each tool must be configured with to read the carried annotations; once per run. */
  reportSetup(): void {
    if (this.carriedTools.has('cert-manager')) {
      this.sink.add('ecosystem-setup', 'Gateways carry cert-manager annotations: cert-manager reads Gateways only with Gateway API support on (--enable-gateway-api, Helm config.enableGatewayAPI: true, cert-manager 1.15 or later) and the Gateway API CRDs installed before it starts', {
        hint: 'the Certificates cert-manager made for the Ingresses are owned by them and deleted with them; it then creates its own for the Gateways (issuance happens again)',
      });
    }
    if (this.carriedTools.has('external-dns')) {
      this.sink.add('ecosystem-setup', 'Gateways and HTTPRoutes carry external-dns annotations: external-dns reads them only with --source=gateway-httproute (RBAC: get, watch, list on gateways, httproutes and namespaces); it publishes the hostnames of a route that its Gateway accepted and whose listeners allow them, at the Gateway\'s status addresses or its target annotation', {
        hint: 'add the source to the external-dns that manages the Ingresses\' records (same --txt-owner-id), so that it takes those records over',
      });
    }
  }
}

/** Did cert-manager issue this Ingress's certificates (an issuer annotation, or tls-acme)? */
function usesCertManager(ingress: Ingress): boolean {
  return ingress.annotations.some((a) => CERT_MANAGER_TRIGGERS.includes(a.key) || (a.key === TLS_ACME && a.value === 'true'));
}
