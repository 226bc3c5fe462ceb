// Emitted objects → text. Order is by kind, then namespace/name, so the same set of objects always
// gives the same bytes.
import { stringify } from 'yaml';
import { emitYaml } from './yaml-emit.js';

export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
}

export type OutputFormat = 'yaml' | 'json';

/** Kinds in the order a reader (and kubectl apply) wants them: parents before children. */
const kindOrder = ['GatewayClass', 'Gateway', 'ReferenceGrant', 'HTTPRoute'];

export function sortObjects<T extends KubernetesObject>(objects: readonly T[]): T[] {
  const rank = (kind: string) => {
    const i = kindOrder.indexOf(kind);
    return i < 0 ? kindOrder.length : i;
  };
  const key = (o: T) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  return [...objects].sort((a, b) => rank(a.kind) - rank(b.kind) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Multi-document YAML, or (json) one `kind: List` as kubectl prints it. */
export function serialize(objects: readonly KubernetesObject[], format: OutputFormat): string {
  const sorted = sortObjects(objects);
  if (format === 'json') return `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: sorted }, null, 2)}\n`;
  return sorted.map(toYaml).join('---\n');
}

/** An ADC declarative configuration file: YAML, or JSON on request. */
export function serializeAdc(config: object, format: OutputFormat): string {
  return format === 'json' ? `${JSON.stringify(config, null, 2)}\n` : toYaml(config);
}

/** The fast emitter where it can say the value, `yaml` where it cannot: the same bytes either way. */
export function toYaml(value: unknown): string {
  return emitYaml(value) ?? stringify(value, yamlOptions);
}

export const yamlOptions = { lineWidth: 0, aliasDuplicateObjects: false } as const;
