import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { cachingStatements } from './sqlite-statement-cache.js';
import type { StoreDatabase } from './store-database.js';
import type { StoreDb, StoreDriver } from './store-driver.js';

/**
 * SQLite through better-sqlite3, one connection per process, in WAL mode (readers never wait
 * for the writer). Every write transaction is BEGIN IMMEDIATE: it takes the write lock at once,
 * so two processes never both read a state and then both change it; the other waits up to the
 * busy timeout. `path` may be `:memory:`; a file's folder is created.
 */
export function createSqliteDriver(path: string, options: { readonly busyTimeoutMs?: number } = {}): StoreDriver {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  database.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 10_000)}`);
  database.pragma('foreign_keys = ON');
  // FULL: a transaction reported committed survives a power cut (a lost "sent" would mean a second email).
  database.pragma('synchronous = FULL');
  const db = new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database: cachingStatements(database) }) });

  async function transaction<T>(conn: StoreDb, begin: 'begin immediate' | 'begin', fn: (trx: StoreDb) => Promise<T>): Promise<T> {
    await sql.raw(begin).execute(conn);
    try {
      const result = await fn(conn);
      await sql.raw('commit').execute(conn);
      return result;
    } catch (error) {
      // SQLite may already have rolled back on its own (for example when the disk is full).
      if (database.inTransaction) await sql.raw('rollback').execute(conn);
      throw error;
    }
  }

  function run<T>(begin: 'begin immediate' | 'begin', fn: (trx: StoreDb) => Promise<T>): Promise<T> {
    return db.connection().execute((conn) => transaction(conn, begin, fn));
  }

  // NORMAL for this one transaction: its commit is not synced to disk; the next FULL commit syncs it along.
  function runRelaxed<T>(fn: (trx: StoreDb) => Promise<T>): Promise<T> {
    return db.connection().execute(async (conn) => {
      await sql.raw('pragma synchronous = NORMAL').execute(conn);
      try {
        return await transaction(conn, 'begin immediate', fn);
      } finally {
        await sql.raw('pragma synchronous = FULL').execute(conn);
      }
    });
  }

  return {
    dialect: 'sqlite',
    db,
    rowLocks: false,
    migration: {
      dialect: 'sqlite',
      bytesType: 'blob',
      addIdentityColumn: (table, name) => table.addColumn(name, 'integer', (c) => c.primaryKey().autoIncrement()),
    },
    write: (fn, options) => (options?.durable === false ? runRelaxed(fn) : run('begin immediate', fn)),
    read: (fn) => run('begin', fn),
    lockForMigration: async () => {
      // BEGIN IMMEDIATE already keeps every other writer out.
    },
    close: () => db.destroy(),
  };
}
