// Whole decisions per second, from record to every PDF and email on disk, measured on the real
// `hcc render` process: the pool of worker threads against one worker, in interleaved rounds on
// the same batch, and the resident memory of the whole process tree as it goes.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/package-root.js';
import { benchmarkIntake, type IntakeResult } from './intake-benchmark.js';
import { roundRatios, summarise, type RoundSummary } from './round-ratios.js';

export interface DecisionsResult {
  /** The pool, one worker per core, in steady state (after the first `warmUpRecords`): median over the rounds. */
  readonly decisionsPerSecond: number;
  readonly decisionsPerSecondOneWorker: number;
  /** The pool's steady rate over one worker's, taken within each round. */
  readonly poolRatio: RoundSummary;
  /** The same over each whole run, start-up and warm-up included. */
  readonly wholeRun: { readonly decisionsPerSecond: number; readonly decisionsPerSecondOneWorker: number; readonly poolRatio: RoundSummary };
  /** Decisions written before the steady-state clock starts. */
  readonly warmUpRecords: number;
  readonly workers: number;
  readonly rounds: number;
  readonly batchRecords: number;
  readonly filesPerDecision: number;
  /** Peak resident memory of `hcc render` and anything it started, over every run (MB). */
  readonly peakRssMbTree: number;
  /** `hcc submit` on the same batch in the same run: rendering plus storing. */
  readonly intake: IntakeResult;
}

function fixtureRecords(): Record<string, unknown>[] {
  const dir = join(packageRoot(), 'fixtures', 'decisions');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as Record<string, unknown>);
}

