// What the text and markdown reports share: the findings grouped by level and code; the one thing
// to do next (the command or edit that fixes the top finding: the first error, else the most
// frequent warning); and whether the per-namespace Gateways deserve a shared one.
import { codeInfo } from './codes.js';
import { formatObject, type Diagnostic, type Severity } from './diagnostics.js';
import type { Report } from './report.js';

/** The dump command that brings the objects a conversion looks up (Services, IngressClasses). */
export const DUMP_COMMAND = 'kubectl get ingress,ingressclass,service -A -o yaml | ing2gw convert -';

const SHARED_GATEWAY_FLAGS = '--gateway NAMESPACE/NAME --create-gateway';

/** Codes whose fix is a command rather than an edit at the finding's place. */
const commands: Record<string, NextStep> = {
  'service-not-found': { text: 'include the Services in the input', command: DUMP_COMMAND },
  'no-ingress-class': { text: 'include the IngressClasses in the input, or pass --gateway-class NAME', command: DUMP_COMMAND },
  'plugin-config-not-found': { text: 'include the ApisixPluginConfigs in the input', command: 'kubectl get ingress,ingressclass,service,apisixpluginconfig -A -o yaml | ing2gw convert -' },
  'host-across-gateways': { text: 'keep one Gateway for every namespace: convert with', command: SHARED_GATEWAY_FLAGS },
  'shared-gateway-class': { text: 'choose the class of the shared Gateway: convert with', command: '--gateway-class NAME' },
};

/** What to do, in words, and the command that does it when there is one. */
export interface NextStep {
  text: string;
  command?: string;
}

export interface GroupOfFindings {
  code: string;
  /** In report order (by location). */
  findings: Diagnostic[];
}

/** The findings by level and code (the largest group first, then in the order of their first finding), the errors, and which findings the baseline knows. */
export function findingGroups(report: Report): { bySeverity: Record<Severity, GroupOfFindings[]>; errors: Diagnostic[]; isKnown: (d: Diagnostic) => boolean } {
  const known = report.baseline?.known;
  const bySeverity: Record<Severity, GroupOfFindings[]> = { error: [], warning: [], info: [] };
  const groups = new Map<string, GroupOfFindings>();
  for (const d of report.diagnostics) {
    const key = `${d.severity}\u0000${d.code}`;
    let group = groups.get(key);
    if (!group) {
      group = { code: d.code, findings: [] };
      groups.set(key, group);
      bySeverity[d.severity].push(group);
    }
    group.findings.push(d);
  }
  for (const list of Object.values(bySeverity)) list.sort((a, b) => b.findings.length - a.findings.length); // stable: ties keep report order
  const errors = report.diagnostics.filter((d) => d.severity === 'error'); // in report order
  return { bySeverity, errors, isKnown: (d) => known?.has(d) === true };
}

/**
 * The finding to act on first: the first new error, else the first of the largest group of new
 * warnings (`groups` in report order). Known findings (in the baseline) come only when nothing
 * is new.
 */
export function topFinding(errors: readonly Diagnostic[], warningGroups: readonly GroupOfFindings[], isKnown: (d: Diagnostic) => boolean): { finding: Diagnostic; count: number } | undefined {
  const firstError = errors.find((d) => !isKnown(d));
  if (firstError) return { finding: firstError, count: 1 };
  let best: { finding: Diagnostic; count: number } | undefined;
  for (const g of warningGroups) {
    const fresh = g.findings.filter((d) => !isKnown(d));
    if (fresh.length > 0 && (!best || fresh.length > best.count)) best = { finding: fresh[0]!, count: fresh.length };
  }
  return best;
}

/** The next step for the top finding, or for a report without new errors and warnings. */
export function nextStep(top: { finding: Diagnostic; count: number } | undefined): NextStep {
  if (!top) return { text: 'nothing to fix: no new errors or warnings' };
  const d = top.finding;
  const what = top.count > 1 ? `${top.count} × ${d.code}` : d.code;
  const where = d.location ? `, ${top.count > 1 ? 'first at' : 'at'} ${d.location.file}${d.location.line === undefined ? '' : `:${d.location.line}`}` : '';
  const object = d.object ? `, ${formatObject(d.object)}` : '';
  const known = commands[d.code];
  if (known) return { text: `${known.text} (${what})`, ...(known.command ? { command: known.command } : {}) };
  const remedy = d.hint ?? codeInfo(d.code)?.remedy ?? '';
  return { text: `${stripPeriod(remedy)} (${what}${where}${object})` };
}

/** Generated Gateways of one class in several namespaces: one address each. */
export function gatewayHint(report: Report): NextStep | undefined {
  const many = Object.entries(report.summary.gateways)
    .filter(([, g]) => g.namespaces > 1)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (many.length === 0) return undefined;
  const described = many.map(([name, g]) => `class ${name}: ${g.gateways} Gateways in ${g.namespaces} namespaces`).join('; ');
  return { text: `${described}, each with its own load-balancer address where one controller served them all; to keep one Gateway, convert with`, command: SHARED_GATEWAY_FLAGS };
}

function stripPeriod(text: string): string {
  const first = text.charAt(0).toLowerCase() + text.slice(1);
  return first.endsWith('.') ? first.slice(0, -1) : first;
}
