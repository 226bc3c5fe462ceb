// Small manifests written inline by the CLI tests.

/** One plain networking.k8s.io/v1 Ingress with a single host and path. */
export function ingress(name: string, host: string, o: { namespace?: string; className?: string; pathType?: string; port?: number; portName?: string; service?: string; tlsSecret?: string } = {}): string {
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  namespace: ${o.namespace ?? 'web'}
spec:
  ingressClassName: ${o.className ?? 'nginx'}
  rules:
  - host: ${host}
    http:
      paths:
      - path: /
        pathType: ${o.pathType ?? 'Prefix'}
        backend:
          service:
            name: ${o.service ?? name}
            port:
              ${o.portName ? `name: ${o.portName}` : `number: ${o.port ?? 80}`}
${o.tlsSecret ? `  tls:\n  - hosts:\n    - ${host}\n    secretName: ${o.tlsSecret}\n` : ''}`;
}
