import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateInputCases, type HostileCase } from '../hostile/generate-input-cases.js';
import { assertBuildIsCurrent, expectCleanOutput, ROOT, runHcc, TIME } from '../support/run-hcc.js';

// End to end: the built `hcc` in a child process (test/support/run-hcc.ts), on malformed input.

/**
 * Generous bound per case on a shared, loaded 2-core machine: start-up alone takes 0.5–1 s there,
 * and the worst case (a 150 MB line read to its end) about 1 s more. What this guards against,
 * a stack overflow, a parse quadratic in the input or a read that blocks, takes minutes or forever.
 */
const TIME_BOUND_MS = 15_000;
/** The child is killed past this, so that a hang fails the test instead of stalling the suite. */
const KILL_AFTER_MS = 60_000;
const MEMORY_BOUND_KB = 256 * 1024;

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
    const run = await runHcc(c.argv, join(work, `rss-${String(cases.indexOf(c))}`), KILL_AFTER_MS);
    const output = `${run.stdout}${run.stderr}`;
    const context = `${c.name}\n--- stdout\n${run.stdout.slice(0, 2000)}\n--- stderr\n${run.stderr.slice(0, 2000)}`;

    expect(run.signal, context).toBeNull();
    expect([0, 1, 2], context).toContain(run.exitCode);
    expect(run.exitCode, context).toBe(c.exitCode);
    expectCleanOutput(run, context);
    for (const code of c.codes) expect(output, context).toContain(code);
    for (const text of c.mentions ?? []) expect(output, context).toContain(text);
    if (c.json) expect(() => JSON.parse(run.stdout) as unknown, context).not.toThrow();
    expect(run.elapsedMs, context).toBeLessThan(TIME_BOUND_MS);
    expect(run.peakRssKb, context).toBeGreaterThan(0);
    expect(run.peakRssKb, context).toBeLessThan(MEMORY_BOUND_KB);
  }, KILL_AFTER_MS + 10_000);
});

// Every command reads its input the same way; plan and render take all the inputs at once.
describe('hcc plan and hcc render on every hostile input at once', () => {
  const validateCases = cases.filter((c) => c.argv[0] === 'validate');
  const paths = validateCases.flatMap((c) => c.argv.slice(1).filter((a) => !a.startsWith('--')));
  const expectedCodes = [...new Set(validateCases.flatMap((c) => c.codes))];
  /** Bound for one command over all the inputs: the 150 MB line is read once, the valid records planned or rendered. */
  const BATCH_TIME_BOUND_MS = 60_000;

  it.each([
    ['plan', ['plan', ...paths], MEMORY_BOUND_KB],
    // Rendering holds a letter's fonts, shapes and PDF in memory besides the input: its bound is higher.
    ['render', ['render', ...paths, '--out', join(work, 'render-out'), '--config', join(ROOT, 'fixtures/hcc.config.json')], 400 * 1024],
  ] as const)('hcc %s: exit 1, every input reported with its code, the valid records handled', async (command, argv, memoryBoundKb) => {
    const run = await runHcc(argv, join(work, `rss-batch-${command}`), 4 * BATCH_TIME_BOUND_MS);
    const context = `hcc ${command}\n--- stdout\n${run.stdout.slice(-2000)}\n--- stderr\n${run.stderr.slice(0, 4000)}`;
    expect(run.signal, context).toBeNull();
    expect(run.exitCode, context).toBe(1);
    expectCleanOutput(run, context);
    for (const code of expectedCodes) expect(run.stderr, context).toContain(code);
    expect(run.stdout, context).toContain('HC-2026-000101');
    expect(run.elapsedMs, context).toBeLessThan(BATCH_TIME_BOUND_MS);
    expect(run.peakRssKb, context).toBeLessThan(memoryBoundKb);
  }, 5 * 60_000);
});
