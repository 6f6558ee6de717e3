// Decisions per second through the built `hcc submit`: validate, plan, render on the pool and store
// each decision in its own transaction in a fresh SQLite store, measured on the same batch file as
// `hcc render` in the same run, so the cost of storing is the difference between the two.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/package-root.js';
import { summarise } from './round-ratios.js';

export interface IntakeResult {
  /** `hcc submit` into SQLite with one worker per core: median over the rounds. */
  readonly submitDecisionsPerSecond: number;
  readonly rounds: number;
  readonly records: number;
}

async function submitRun(input: string, db: string): Promise<number> {
  rmSync(db, { force: true });
  rmSync(`${db}-wal`, { force: true });
  rmSync(`${db}-shm`, { force: true });
  const cli = join(packageRoot(), 'dist', 'src', 'cli', 'main.js');
  const config = join(packageRoot(), 'fixtures', 'hcc.config.json');
  const args = ['submit', input, '--db', db, '--config', config, '--now', '2026-12-01T15:00:00Z', '--json', '--workers', String(availableParallelism())];
  const started = performance.now();
  const child = spawn(cli, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`hcc submit exited ${String(code)}: ${stderr.slice(0, 500)}`);
  return (performance.now() - started) / 1000;
}

/** `hcc submit` of the `.ndjson` batch at `input` (`records` records), `rounds` times into a new store each time. */
export async function benchmarkIntake(input: string, records: number, rounds: number): Promise<IntakeResult> {
  const dir = mkdtempSync(join(tmpdir(), 'hcc-bench-intake-'));
  try {
    const rates: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const seconds = await submitRun(input, join(dir, 'bench.sqlite'));
      rates.push(records / seconds);
      console.log(`  intake round ${String(round + 1)}: hcc submit ${(records / seconds).toFixed(1)} decisions/s into SQLite`);
    }
    const result = { submitDecisionsPerSecond: summarise(rates).median, rounds, records };
    console.log(`hcc submit, ${String(records)} records into SQLite, ${String(rounds)} rounds: ${result.submitDecisionsPerSecond.toFixed(1)} decisions/s`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
