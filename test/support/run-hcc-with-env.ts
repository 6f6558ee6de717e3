import { spawn } from 'node:child_process';
import { HCC } from './run-hcc.js';

export interface HccRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The built `hcc` in a child process with extra environment variables (`HCC_LOG`, `HCC_DB`…),
 * killed after `killAfterMs`. Needs `npm run build` first (`assertBuildIsCurrent`).
 */
export function runHccWithEnv(argv: readonly string[], env: Readonly<Record<string, string>> = {}, killAfterMs = 120_000): Promise<HccRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(HCC, [...argv], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env }, timeout: killAfterMs });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}
