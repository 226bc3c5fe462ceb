// What an input that holds no Kubernetes object most likely is, from its first bytes: the usual
// mistakes of a pipeline (`kubectl get ingress` without `-o yaml`, an expired login's error text,
// an empty file) get a sentence that says what went wrong.

const SNIFF_BYTES = 4096;

/** A sentence saying what the input looks like instead of manifests, or undefined. */
export function describeNonManifest(content: string | Uint8Array): string | undefined {
  const head = typeof content === 'string' ? content.slice(0, SNIFF_BYTES) : new TextDecoder().decode(content.subarray(0, SNIFF_BYTES));
  const firstLine = head
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .find((line) => line.trim() !== '' && !line.startsWith('#'));
  if (firstLine === undefined) return 'it is empty';
  const line = printable(firstLine.trim());
  if (/^(NAMESPACE|NAME)\s{2,}\S/.test(firstLine)) return `it looks like kubectl's table output ("${line}"): add -o yaml (kubectl get ingress,ingressclass,service -A -o yaml)`;
  if (/^(error|Error from server|Unable to connect to the server|The connection to the server|E\d{4} )/.test(firstLine)) return `it looks like an error message, not manifests ("${line}"): run the kubectl command on its own first (is the login still valid?)`;
  if (/^No resources found/.test(firstLine)) return `kubectl found nothing ("${line}")`;
  return undefined;
}

/** At most 120 characters, without control or bidi characters (they would reach a terminal raw). */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '?');
  return clean.length > 120 ? `${clean.slice(0, 117)}...` : clean;
}
