import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { StoreDatabase } from './store-database.js';
import type { StoreDriver } from './store-driver.js';
import { StoreConfigError } from './store-config-error.js';
import { preparingPool } from './postgres-prepared-pool.js';

/** Any fixed number: every process migrating this database waits on the same advisory lock. */
const MIGRATION_LOCK_KEY = 0x68636373;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresDriverOptions {
  /** A `postgres://` or `postgresql://` URL. */
  readonly url: string;
  /** Tables live in this schema instead of `public` (its search_path); it must exist. */
  readonly schema?: string;
  /** Connections in the pool (default 4). */
  readonly poolSize?: number;
}

const INT8_AS_NUMBER = (value: string): number => Number(value);

const typeParser: typeof pg.types.getTypeParser = (oid, format) => {
  if (oid === pg.types.builtins.INT8) return INT8_AS_NUMBER;
  const parse: unknown = pg.types.getTypeParser(oid, format);
  return parse;
};

/**
 * PostgreSQL through pg. Write transactions are READ COMMITTED; the store locks what it reads
 * before changing it (`FOR UPDATE`), and claims skip rows other workers hold (`SKIP LOCKED`).
 */
export function createPostgresDriver(options: PostgresDriverOptions): StoreDriver {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) throw new StoreConfigError('the PostgreSQL schema name is not a plain lowercase identifier');
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 4,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
    // Counts and the audit sequence are bigints: read them as numbers (far below 2^53).
    types: { getTypeParser: typeParser },
  });
  // An idle connection that breaks is dropped by the pool; the next query reports the failure.
  pool.on('error', () => undefined);
  const db = new Kysely<StoreDatabase>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  return {
    dialect: 'postgres',
    db,
    rowLocks: true,
    migration: {
      dialect: 'postgres',
      bytesType: 'bytea',
      addIdentityColumn: (table, name) => table.addColumn(name, 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity()),
    },
    write: (fn, options) =>
      db.transaction().execute(async (trx) => {
        // For this transaction only: its commit returns before the log reaches the disk.
        if (options?.durable === false) await sql`set local synchronous_commit = off`.execute(trx);
        return fn(trx);
      }),
    read: (fn) => db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(fn),
    lockForMigration: async (trx) => {
      await sql`select pg_advisory_xact_lock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(trx);
    },
    close: () => db.destroy(),
  };
}
