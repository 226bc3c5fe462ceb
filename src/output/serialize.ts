// Emitted objects → text. Order is by kind, then namespace/name, so the same set of objects always
// gives the same bytes.
import { emitYaml, emitYamlChunks } from './yaml-emit.js';

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
  // Keys computed once per object, not once per comparison.
  const keyed = objects.map((object) => ({ object, rank: rank(object.kind), kind: object.kind, key: `${object.metadata.namespace ?? ''}/${object.metadata.name}` }));
  keyed.sort((a, b) => a.rank - b.rank || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.object);
}

const JSON_BATCH = 256;
const JSON_ITEMS_OPEN = '{\n  "items": [\n';
const JSON_ITEMS_CLOSE = '\n  ]\n}';

/** Multi-document YAML, or (json) one `kind: List` as kubectl prints it. */
export function serialize(objects: readonly KubernetesObject[], format: OutputFormat): string {
  return [...serializeChunks(objects, format)].join('');
}

/**
 * The same text as `serialize`, one object at a time, so a large output can be written as it is
 * made instead of being held twice (as pieces and as one string).
 */
export function* serializeChunks(objects: readonly KubernetesObject[], format: OutputFormat): Generator<string> {
  const sorted = sortObjects(objects);
  if (format === 'json') {
    // What JSON.stringify({ apiVersion, kind, items }, null, 2) writes, item by item.
    if (sorted.length === 0) {
      yield `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [] }, null, 2)}\n`;
      return;
    }
    yield '{\n  "apiVersion": "v1",\n  "kind": "List",\n  "items": [\n';
    // A batch stringified as the items of `{ items }` comes out indented as the List's items are:
    // cut off that wrapper and it is the List's text for those items.
    for (let start = 0; start < sorted.length; start += JSON_BATCH) {
      const text = JSON.stringify({ items: sorted.slice(start, start + JSON_BATCH) }, null, 2);
      const last = start + JSON_BATCH >= sorted.length;
      yield `${text.slice(JSON_ITEMS_OPEN.length, -JSON_ITEMS_CLOSE.length)}${last ? '' : ','}\n`;
    }
    yield '  ]\n}\n';
    return;
  }
  for (let i = 0; i < sorted.length; i++) yield i === 0 ? emitYaml(sorted[i]) : `---\n${emitYaml(sorted[i])}`;
}

/** An ADC declarative configuration file: YAML, or JSON on request. */
export function serializeAdc(config: object, format: OutputFormat): string {
  return [...serializeAdcChunks(config, format)].join('');
}

/** serializeAdc's text in pieces (YAML service by service), to be written as it is made. */
export function* serializeAdcChunks(config: object, format: OutputFormat): Generator<string> {
  if (format === 'json') yield `${JSON.stringify(config, null, 2)}\n`;
  else yield* emitYamlChunks(config);
}
