import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * vitest's global setup: every temporary folder a test makes (with os.tmpdir(), in this process,
 * its workers or their child processes) lands in one folder of this run, removed when it ends.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'hcc-test-run-'));
  process.env.TMPDIR = root;
  return () => {
    rmSync(root, { recursive: true, force: true });
  };
}