/** A `.ndjson` file of `count` records: the fixtures again and again under fresh decision ids. */
async function writeBatch(path: string, fixtures: readonly Record<string, unknown>[], count: number): Promise<void> {
  const stream = createWriteStream(path);
  for (let i = 0; i < count; i += 1) {
    const base = fixtures[i % fixtures.length] ?? {};
    const line = `${JSON.stringify({ ...base, decisionId: `${String(base.decisionId)}-B${String(i)}` })}\n`;
    if (!stream.write(line)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
}

/** Resident memory of a process and every process below it, in kB, from /proc. */
function treeRssKb(pid: number): number {
  let total = 0;
  try {
    total += Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${String(pid)}/status`, 'utf8'))?.[1] ?? 0);
    const children = readFileSync(`/proc/${String(pid)}/task/${String(pid)}/children`, 'utf8').trim();
    for (const child of children === '' ? [] : children.split(/\s+/)) total += treeRssKb(Number(child));
  } catch {
    // The process ended between two reads.
  }
  return total;
}

interface RenderRun {
  readonly seconds: number;
  /** From the moment `warmUpRecords` decision folders were written to the end, and the decisions written in it. */
  readonly steadySeconds: number;
  readonly steadyRecords: number;
  readonly peakMb: number;
}

/** Decision folders finished in `out` (not the staging folders, whose names start with a dot). */
function foldersWritten(out: string): number {
  try {
    return readdirSync(out).filter((n) => !n.startsWith('.')).length;
  } catch {
    return 0;
  }
}

/**
 * Runs the built `hcc render` on `input` with `workers` worker threads into `out` (a folder of its
 * own: nothing is deleted between runs, see below), sampling its memory.
 */
async function renderRun(input: string, out: string, workers: number, total: number, warmUpRecords: number): Promise<RenderRun> {
  const cli = join(packageRoot(), 'dist', 'src', 'cli', 'main.js');
  const config = join(packageRoot(), 'fixtures', 'hcc.config.json');
  const started = performance.now();
  const child = spawn(cli, ['render', input, '--out', out, '--config', config, '--workers', String(workers)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  let peakKb = 0;
  // Every 100 ms: the tree's memory, and until the warm-up is past, the folders written (a
  // listing of at most a few thousand names; its time counts in the run as any other load would).
  let steadyFrom: { at: number; written: number } | undefined;
  const timer = setInterval(() => {
    if (child.pid !== undefined) peakKb = Math.max(peakKb, treeRssKb(child.pid));
    if (steadyFrom === undefined) {
      const written = foldersWritten(out);
      if (written >= warmUpRecords) steadyFrom = { at: performance.now(), written };
    }
  }, 100);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearInterval(timer);
  if (code !== 0) throw new Error(`hcc render exited ${String(code)}: ${stderr.slice(0, 500)}`);
  const ended = performance.now();
  const from = steadyFrom ?? { at: started, written: 0 };
  return { seconds: (ended - started) / 1000, steadySeconds: (ended - from.at) / 1000, steadyRecords: total - from.written, peakMb: Math.round(peakKb / 1024) };
}

/**
 * Decisions per second through `hcc render` over a batch of `batchRecords` records (at least
 * 3,000 for a steady state), with the pool (one worker per core) and with one worker, taken in
 * turn for `rounds` rounds so that a drift of the machine's speed hits both alike; the pool's
 * ratio to one worker is taken within each round.
 */
export async function benchmarkDecisions(batchRecords: number, rounds: number): Promise<DecisionsResult> {
  const workers = availableParallelism();
  // Steady state: the rate after the first third of the batch. Until then each worker is warming
  // up (its first decisions cost it several times the later ones: V8 compiling the hot code, about
  // 4.5 s of CPU a worker on its compiler threads, the shaping tables and font subsets filling),
  // and a single worker does that on the core the pool would use for its second worker.
  const warmUpRecords = Math.floor(batchRecords / 3);
  const fixtures = fixtureRecords();
  const dir = mkdtempSync(join(tmpdir(), 'hcc-bench-decisions-'));
  try {
    const input = join(dir, 'batch.ndjson');
    await writeBatch(input, fixtures, batchRecords);
    const pool: number[] = [];
    const one: number[] = [];
    const poolWhole: number[] = [];
    const oneWhole: number[] = [];
    let peakMb = 0;
    let out = '';
    for (let round = 0; round < rounds; round += 1) {
      // Alternate which goes first, so neither always meets a warmer or colder machine.
      const order = round % 2 === 0 ? [workers, 1] : [1, workers];
      for (const n of order) {
        // Each run writes a folder of its own, and every folder is removed at the end. Deleting a
        // run's ~30,000 files just before the next run creates as many made that run up to 50%
        // slower, its time going to the kernel: ext4 passes over inodes deleted in the last few
        // minutes when it allocates new ones (`recently_deleted` in a profile of the kernel).
        out = join(dir, `out-${String(round + 1)}-${String(n)}`);
        const run = await renderRun(input, out, n, batchRecords, warmUpRecords);
        const rate = run.steadyRecords / run.steadySeconds;
        const whole = batchRecords / run.seconds;
        (n === 1 ? one : pool).push(rate);
        (n === 1 ? oneWhole : poolWhole).push(whole);
        peakMb = Math.max(peakMb, run.peakMb);
        console.log(
          `  round ${String(round + 1)}: ${String(n)} worker${n === 1 ? '' : 's'}: ${rate.toFixed(1)} decisions/s in steady state (the last ${String(run.steadyRecords)}), ` +
            `${whole.toFixed(1)} over the whole run; peak RSS of the process tree ${String(run.peakMb)} MB`,
        );
      }
    }
    const folders = readdirSync(out).filter((n) => !n.startsWith('.'));
    const files = folders.reduce((sum, f) => sum + readdirSync(join(out, f)).length, 0);
    const poolRatio = roundRatios(pool, one);
    const intake = await benchmarkIntake(input, batchRecords, rounds);
    const result: DecisionsResult = {
      decisionsPerSecond: summarise(pool).median,
      decisionsPerSecondOneWorker: summarise(one).median,
      poolRatio,
      wholeRun: { decisionsPerSecond: summarise(poolWhole).median, decisionsPerSecondOneWorker: summarise(oneWhole).median, poolRatio: roundRatios(poolWhole, oneWhole) },
      warmUpRecords,
      workers,
      rounds,
      batchRecords,
      filesPerDecision: files / Math.max(folders.length, 1),
      peakRssMbTree: peakMb,
      intake,
    };
    console.log(
      `hcc render, ${String(batchRecords)} records (${result.filesPerDecision.toFixed(1)} files each), ${String(rounds)} rounds, steady state after ${String(warmUpRecords)}: ` +
        `${result.decisionsPerSecond.toFixed(1)} decisions/s with ${String(workers)} workers, ${result.decisionsPerSecondOneWorker.toFixed(1)} with one; ` +
        `pool ${poolRatio.median.toFixed(2)}x one worker (${poolRatio.min.toFixed(2)}–${poolRatio.max.toFixed(2)}); ` +
        `whole runs ${result.wholeRun.decisionsPerSecond.toFixed(1)} and ${result.wholeRun.decisionsPerSecondOneWorker.toFixed(1)}, ${result.wholeRun.poolRatio.median.toFixed(2)}x; peak RSS of the tree ${String(peakMb)} MB`,
    );
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
