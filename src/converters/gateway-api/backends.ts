// Ingress backend → HTTPRoute backendRef. Gateway API has no named ports, so a port name is
// resolved through the Service; when that is impossible the path is reported, never guessed.
import { isObjectName } from '../../common/names.js';
import type { Backend, Ingress } from '../../ir/model.js';
import type { ServiceIndex } from '../shared/services.js';
import type { DiagnosticSink } from '../../reporter/sink.js';
import type { HTTPBackendRef } from './types.js';
import { backendRefProblems } from './validate.js';

/** Gateway API's Kind pattern (BackendObjectReference), ≤ 63. */
export function isKind(kind: string): boolean {
  return kind.length <= 63 && /^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/.test(kind);
}

/** Gateway API's Group: empty (core) or a DNS-1123 subdomain. */
export function isGroup(group: string): boolean {
  return group === '' || isObjectName(group);
}


/**
 * `describe` says where the backend is used, e.g. `host "a.example" path "/api"` (only called for
 * a finding). `serviceNamespace` (svc-namespace): where the Services live, when not in the
 * Ingress namespace.
 */
export function toBackendRef(backend: Backend, ingress: Ingress, describe: () => string, services: ServiceIndex, sink: DiagnosticSink, serviceNamespace?: string): HTTPBackendRef | undefined {
  const ref = backendRef(backend, ingress, describe, services, sink, serviceNamespace);
  // A name Ingress took but Gateway API cannot (over 253 characters): this path only, not the route.
  const problems = ref && !plainServiceRef(ref) ? backendRefProblems(ref) : [];
  if (problems.length === 0) return ref;
  sink.add('gateway-api-limit', `${describe()}: Gateway API cannot reference this backend (${problems.join('; ')}); the path is not converted`, { location: backend.location, object: ingress.ref });
  return undefined;
}

/** The usual backendRef, checked without zod (most of a large input's backends). */
function plainServiceRef(ref: HTTPBackendRef): boolean {
  return ref.group === undefined && ref.kind === undefined && ref.name.length >= 1 && ref.name.length <= 253 && ref.namespace === undefined && ref.port !== undefined && Number.isInteger(ref.port) && ref.port >= 1 && ref.port <= 65535;
}

function backendRef(backend: Backend, ingress: Ingress, describe: () => string, services: ServiceIndex, sink: DiagnosticSink, serviceNamespace?: string): HTTPBackendRef | undefined {
  if (backend.type === 'resource') {
    const group = backend.apiGroup ?? '';
    const problem =
      group === '' && backend.kind === 'Service'
        ? 'a Service as resource backend has no port, which Gateway API requires; use service.name and service.port'
        : !isKind(backend.kind)
          ? `kind ${JSON.stringify(backend.kind)} is not a valid Gateway API kind`
          : !isGroup(group)
            ? `apiGroup ${JSON.stringify(group)} is not a valid Gateway API group`
            : undefined;
    if (problem) {
      sink.add('invalid-backend', `${describe()}: ${problem}; the path is not converted`, { location: backend.location, object: ingress.ref });
      return undefined;
    }
    sink.add('resource-backend', `${describe()}: resource backend ${backend.apiGroup ?? 'core'}/${backend.kind} "${backend.name}" becomes a backendRef of that kind; support is implementation-specific`, {
      location: backend.location,
      object: ingress.ref,
    });
    return { group: backend.apiGroup ?? '', kind: backend.kind, name: backend.name };
  }
  const namespace = serviceNamespace ?? ingress.namespace;
  // One literal per shape (name, namespace only when another, port): the key order of the output.
  const ref = (port: number): HTTPBackendRef => (namespace === ingress.namespace ? { name: backend.name, port } : { name: backend.name, namespace, port });
  if ('number' in backend.port) return ref(backend.port.number);

  const portName = backend.port.name;
  const service = services.get(namespace, backend.name);
  if (!service) {
    sink.add('service-not-found', `${describe()}: Service ${namespace}/${backend.name} is not in the input, so port ${JSON.stringify(portName)} cannot be resolved to a number; the path is not converted`, {
      location: backend.location,
      object: ingress.ref,
      hint: `add the Service to the input (e.g. kubectl get svc -n ${namespace} ${backend.name} -o yaml), or use port.number`,
    });
    return undefined;
  }
  const port = service.ports.find((p) => p.name === portName);
  if (!port) {
    const known = service.ports.map((p) => p.name ?? String(p.port)).join(', ') || 'none';
    sink.add('service-port-not-found', `${describe()}: Service ${namespace}/${backend.name} has no port named ${JSON.stringify(portName)} (ports: ${known}); the path is not converted`, {
      location: backend.location,
      object: ingress.ref,
    });
    return undefined;
  }
  return ref(port.port);
}
