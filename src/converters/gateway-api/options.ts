export interface NamespacedName {
  namespace: string;
  name: string;
}

/** Options of the Gateway API conversion. */
export interface GatewayApiOptions {
  /** Convert only Ingresses of these classes (empty or undefined: all). */
  ingressClasses?: readonly string[] | undefined;
  /** gatewayClassName of emitted Gateways (default: the ingress class). */
  gatewayClass?: string | undefined;
  /** Attach every route to this existing Gateway instead of one Gateway per namespace and class. */
  sharedGateway?: NamespacedName | undefined;
  /** With sharedGateway: also emit it (listeners allow routes from all namespaces). */
  createSharedGateway?: boolean | undefined;
  /** Also emit APISIX Ingress Controller 2.x extension kinds (PluginConfig, BackendTrafficPolicy). */
  apisixExtensions?: boolean | undefined;
}
