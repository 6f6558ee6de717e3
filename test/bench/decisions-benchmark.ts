// Whole decisions per second, from record to every PDF and email on disk, measured on the real
// `hcc render` process (with the memory ceiling its command line sets), and its memory over a long batch.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/package-root.js';

export interface DecisionsResult {
  /** Steady state: the long batch's rate (the short runs' when there is no batch). */
  readonly decisionsPerSecond: number;
  /** 220 records in a fresh process each time: start-up and warm-up included. */
  readonly shortRunDecisionsPerSecond: number;
  readonly filesPerDecision: number;
  readonly batchRecords: number;
  readonly batchDecisionsPerSecond: number | null;
  readonly batchRssMb: readonly number[];
  readonly peakRssMb: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
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

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${String(pid)}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

interface RenderRun {
  readonly seconds: number;
  readonly rssMb: number[];
  readonly peakMb: number;
}

/** Runs the built `hcc render` on `input` as its own process, sampling its resident memory. */
async function renderRun(input: string, out: string): Promise<RenderRun> {
  const cli = join(packageRoot(), 'dist', 'src', 'cli', 'main.js');
  const start = performance.now();
  // Executed directly so that its shebang, and so its memory ceiling, apply as they do for users.
  const child = spawn(cli, ['render', input, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const rss: number[] = [];
  let peak = 0;
  const timer = setInterval(() => {
    const pid = child.pid ?? 0;
    const now = statusKb(pid, 'VmRSS');
    if (now !== undefined) rss.push(Math.round(now / 1024));
    peak = Math.max(peak, statusKb(pid, 'VmHWM') ?? 0);
  }, 250);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearInterval(timer);
  if (code !== 0) throw new Error(`hcc render exited ${String(code)}: ${stderr.slice(0, 500)}`);
  return { seconds: (performance.now() - start) / 1000, rssMb: rss, peakMb: Math.round(peak / 1024) };
}

function filesPerDecision(out: string): number {
  const folders = readdirSync(out).filter((n) => !n.startsWith('.'));
  const files = folders.reduce((sum, f) => sum + readdirSync(join(out, f)).length, 0);
  return files / Math.max(folders.length, 1);
}

/**
 * Decisions per second through `hcc render`: first the fixture set ten times over (220 records),
 * the median of three fresh processes, start-up included; then, unless `batchRecords` is 0, the
 * fixture set cycled to `batchRecords` records in one process, the steady-state rate, with the
 * resident memory sampled along the way to show it stays flat.
 */
export async function benchmarkDecisions(batchRecords: number): Promise<DecisionsResult> {
  const fixtures = fixtureRecords();
  const dir = mkdtempSync(join(tmpdir(), 'hcc-bench-decisions-'));
  try {
    const setSize = fixtures.length * 10;
    const setInput = join(dir, 'set.ndjson');
    await writeBatch(setInput, fixtures, setSize);
    const rates: number[] = [];
    let peak = 0;
    for (let run = 0; run < 3; run += 1) {
      const result = await renderRun(setInput, join(dir, 'set-out'));
      rates.push(setSize / result.seconds);
      peak = Math.max(peak, result.peakMb);
    }
    const perDecision = filesPerDecision(join(dir, 'set-out'));
    const rate = median(rates);
    console.log(`hcc render, ${String(setSize)} records (${String(fixtures.length)} fixtures ×10, ${perDecision.toFixed(1)} files each), process start included: ${rate.toFixed(1)} decisions/s (runs: ${rates.map((r) => r.toFixed(1)).join(', ')})`);
    let batchRate: number | null = null;
    let batchRss: number[] = [];
    if (batchRecords > 0) {
      const input = join(dir, 'batch.ndjson');
      await writeBatch(input, fixtures, batchRecords);
      const result = await renderRun(input, join(dir, 'batch-out'));
      batchRate = batchRecords / result.seconds;
      const step = Math.max(1, Math.floor(result.rssMb.length / 12));
      batchRss = result.rssMb.filter((_, i) => i % step === 0);
      peak = Math.max(peak, result.peakMb);
      console.log(`hcc render, batch of ${String(batchRecords)} records: ${batchRate.toFixed(1)} decisions/s, RSS over time (MB): ${batchRss.join(' ')}, peak ${String(result.peakMb)} MB`);
    }
    return { decisionsPerSecond: batchRate ?? rate, shortRunDecisionsPerSecond: rate, filesPerDecision: perDecision, batchRecords, batchDecisionsPerSecond: batchRate, batchRssMb: batchRss, peakRssMb: peak };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
