import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateInputCases, type HostileCase } from '../hostile/generate-input-cases.js';

// End to end: the built `hcc` in a child process, as a user or a pipeline runs it. Needs
// `npm run build` first (npm run check does it) and GNU time at /usr/bin/time (Debian: `time`).

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HCC = join(ROOT, 'dist/src/cli/main.js');
const TIME = '/usr/bin/time';

/**
 * Generous bound per case on a shared, loaded 2-core machine: start-up alone takes 0.5–1 s there,
 * and the worst case (a 150 MB line read to its end) about 1 s more. What this guards against,
 * a stack overflow, a parse quadratic in the input or a read that blocks, takes minutes or forever.
 */
const TIME_BOUND_MS = 15_000;
/** The child is killed past this, so that a hang fails the test instead of stalling the suite. */
const KILL_AFTER_MS = 60_000;
const MEMORY_BOUND_KB = 256 * 1024;

/** Raw characters a terminal acts on or that reorder what it shows; LF ends our lines and is allowed. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/u;

interface ChildRun {
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
 * child's stderr stays what the command wrote.
 */
function runHcc(argv: readonly string[], rssFile: string): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(TIME, ['-f', '%M', '-o', rssFile, HCC, ...argv], { stdio: ['ignore', 'pipe', 'pipe'], timeout: KILL_AFTER_MS });
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
function assertBuildIsCurrent(): void {
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

const work = mkdtempSync(join(tmpdir(), 'hcc-hostile-'));
// Generated while the file is collected, so that each case is a test of its own, named in the report.
assertBuildIsCurrent();
const cases: HostileCase[] = await generateInputCases(join(work, 'inputs'));

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('hcc on hostile input: bounded, never a crash, a hang or raw control characters', () => {
  it('has a case for every kind of input the issue lists', () => {
    const names = cases.map((c) => c.name).join('\n');
    for (const kind of ['100k open arrays', '10k closed objects', 'twice at the top level', 'twice in a nested object', 'invalid UTF-8', '150 MB', 'FIFO given', 'FIFO inside', '/dev/zero', 'empty file', 'BOM', '60,000 unknown keys', '100,000-element array', 'NUL', 'ANSI escapes in a key', 'ANSI escapes and a newline in the decision id', 'key of 10,000 characters']) {
      expect(names).toContain(kind);
    }
    expect(existsSync(TIME), `${TIME} is missing: install GNU time (Debian package "time")`).toBe(true);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const run = await runHcc(c.argv, join(work, `rss-${String(cases.indexOf(c))}`));
    const output = `${run.stdout}${run.stderr}`;
    const context = `${c.name}\n--- stdout\n${run.stdout.slice(0, 2000)}\n--- stderr\n${run.stderr.slice(0, 2000)}`;

    expect(run.signal, context).toBeNull();
    expect([0, 1, 2], context).toContain(run.exitCode);
    expect(run.exitCode, context).toBe(c.exitCode);
    expect(output, context).not.toMatch(/^ {4}at /m);
    expect(output, context).not.toContain('node:internal');
    expect(output, context).not.toContain('INTERNAL');
    expect(output, context).not.toMatch(RAW_CONTROL);
    for (const code of c.codes) expect(output, context).toContain(code);
    for (const text of c.mentions ?? []) expect(output, context).toContain(text);
    if (c.json) expect(() => JSON.parse(run.stdout) as unknown, context).not.toThrow();
    expect(run.elapsedMs, context).toBeLessThan(TIME_BOUND_MS);
    expect(run.peakRssKb, context).toBeGreaterThan(0);
    expect(run.peakRssKb, context).toBeLessThan(MEMORY_BOUND_KB);
  }, KILL_AFTER_MS + 10_000);
});
