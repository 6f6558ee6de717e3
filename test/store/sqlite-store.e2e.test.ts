import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { freshSqliteStore } from './store-fixtures.js';
import { describeStoreContract } from './store-contract.js';
import { INTAKE, makeSubmission, T0, type StoreFixture } from './store-test-kit.js';

// Slow: a database file per test (SQLite, WAL, in a temporary folder removed afterwards).
describeStoreContract('SQLite (better-sqlite3)', freshSqliteStore);

const execFileAsync = promisify(execFile);
const child = fileURLToPath(new URL('./sqlite-child.ts', import.meta.url));
// An absolute loader URL, so that a child working in another folder still finds tsx.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

async function runChild(args: readonly string[], cwd?: string): Promise<string> {
  const { stdout } = await execFileAsync(process.execPath, ['--import', tsx, child, ...args], { ...(cwd === undefined ? {} : { cwd }), timeout: 120_000 });
  return stdout;
}

describe('SQLite driver', () => {
  let fixture: StoreFixture | undefined;
  const folders: string[] = [];
  afterEach(async () => {
    await fixture?.dispose();
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('keeps its file in WAL mode', async () => {
    fixture = await freshSqliteStore();
    await fixture.open();
    expect(await fixture.query('pragma journal_mode')).toEqual([{ journal_mode: 'wal' }]);
  });

  it('lives in ./hcc-data/hcc.sqlite when no location is given', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'hcc-default-'));
    folders.push(folder);
    expect(await runChild(['default'], folder)).toBe('sqlite');
    expect(existsSync(join(folder, 'hcc-data', 'hcc.sqlite'))).toBe(true);
  });

  it('two processes claiming from one file never get the same email (IMMEDIATE transactions)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'hcc-two-'));
    folders.push(folder);
    const location = join(folder, 'hcc.sqlite');
    const store = await openStore({ location, now: T0 });
    for (let d = 0; d < 20; d += 1) {
      await store.submitDecision(makeSubmission(`HC-MP-${String(d).padStart(2, '0')}`, { emails: 10 }), { now: T0, actor: INTAKE, approval: 'auto' });
    }
    await store.close();
    const [a, b] = (await Promise.all([runChild(['claim', location, 'proc-a']), runChild(['claim', location, 'proc-b'])])).map(
      (out) => JSON.parse(out) as string[],
    );
    const all = [...(a ?? []), ...(b ?? [])];
    expect(all).toHaveLength(200);
    expect(new Set(all).size).toBe(200);
  });
});
