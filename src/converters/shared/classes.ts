// Which class an Ingress belongs to, and whether it is selected for conversion.
import type { Ingress, IngressClass } from '../../ir/model.js';
import type { DiagnosticSink } from '../../reporter/sink.js';

/** Class of Ingresses that name none and have no default IngressClass to fall back on. */
export const FALLBACK_CLASS = 'default';

export interface ClassifiedIngress {
  ingress: Ingress;
  className: string;
}

export function defaultIngressClass(classes: readonly IngressClass[], sink: DiagnosticSink): IngressClass | undefined {
  const defaults = classes.filter((c) => c.isDefault); // already sorted by name
  if (defaults.length > 1) {
    sink.add('multiple-default-classes', `IngressClasses ${defaults.map((c) => c.name).join(', ')} are all marked default; "${defaults[0]!.name}" is used`, {
      location: defaults[1]!.location,
      object: { kind: 'IngressClass', name: defaults[1]!.name },
    });
  }
  return defaults[0];
}

/**
 * spec.ingressClassName, else the kubernetes.io/ingress.class annotation, else the default
 * IngressClass of the input; Ingresses not in `selected` (when given) are reported and left out.
 */
export function classifyIngresses(
  ingresses: readonly Ingress[],
  defaultClass: IngressClass | undefined,
  selected: readonly string[] | undefined,
  sink: DiagnosticSink,
): ClassifiedIngress[] {
  const filter = selected && selected.length > 0 ? new Set(selected) : undefined;
  const result: ClassifiedIngress[] = [];
  for (const ingress of ingresses) {
    const className = ingress.ingressClassName?.value ?? ingress.classAnnotation?.value ?? defaultClass?.name;
    if (ingress.ingressClassName && ingress.classAnnotation && ingress.ingressClassName.value !== ingress.classAnnotation.value) {
      sink.add('class-mismatch', `annotation kubernetes.io/ingress.class "${ingress.classAnnotation.value}" disagrees with spec.ingressClassName "${ingress.ingressClassName.value}"; "${ingress.ingressClassName.value}" is used`, {
        location: ingress.classAnnotation.location,
        object: ingress.ref,
      });
    }
    if (filter && (className === undefined || !filter.has(className))) {
      sink.add('skipped-by-class', `class ${className === undefined ? '(none)' : `"${className}"`} is not selected by --ingress-class`, {
        location: ingress.location,
        object: ingress.ref,
      });
      continue;
    }
    if (className === undefined) {
      sink.add('no-ingress-class', `no ingress class (spec.ingressClassName, annotation kubernetes.io/ingress.class, or a default IngressClass in the input); converted under class "${FALLBACK_CLASS}"`, {
        location: ingress.location,
        object: ingress.ref,
        hint: 'set spec.ingressClassName, include the default IngressClass in the input, or use --gateway-class/--gateway',
      });
    }
    result.push({ ingress, className: className ?? FALLBACK_CLASS });
  }
  if (filter) reportUnmatchedClasses(ingresses, defaultClass, filter, sink);
  return result;
}

/** Each selected class that no Ingress has: a typo there would silently convert nothing. */
function reportUnmatchedClasses(ingresses: readonly Ingress[], defaultClass: IngressClass | undefined, filter: ReadonlySet<string>, sink: DiagnosticSink): void {
  const present = new Map<string, number>();
  for (const ingress of ingresses) {
    const className = ingress.ingressClassName?.value ?? ingress.classAnnotation?.value ?? defaultClass?.name ?? '(none)';
    present.set(className, (present.get(className) ?? 0) + 1);
  }
  const classes = [...present].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, n]) => `${name} (${n})`);
  for (const wanted of [...filter].sort()) {
    if (present.has(wanted)) continue;
    sink.add('ingress-class-not-found', `--ingress-class "${wanted}" matches no Ingress in the input; the classes present are: ${classes.length > 0 ? classes.join(', ') : 'none (the input has no Ingress)'}`, {
      hint: classes.length > 0 ? `use one of: ${[...present.keys()].filter((c) => c !== '(none)').sort().map((c) => `--ingress-class ${c}`).join(', ')}` : undefined,
    });
  }
}
