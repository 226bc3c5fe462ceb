// Every test that reads ../shared, in one table: the tests take their skip reason from it, and
// `npm test` prints one line from it at its start when ../shared (or part of it) is missing.
// test/shared-notice.test.ts runs these files without ../shared and checks the count.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { goldenCases } from './golden.js';
import { sharedDir } from './repo.js';

const GATEWAY_API = 'gateway-api/v1.6.1/standard';
const APISIX_CRDS = 'apisix-crds/2.2.0';
const ADC_SCHEMA = 'adc/schema.json';
const REALWORLD = 'realworld';

interface SharedUse {
  /** Compiled test file (dist/test/…) holding the tests. */
  file: string;
  /** What the tests check with it, for the notice. */
  what: string;
  /** Paths under ../shared the tests read. */
  needs: string[];
  /** How many tests (or suites) skip without them. */
  skipped: () => number;
  /** What the file's other tests check less without them (they still run). */
  less?: string;
}

export const sharedUses = {
  gatewayApiSchema: { file: 'gateway-api-schema.test.js', what: 'official CRD schemas', needs: [GATEWAY_API], skipped: () => 1 },
  officialSchema: { file: 'official-schema.test.js', what: 'official CRD schemas', needs: [GATEWAY_API, APISIX_CRDS], skipped: () => goldenCases().length },
  realworld: { file: 'official-schema.test.js', what: 'real-world manifests', needs: [GATEWAY_API, APISIX_CRDS, REALWORLD], skipped: () => 1 },
  determinism: { file: 'determinism.test.js', what: 'official CRD schemas', needs: [GATEWAY_API, APISIX_CRDS], skipped: () => 2 },
  adc: { file: 'adc.test.js', what: 'ADC schema', needs: [ADC_SCHEMA], skipped: () => goldenCases().length },
  regressions: { file: 'regressions.test.js', what: 'official CRD schemas', needs: [GATEWAY_API, APISIX_CRDS], skipped: () => 0, less: 'regression outputs not checked against the CRDs' },
  hostileAnnotations: { file: 'hostile-annotations.test.js', what: 'official CRD schemas', needs: [GATEWAY_API, APISIX_CRDS, ADC_SCHEMA], skipped: () => 0, less: 'hostile-input outputs not checked against the schemas' },
  hostileOutput: { file: 'hostile-output.test.js', what: 'official CRD schemas', needs: [GATEWAY_API, APISIX_CRDS, ADC_SCHEMA], skipped: () => 0, less: 'hostile-input outputs not checked against the schemas' },
  inputBytes: { file: 'input-bytes.test.js', what: 'real-world manifests', needs: [REALWORLD], skipped: () => 0, less: 'byte-wise reading compared on fixtures only' },
} satisfies Record<string, SharedUse>;

/** Every skip reason below starts with this. */
export const SHARED_SKIP = 'needs ../shared/';

function missing(use: SharedUse): string | undefined {
  return use.needs.find((path) => sharedDir === undefined || !existsSync(join(sharedDir, path)));
}

/** The `skip` option of the tests of one use: false when ../shared has what they read. */
export function sharedSkip(use: keyof typeof sharedUses): false | string {
  const path = missing(sharedUses[use]);
  return path === undefined ? false : `${SHARED_SKIP}${path}, not found beside the repository`;
}

/** One line saying what is skipped and checked less without ../shared, or undefined when nothing is. */
export function sharedNotice(): string | undefined {
  const absent = Object.values(sharedUses).filter((use: SharedUse) => missing(use) !== undefined) as SharedUse[];
  if (absent.length === 0) return undefined;
  const count = absent.reduce((sum, use) => sum + use.skipped(), 0);
  const whats = [...new Set(absent.map((use) => use.what))].join(', ');
  const less = absent.flatMap((use) => (use.less ? [use.less] : []));
  const where = sharedDir === undefined ? '../shared not found' : `../shared incomplete (${[...new Set(absent.map(missing))].join(', ')} missing)`;
  return `note: ${where}: ${count} checks skipped (${whats})${less.length > 0 ? `; ${[...new Set(less)].join('; ')}` : ''}`;
}
