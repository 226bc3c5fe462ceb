// The converter's own check of the ADC it writes: the JSON Schema's essentials and the rules ADC
// enforces only in code (upstream nodes xor discovery, no id on an inline upstream, non-empty
// uris and certificates, numbers as numbers). A failing service or ssl is reported, never written.
import type { DiagnosticSink } from '../../reporter/sink.js';
import type { AdcConfiguration, AdcService, AdcSsl } from './types.js';

const idPattern = /^[a-zA-Z0-9-_.]+$/;

function serviceProblems(s: AdcService): string[] {
  const problems: string[] = [];
  const u = s.upstream as AdcService['upstream'] & { id?: unknown };
  if (u.id !== undefined) problems.push('an inline upstream has no id');
  if ((u.nodes !== undefined) === (u.discovery_type !== undefined && u.service_name !== undefined)) problems.push('the upstream needs nodes or discovery_type+service_name, not both');
  for (const n of u.nodes ?? []) if (!Number.isInteger(n.port) || n.port < 1 || n.port > 65535 || !Number.isInteger(n.weight)) problems.push(`node ${n.host}: port and weight must be integers`);
  if (s.id !== undefined && !idPattern.test(s.id)) problems.push(`id ${s.id} has characters ADC does not allow`);
  if (s.routes.length === 0) problems.push('a service needs a route');
  for (const r of s.routes) {
    if (r.uris.length === 0) problems.push(`route ${r.name}: uris must not be empty`);
    if (r.id !== undefined && !idPattern.test(r.id)) problems.push(`route ${r.name}: id has characters ADC does not allow`);
  }
  return problems;
}

function sslProblems(ssl: AdcSsl): string[] {
  return [...(ssl.snis.length === 0 ? ['snis must not be empty'] : []), ...(ssl.certificates.length === 0 ? ['certificates must not be empty'] : [])];
}

export function checkAdc(config: AdcConfiguration, sink: DiagnosticSink): AdcConfiguration {
  const keep = <T>(items: T[] | undefined, problemsOf: (t: T) => string[], nameOf: (t: T) => string): T[] | undefined => {
    const kept = (items ?? []).filter((item) => {
      const problems = problemsOf(item);
      if (problems.length === 0) return true;
      sink.add('internal-error', `${nameOf(item)} was not written: ${problems.join('; ')}`, { hint: 'please report this with the input that caused it' });
      return false;
    });
    return kept.length > 0 ? kept : undefined;
  };
  const services = keep(config.services, serviceProblems, (s) => `ADC service ${s.name}`);
  const ssls = keep(config.ssls, sslProblems, (s) => `ADC ssl ${s.snis.join(',')}`);
  return { ...(services ? { services } : {}), ...(ssls ? { ssls } : {}) };
}
