import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the directory holding package.json), from source or compiled location. */
export const repoRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the test helpers');
    dir = parent;
  }
  return dir;
})();

/**
 * `../shared` beside the checkout, when present (CI and developers have it; the product never needs it).
 * ING2GW_SHARED_DIR names another place, so that a test can run the suite as if it were absent.
 */
export const sharedDir: string | undefined = (() => {
  const dir = process.env.ING2GW_SHARED_DIR ?? resolve(repoRoot, '..', 'shared');
  return existsSync(dir) ? dir : undefined;
})();
