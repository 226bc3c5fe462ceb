// HTTPS listeners from Ingress tls[] entries: one per host, holding exactly that entry's Secret.
import { isObjectName } from '../../common/names.js';
import type { Ingress, IngressTls } from '../../ir/model.js';
import type { DiagnosticSink } from '../../reporter/sink.js';

export interface TlsHost {
  /** undefined: a listener without hostname (a tls entry of host-less rules). */
  host: string | undefined;
  secret: { namespace: string; name: string };
  ingress: Ingress;
  /** The tls entry that asked for it. */
  location: IngressTls['location'];
}

/** `ingresses` oldest first: the oldest claim on a host wins. */
export function collectTlsHosts(ingresses: readonly Ingress[], sink: DiagnosticSink): TlsHost[] {
  const byHost = new Map<string, TlsHost>();
  for (const ingress of ingresses) {
    ingress.tls.forEach((entry) => {
      const ruleHosts = [...new Set(ingress.rules.map((r) => r.host))];
      // A tls entry without hosts covers the Ingress's own rule hosts.
      const hosts: (string | undefined)[] = entry.hosts.length > 0 ? [...new Set(entry.hosts)] : ruleHosts.length > 0 ? ruleHosts : [undefined];
      if (!entry.secretName) {
        sink.add('tls-without-secret', `tls entry for ${hosts.map(describeHost).join(', ')} has no secretName (SNI routing only), which Gateway API cannot express; HTTPS for these hosts is not configured`, {
          location: entry.location,
          object: ingress.ref,
        });
        return;
      }
      if (!isObjectName(entry.secretName)) {
        sink.add('invalid-secret-name', `tls secretName ${JSON.stringify(entry.secretName)} is not a valid Secret name; no HTTPS listener for ${hosts.map(describeHost).join(', ')}`, {
          location: entry.location,
          object: ingress.ref,
        });
        return;
      }
      for (const host of hosts) {
        const key = host ?? '';
        const existing = byHost.get(key);
        const secret = { namespace: ingress.namespace, name: entry.secretName };
        if (!existing) {
          byHost.set(key, { host, secret, ingress, location: entry.location });
        } else if (existing.secret.namespace !== secret.namespace || existing.secret.name !== secret.name) {
          sink.add('tls-conflict', `${describeHost(host)} is already served with Secret ${existing.secret.namespace}/${existing.secret.name} from older Ingress ${existing.ingress.namespace}/${existing.ingress.name}; Secret ${secret.namespace}/${secret.name} is not used for it`, {
            location: entry.location,
            object: ingress.ref,
          });
        }
      }
    });
  }
  return [...byHost.values()].sort((a, b) => ((a.host ?? '') < (b.host ?? '') ? -1 : (a.host ?? '') > (b.host ?? '') ? 1 : 0));
}

export function describeHost(host: string | undefined): string {
  return host === undefined ? 'every host' : `host ${host}`;
}
