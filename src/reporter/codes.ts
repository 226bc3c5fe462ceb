// Every diagnostic code the tool can emit, with its severity and a one-line meaning.
// This table is the single source for the report, the README and the SARIF rules (later).
import type { Severity } from './diagnostics.js';

export interface CodeInfo {
  severity: Severity;
  summary: string;
}

export const diagnosticCodes = {
  // Reading input
  'input-unreadable': { severity: 'error', summary: 'A file or directory could not be read.' },
  'yaml-syntax': { severity: 'error', summary: 'A document is not valid YAML or JSON; the other documents are still converted.' },
  'not-an-object': { severity: 'warning', summary: 'A document is not a Kubernetes object (no mapping with apiVersion and kind); it is ignored.' },
  'duplicate-object': { severity: 'warning', summary: 'The same object appears more than once in the input; one copy is used.' },
  'conflicting-duplicate': { severity: 'error', summary: 'Two different objects share kind, namespace and name; one is chosen deterministically, the other dropped.' },
  // Ingress structure
  'ingress-invalid': { severity: 'error', summary: 'An Ingress violates its schema; it is not converted.' },
  'unknown-field': { severity: 'warning', summary: 'A field the Ingress schema does not define; it is not converted.' },
  'legacy-api-version': { severity: 'warning', summary: 'A pre-v1 Ingress (extensions/v1beta1, networking.k8s.io/v1beta1); converted as networking.k8s.io/v1 would be.' },
  'annotation-not-converted': { severity: 'warning', summary: 'An annotation this target cannot express; its behaviour is lost unless configured by hand.' },
  // Ingress class
  'no-ingress-class': { severity: 'warning', summary: 'The Ingress names no class and the input has no default IngressClass; converted under class "default".' },
  'multiple-default-classes': { severity: 'warning', summary: 'Several IngressClasses are marked default; the first by name is used.' },
  'class-mismatch': { severity: 'warning', summary: 'spec.ingressClassName and the kubernetes.io/ingress.class annotation disagree; spec.ingressClassName is used.' },
  'shared-gateway-class': { severity: 'warning', summary: 'Ingresses of several classes share the generated Gateway; one gatewayClassName had to be chosen (set --gateway-class).' },
  'skipped-by-class': { severity: 'info', summary: 'The Ingress is not of a class selected with --ingress-class; not converted.' },
  // Paths and hosts
  'implementation-specific-path': { severity: 'info', summary: 'pathType ImplementationSpecific is converted as a prefix match (PathPrefix).' },
  'implementation-specific-pattern': { severity: 'warning', summary: 'An ImplementationSpecific path looks like a regular expression or glob; it is converted literally as PathPrefix, which is what the path means only if its controller treated it literally.' },
  'path-too-long': { severity: 'error', summary: 'A path longer than the 1024 characters Gateway API allows; the path is not converted.' },
  'path-as-regex': { severity: 'warning', summary: 'The path has characters Gateway API does not allow in Exact/PathPrefix; converted to an escaped RegularExpression match, whose support is implementation-specific.' },
  'exact-path-shadowed': { severity: 'warning', summary: 'An Exact path can never be chosen under Ingress rules because a longer Prefix path (the same path plus "/") wins; Gateway API would choose it, so it is left out.' },
  'duplicate-path': { severity: 'warning', summary: 'Two Ingresses claim the same host, path and path type; the oldest wins, the other is not converted.' },
  'wildcard-host': { severity: 'warning', summary: 'Ingress "*." matches exactly one DNS label, Gateway API "*." matches one or more; deeper subdomains now match too.' },
  // Backends
  'service-not-found': { severity: 'error', summary: 'A backend names a Service port by name, and the Service is not in the input; the path is not converted.' },
  'service-port-not-found': { severity: 'error', summary: 'A backend names a Service port that the Service does not have; the path is not converted.' },
  'invalid-backend': { severity: 'error', summary: 'A backend Gateway API cannot reference (a resource backend of kind Service without a port, or a kind/group that is not a valid name); the path is not converted.' },
  'resource-backend': { severity: 'warning', summary: 'A resource backend becomes a backendRef of that group and kind; whether the Gateway implementation supports it is implementation-specific.' },
  // TLS and default backends
  'tls-without-secret': { severity: 'warning', summary: 'A tls entry without secretName (SNI routing only) has no Gateway API equivalent; HTTPS for its hosts is not configured.' },
  'invalid-secret-name': { severity: 'error', summary: 'A tls secretName that is not a valid Secret name; no HTTPS listener is generated for its hosts.' },
  'host-across-gateways': { severity: 'warning', summary: 'Ingresses in several namespaces share a host; each namespace gets its own Gateway (and address), so they no longer compete for paths as they did under one controller. Use --gateway to keep them on one Gateway.' },
  'tls-conflict': { severity: 'warning', summary: 'Two tls entries give the same host different Secrets; the oldest Ingress wins.' },
  'tls-on-shared-gateway': { severity: 'warning', summary: 'Routes attach to an existing shared Gateway; its owner must configure this HTTPS host and certificate.' },
  'default-backend-shadowed': { severity: 'warning', summary: 'A defaultBackend can never be reached because a host-less Prefix "/" rule catches every request; it is left out.' },
  'default-backend-conflict': { severity: 'warning', summary: 'Several Ingresses of one Gateway set a defaultBackend; the oldest wins.' },
  // Output limits and self-checks
  'route-split': { severity: 'info', summary: 'A route exceeds a Gateway API limit (16 rules, 128 matches, 16 hostnames) and is split into several routes.' },
  'gateway-split': { severity: 'warning', summary: 'A Gateway would exceed 64 listeners; its listeners are spread over several Gateways, each with its own address.' },
  'internal-error': { severity: 'error', summary: 'The converter produced an object that fails its own schema check; the object is not emitted. This is a bug in ing2gw.' },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof diagnosticCodes;
