// Every diagnostic code the tool can emit: its severity, a one-line meaning, a one-line remedy,
// and what it means for the accounting of the input element it is located at. This table is the
// single source for the report, the README and the SARIF rules.
import type { Severity } from './diagnostics.js';

/**
 * What happened to an input annotation or field (see accounting.ts): converted; converted with a
 * caveat; not converted (the output cannot say it); not supported by the target controller;
 * ignored by design (unreachable, skipped, a duplicate); unknown (no schema or table knows it);
 * invalid (the input is wrong).
 */
export type AccountingStatus = 'converted' | 'caveat' | 'not-converted' | 'unsupported-by-target' | 'ignored' | 'unknown' | 'invalid';

export interface CodeInfo {
  severity: Severity;
  summary: string;
  remedy: string;
  /** Status of the input element the diagnostic is located at (and of everything under it). */
  accounting?: AccountingStatus;
}

export const diagnosticCodes = {
  // Reading input
  'input-unreadable': { severity: 'error', summary: 'A file or directory could not be read.', remedy: 'Check the path and its permissions.' },
  'yaml-syntax': { severity: 'error', summary: 'A document is not valid YAML or JSON; the other documents are still converted.', remedy: 'Fix the syntax at the given line and column.', accounting: 'invalid' },
  'duplicate-key': { severity: 'warning', summary: 'A mapping repeats a key; the last value is used and the earlier ones are ignored, as kubectl does.', remedy: 'Remove the earlier entries, or merge them into the last one.' },
  'yaml-warning': { severity: 'warning', summary: 'The YAML is read, but with a caveat the finding names (a mapping key that is a collection, an unknown directive, an unresolved tag).', remedy: 'Write the document in the plain YAML kubectl reads: string keys, no custom tags or directives.' },
  'helm-template': { severity: 'error', summary: 'A file holds Go template actions ({{ … }}) outside YAML values: it is a template (e.g. from a Helm chart), not a manifest, and is not converted.', remedy: 'Render it first (helm template RELEASE CHART, or kustomize build for an overlay) and convert the output.' },
  'helm-chart': { severity: 'error', summary: 'A directory walk met a Helm chart (a directory with Chart.yaml); its templates are not read, one finding stands for the chart.', remedy: 'Render the chart (helm template RELEASE CHART) and convert the output.' },
  'helm-files-skipped': { severity: 'info', summary: 'Helm files met in a directory walk (Chart.yaml, Chart.lock, values*.yaml, values.schema.json) are skipped, counted in one finding per directory.', remedy: 'Nothing to do; a file named on the command line is read as given.' },
  'object-too-deep': { severity: 'error', summary: 'A document (or List item) is nested more than 200 levels deep, or contains itself through a YAML alias; it is skipped, the other documents are still converted.', remedy: 'Remove the deep nesting or the self-referencing alias: no Kubernetes object needs more than a few dozen levels.', accounting: 'invalid' },
  'input-too-large': { severity: 'error', summary: 'A document goes past a size limit no real manifest reaches (a scalar over 2 MiB, more than 1,000 aliases, or aliases expanding to more than 400,000 nodes); it is skipped, the other documents are still converted.', remedy: 'Remove the oversized value or the alias expansion; the finding names the limit and where it was hit.', accounting: 'invalid' },
  'no-ingress': { severity: 'error', summary: 'The input holds no Ingress, so there is nothing to convert (empty input, kubectl table or error text, or manifests of other kinds); nothing is written.', remedy: 'Pipe kubectl get ingress,ingressclass,service -A -o yaml, or name the files that hold the Ingresses.' },
  'not-an-object': { severity: 'warning', summary: 'A document is not a Kubernetes object (no mapping with apiVersion and kind); it is ignored.', remedy: 'Remove the document, or give it apiVersion and kind.', accounting: 'ignored' },
  'duplicate-object': { severity: 'warning', summary: 'The same object appears more than once in the input; one copy is used.', remedy: 'Pass each object once (e.g. do not list a file twice).', accounting: 'ignored' },
  'conflicting-duplicate': { severity: 'error', summary: 'Two different objects share kind, namespace and name; one is chosen deterministically, the other dropped.', remedy: 'Keep one version of the object in the input.', accounting: 'ignored' },
  // Ingress structure
  'ingress-invalid': { severity: 'error', summary: 'An Ingress violates its schema; it is not converted.', remedy: 'Fix the field so that the Kubernetes API server would accept the Ingress.', accounting: 'invalid' },
  'unknown-field': { severity: 'warning', summary: 'A field the Ingress schema does not define; it is not converted.', remedy: 'Remove the field or fix its spelling.', accounting: 'unknown' },
  'legacy-api-version': { severity: 'warning', summary: 'A pre-v1 Ingress (extensions/v1beta1, networking.k8s.io/v1beta1); converted as networking.k8s.io/v1 would be.', remedy: 'Migrate the manifest to networking.k8s.io/v1.' },
  'annotation-not-converted': { severity: 'warning', summary: 'An annotation this target cannot express; its behaviour is lost unless configured by hand.', remedy: 'Configure the behaviour on the Gateway API side (filters, policies) or keep it in mind when testing.', accounting: 'not-converted' },
  // APISIX annotations
  'unknown-annotation': { severity: 'warning', summary: 'A k8s.apisix.apache.org/* key the APISIX Ingress Controller does not know (often a typo); it does nothing.', remedy: 'Fix the key (the closest known one is suggested).', accounting: 'unknown' },
  'annotation-invalid': { severity: 'warning', summary: 'An APISIX annotation value the controller rejects or ignores; the finding says what AIC 2.x does with it.', remedy: 'Fix the value.', accounting: 'invalid' },
  'annotation-no-effect': { severity: 'info', summary: 'An APISIX annotation that does nothing here (its switch is off, or another annotation takes precedence), as in AIC 2.x.', remedy: 'Remove it, or set the annotation it depends on.', accounting: 'ignored' },
  'annotation-caveat': { severity: 'warning', summary: 'An annotation converted with a behaviour difference the finding explains.', remedy: 'Check the difference against your traffic.', accounting: 'caveat' },
  'plugin-config-not-found': { severity: 'warning', summary: 'plugin-config-name names an ApisixPluginConfig that is not in the input; its plugins cannot be carried over.', remedy: 'Add the ApisixPluginConfig to the input.', accounting: 'not-converted' },
  // Annotations of the tools around Ingress (cert-manager, external-dns)
  'annotation-conflict': { severity: 'warning', summary: 'Ingresses merged into one Gateway or HTTPRoute set different cert-manager or external-dns annotations; the object carries the oldest Ingress\'s set, these values are not used.', remedy: 'Give the Ingresses the same values, or keep them on separate Gateways (hosts) if they must differ.', accounting: 'ignored' },
  'annotation-on-shared-gateway': { severity: 'warning', summary: 'Routes attach to an existing shared Gateway that is not generated; the tool reads this annotation from the Gateway, so its owner must set it there.', remedy: 'Ask the owner of the shared Gateway to set the annotation, or use --create-gateway.', accounting: 'not-converted' },
  'cert-manager-listener-skipped': { severity: 'warning', summary: "cert-manager's gateway-shim creates no Certificate for this HTTPS listener (it has no hostname, or its Secret is not in the Gateway's namespace); the Secret is no longer issued or renewed.", remedy: "List the hosts in tls[].hosts and keep the Secret in the Gateway's namespace, or create a Certificate for the Secret by hand.", accounting: 'caveat' },
  'cert-manager-widened': { severity: 'warning', summary: "The Gateway carries another Ingress's cert-manager annotations; cert-manager now also creates a Certificate for this Ingress's Secret, replacing its content unless a Certificate of that name already exists.", remedy: 'Keep the Secret on a Gateway without cert-manager annotations (another class or namespace), or give this Ingress the same annotations knowingly.', accounting: 'caveat' },
  'ecosystem-setup': { severity: 'info', summary: 'Carried cert-manager or external-dns annotations take effect only when that tool is configured to read Gateway API objects.', remedy: 'Configure the tool as the finding says before deleting the Ingresses.' },
  // Ingress class
  'no-ingress-class': { severity: 'warning', summary: 'The Ingress names no class and the input has no default IngressClass; converted under class "default".', remedy: 'Set spec.ingressClassName, include the default IngressClass, or pass --gateway-class/--gateway.' },
  'multiple-default-classes': { severity: 'warning', summary: 'Several IngressClasses are marked default; the first by name is used.', remedy: 'Mark exactly one IngressClass as default.' },
  'class-mismatch': { severity: 'warning', summary: 'spec.ingressClassName and the kubernetes.io/ingress.class annotation disagree; spec.ingressClassName is used.', remedy: 'Remove the deprecated annotation.', accounting: 'ignored' },
  'shared-gateway-class': { severity: 'warning', summary: 'Ingresses of several classes share the generated Gateway; one gatewayClassName had to be chosen (set --gateway-class).', remedy: 'Pass --gateway-class.' },
  'ingress-class-not-found': { severity: 'error', summary: 'An --ingress-class names a class that no Ingress in the input has (a typo, or the wrong input); when none matches, nothing is written.', remedy: 'Use one of the classes the finding lists, or add the Ingresses of that class to the input.' },
  'skipped-by-class': { severity: 'info', summary: 'The Ingress is not of a class selected with --ingress-class; not converted.', remedy: 'Add its class with --ingress-class if it should be converted.', accounting: 'ignored' },
  // Paths and hosts
  'implementation-specific-path': { severity: 'info', summary: 'pathType ImplementationSpecific is converted as a prefix match (PathPrefix).', remedy: 'Use pathType Prefix or Exact to say what is meant.', accounting: 'caveat' },
  'implementation-specific-pattern': { severity: 'warning', summary: 'An ImplementationSpecific path looks like a regular expression or glob; it is converted literally as PathPrefix, which is what the path means only if its controller treated it literally.', remedy: 'Rewrite the path as Prefix or Exact paths.', accounting: 'caveat' },
  'path-prefix-widened': { severity: 'warning', summary: 'An APISIX ImplementationSpecific path "/x/*" becomes PathPrefix "/x", which also matches "/x" itself (APISIX does not).', remedy: 'Add an Exact "/x" rule if "/x" must not reach this backend.', accounting: 'caveat' },
  'path-too-long': { severity: 'error', summary: 'A path longer than the 1024 characters Gateway API allows; the path is not converted.', remedy: 'Shorten the path.', accounting: 'invalid' },
  'path-regex-invalid': { severity: 'error', summary: 'With use-regex, an ImplementationSpecific path that is not a regular expression (e.g. "/((("); APISIX never matches it, so the path is not converted.', remedy: 'Fix the regular expression.', accounting: 'invalid' },
  'path-as-regex': { severity: 'warning', summary: 'The path has characters Gateway API does not allow in Exact/PathPrefix; converted to an escaped RegularExpression match, whose support and precedence are implementation-specific.', remedy: 'Percent-encode the path, or check that the Gateway implementation supports RegularExpression.', accounting: 'caveat' },
  'exact-path-shadowed': { severity: 'warning', summary: 'An Exact path can never be chosen under Ingress rules because a longer Prefix path (the same path plus "/") wins; Gateway API would choose it, so it is left out.', remedy: 'Remove the unreachable Exact path, or change the Prefix path.', accounting: 'ignored' },
  'duplicate-path': { severity: 'warning', summary: 'Two Ingresses claim the same host, path and path type; the oldest wins, the other is not converted.', remedy: 'Keep the path in one Ingress.', accounting: 'ignored' },
  'wildcard-host': { severity: 'warning', summary: 'Ingress "*." matches exactly one DNS label, Gateway API "*." matches one or more; deeper subdomains now match too.', remedy: 'Check that no deeper subdomain resolves to the Gateway, or list the hosts.', accounting: 'caveat' },
  // Backends
  'service-not-found': { severity: 'error', summary: 'A backend names a Service port by name, and the Service is not in the input; the path is not converted.', remedy: 'Add the Service to the input, or use port.number.', accounting: 'invalid' },
  'service-port-not-found': { severity: 'error', summary: 'A backend names a Service port that the Service does not have; the path is not converted.', remedy: 'Fix the port name.', accounting: 'invalid' },
  'invalid-backend': { severity: 'error', summary: 'A backend Gateway API cannot reference (a resource backend of kind Service without a port, or a kind/group that is not a valid name); the path is not converted.', remedy: 'Use service.name and service.port, or a valid kind and apiGroup.', accounting: 'invalid' },
  'gateway-api-limit': { severity: 'error', summary: 'A value Ingress or its annotation accepts but Gateway API cannot hold (too long, empty, out of range, not a hostname, too many items); the filter, header or backend that would carry it is left out, the rest of the route is converted.', remedy: 'Shorten or fix the value, or configure the behaviour by hand.', accounting: 'not-converted' },
  'resource-backend': { severity: 'warning', summary: 'A resource backend becomes a backendRef of that group and kind; whether the Gateway implementation supports it is implementation-specific.', remedy: 'Check that the Gateway implementation supports this backend kind.', accounting: 'caveat' },
  // TLS and default backends
  'invalid-secret-name': { severity: 'error', summary: 'A tls secretName that is not a valid Secret name; no HTTPS listener is generated for its hosts.', remedy: 'Fix the Secret name.', accounting: 'invalid' },
  'host-across-gateways': { severity: 'warning', summary: 'Ingresses in several namespaces share a host; each namespace gets its own Gateway (and address), so they no longer compete for paths as they did under one controller. Use --gateway to keep them on one Gateway.', remedy: 'Use --gateway NAMESPACE/NAME --create-gateway.', accounting: 'caveat' },
  'tls-conflict': { severity: 'warning', summary: 'Two tls entries give the same host different Secrets; the oldest Ingress wins.', remedy: 'Use one Secret per host.', accounting: 'ignored' },
  'tls-without-secret': { severity: 'warning', summary: 'A tls entry without secretName (SNI routing only) has no Gateway API equivalent; HTTPS for its hosts is not configured.', remedy: 'Add a Secret and an HTTPS listener by hand.', accounting: 'not-converted' },
  'tls-on-shared-gateway': { severity: 'warning', summary: 'Routes attach to an existing shared Gateway; its owner must configure this HTTPS host and certificate.', remedy: 'Add the HTTPS listener to the shared Gateway, or use --create-gateway.', accounting: 'not-converted' },
  'default-backend-shadowed': { severity: 'warning', summary: 'A defaultBackend can never be reached because a host-less Prefix "/" rule catches every request; it is left out.', remedy: 'Remove the unreachable defaultBackend.', accounting: 'ignored' },
  'default-backend-conflict': { severity: 'warning', summary: 'Several Ingresses of one Gateway set a defaultBackend; the oldest wins.', remedy: 'Set the defaultBackend in one Ingress.', accounting: 'ignored' },
  // Output limits and self-checks
  'tls-every-host': { severity: 'warning', summary: 'A tls entry covers host-less rules, i.e. every host; an ADC ssl needs explicit SNIs, so HTTPS works only for the hosts listed.', remedy: 'List the hosts in tls[].hosts.', accounting: 'caveat' },
  'tls-key-material': { severity: 'warning', summary: 'The ADC output carries a private key taken from a Secret in the input.', remedy: 'Treat the output file as a secret (or leave the Secret out of the input to get a reference).' },
  'tls-secret-reference': { severity: 'info', summary: 'The TLS Secret is not in the input; the ADC ssl references it with $secret://, which APISIX must resolve.', remedy: 'Configure an APISIX secret manager, or add the Secret to the input.' },
  'route-split': { severity: 'info', summary: 'A route exceeds a Gateway API limit (16 rules, 128 matches, 16 hostnames) and is split into several routes.', remedy: 'Nothing to do; precedence is computed across routes.' },
  'gateway-split': { severity: 'warning', summary: 'A Gateway would exceed 64 listeners; its listeners are spread over several Gateways, each with its own address.', remedy: "Point each host's DNS at the Gateway that holds its listener, or use ListenerSets." },
  'internal-error': { severity: 'error', summary: 'The converter produced an object that fails its own schema check; the object is not emitted. This is a bug in ing2gw.', remedy: 'Report the input that caused it.' },
  // Target support matrix
  'unsupported-by-target': { severity: 'warning', summary: 'The target controller does not support an emitted resource or field, or an input annotation (per its support matrix).', remedy: 'Follow the alternative the matrix names, or choose another target.', accounting: 'unsupported-by-target' },
  'target-caveat': { severity: 'info', summary: 'The target controller supports an emitted field only partly, or ignores it (per its support matrix).', remedy: 'Read the matrix note; configure the data plane accordingly.' },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof diagnosticCodes;

export function codeInfo(code: string): CodeInfo | undefined {
  return (diagnosticCodes as Record<string, CodeInfo>)[code];
}
