import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

// The built `hcc` in a child process, as a user or a pipeline runs it. Needs `npm run build`
// first (npm run check does it) and GNU time at /usr/bin/time (Debian: `time`).

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const HCC = join(ROOT, 'dist/src/cli/main.js');
export const TIME = '/usr/bin/time';

/** Raw characters a terminal acts on or that reorder what it shows; LF ends our lines and is allowed. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/u;

export interface ChildRun {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly elapsedMs: number;
  readonly peakRssKb: number;
}

/**
 * Runs `hcc` under GNU time, which reports the child's peak resident memory from the kernel
 * (getrusage of the waited process) without any code in the child: the command runs exactly as
 * installed, through its `#!` line and its heap flag. time writes to a file of its own, so the
 * child's stderr stays what the command wrote. The child is killed after `killAfterMs`.
 */
export function runHcc(argv: readonly string[], rssFile: string, killAfterMs: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(TIME, ['-f', '%M', '-o', rssFile, HCC, ...argv], { stdio: ['ignore', 'pipe', 'pipe'], timeout: killAfterMs });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      const lines = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n') : [];
      resolve({
        exitCode,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        elapsedMs: performance.now() - started,
        // "Command exited with non-zero status 1" comes first when the exit code is not 0.
        peakRssKb: Number(lines.at(-1)),
      });
    });
  });
}

/** The build must be newer than every source file, or the test would judge old code. */
export function assertBuildIsCurrent(): void {
  if (!existsSync(HCC)) throw new Error(`${relative(ROOT, HCC)} is missing: run npm run build first`);
  const stale: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const built = join(ROOT, 'dist', relative(ROOT, path)).replace(/\.ts$/, '.js');
        if (!existsSync(built) || statSync(built).mtimeMs < statSync(path).mtimeMs) stale.push(relative(ROOT, path));
      }
    }
  };
  walk(join(ROOT, 'src'));
  if (stale.length > 0) throw new Error(`dist/ is older than ${stale.slice(0, 3).join(', ')}: run npm run build first`);
}

/** What no output of `hcc` may ever contain: a stack trace, Node's internals, an unexpected error, raw control characters. */
export function expectCleanOutput(run: ChildRun, context: string): void {
  const output = `${run.stdout}${run.stderr}`;
  expect(output, context).not.toMatch(/^ {4}at /m);
  expect(output, context).not.toContain('node:internal');
  expect(output, context).not.toContain('INTERNAL');
  expect(output, context).not.toMatch(RAW_CONTROL);
}
