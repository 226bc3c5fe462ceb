// ADC declarative-config validation: the vendored JSON Schema (draft 2020-12, ../shared/adc) plus
// the rules ADC checks in code that the schema does not capture (../shared/adc/README.md).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { sharedDir } from './repo.js';

export type AdcValidator = (config: unknown) => string[];

let cached: AdcValidator | undefined | null = null;

export function loadAdcValidator(): AdcValidator | undefined {
  if (cached !== null) return cached;
  const file = sharedDir ? join(sharedDir, 'adc', 'schema.json') : undefined;
  if (!file || !existsSync(file)) return (cached = undefined);
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
  cached = (config: unknown) => {
    const errors = validate(config) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`);
    return [...errors, ...refines(config)];
  };
  return cached;
}

interface Upstream {
  id?: string;
  nodes?: unknown[];
  discovery_type?: string;
  service_name?: string;
}

function refines(config: unknown): string[] {
  const errors: string[] = [];
  const c = config as { services?: { name: string; upstream?: Upstream; upstreams?: unknown[]; routes?: unknown[]; stream_routes?: unknown[]; path_prefix?: string }[]; ssls?: { certificates?: unknown[] }[] };
  for (const s of c.services ?? []) {
    const u = s.upstream;
    if (u) {
      const hasNodes = u.nodes !== undefined;
      const hasDiscovery = u.discovery_type !== undefined && u.service_name !== undefined;
      if (hasNodes === hasDiscovery) errors.push(`service ${s.name}: the upstream must have nodes or discovery_type+service_name, not both`);
      if (u.id !== undefined) errors.push(`service ${s.name}: an inline upstream has no id`);
    }
    if (s.routes && s.stream_routes) errors.push(`service ${s.name}: routes and stream_routes are exclusive`);
    if (s.upstreams && !s.upstream) errors.push(`service ${s.name}: upstreams need a default upstream`);
    if (s.path_prefix !== undefined && !s.path_prefix.startsWith('/')) errors.push(`service ${s.name}: path_prefix must start with /`);
  }
  for (const [i, ssl] of (c.ssls ?? []).entries()) if (!ssl.certificates || ssl.certificates.length === 0) errors.push(`ssls[${i}]: certificates must not be empty`);
  return errors;
}
