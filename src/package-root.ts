import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The folder that holds `package.json`, `templates/` and `locales/`, found by walking up from this module, so the
 * same code finds them from `src/` under the tests and from `dist/src/` once built.
 */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!(existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'locales')))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('hc-correspondence: package.json and locales/ not found above the code');
    dir = parent;
  }
  root = dir;
  return dir;
}
