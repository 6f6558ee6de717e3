import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const PREFIX = 'hcc-test-run-';

/**
 * vitest's global setup: every temporary folder a test makes (with os.tmpdir(), in this process,
 * its workers or their child processes) lands in one folder of this run, removed when it ends.
 */
export default function setup(): () => void {
  // vitest runs a global setup once per project: the run's folder is made once, not nested per
  // project (Chromium's singleton socket path must stay under the 108 bytes a Unix socket allows).
  if (basename(tmpdir()).startsWith(PREFIX)) return () => undefined;
  const root = mkdtempSync(join(tmpdir(), PREFIX));
  process.env.TMPDIR = root;
  return () => {
    rmSync(root, { recursive: true, force: true });
  };
}
