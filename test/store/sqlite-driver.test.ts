import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createSqliteDriver } from '../../src/store/sqlite-driver.js';
import type { StoreDb } from '../../src/store/store-driver.js';

// SQLite's numbers for the setting: 1 NORMAL, 2 FULL.
async function synchronous(db: StoreDb): Promise<number> {
  const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
  return rows[0]?.synchronous ?? -1;
}

describe('SQLite driver', () => {
  it('commits a write that need not be durable without a sync, then syncs every other commit again', async () => {
    const driver = createSqliteDriver(join(mkdtempSync(join(tmpdir(), 'hcc-sqlite-driver-')), 'store.sqlite'));
    try {
      expect(await driver.write((trx) => synchronous(trx))).toBe(2);
      expect(await driver.write((trx) => synchronous(trx), { durable: false })).toBe(1);
      expect(await driver.write((trx) => synchronous(trx))).toBe(2);
      await expect(driver.write(() => Promise.reject(new Error('refused')), { durable: false })).rejects.toThrow('refused');
      expect(await driver.read((trx) => synchronous(trx))).toBe(2);
    } finally {
      await driver.close();
    }
  });
});
