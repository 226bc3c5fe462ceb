// The Kubernetes client is an optional peer dependency: about 55 MB that only reading a live
// cluster needs, so a plain install leaves it out. Load it when a cluster is read, never at start.
import { UsageError } from './context.js';

export type KubernetesClient = typeof import('@kubernetes/client-node');

const PACKAGE = '@kubernetes/client-node';

/** `load` is for tests; a missing client (not a broken one) becomes a usage error that says how to install it. */
export async function loadKubernetesClient(load: () => Promise<unknown> = () => import('@kubernetes/client-node')): Promise<KubernetesClient> {
  try {
    return (await load()) as KubernetesClient;
  } catch (e) {
    if (!isMissing(e)) throw e;
    throw new UsageError(
      `reading a cluster needs ${PACKAGE}, which is not installed (it is optional): install it beside ing2gw ` +
        `(npm i -g ${PACKAGE} next to a global ing2gw, npm i -D ${PACKAGE} in a project, npx -p ing2gw -p ${PACKAGE} ing2gw …)`,
    );
  }
}

/** Node's error for this package itself not being found; a package of its own that is missing stays a crash to report. */
function isMissing(e: unknown): boolean {
  const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown };
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && typeof message === 'string' && message.includes(`'${PACKAGE}'`);
}
