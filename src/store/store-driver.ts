import type { ColumnDataType, CreateTableBuilder, Kysely } from 'kysely';
import type { StoreDatabase } from './store-database.js';

export type StoreDialect = 'sqlite' | 'postgres';
export type StoreDb = Kysely<StoreDatabase>;

/** What a migration may differ in between dialects; everything else is one Kysely schema. */
export interface MigrationDialect {
  readonly dialect: StoreDialect;
  /** Raw bytes: `blob` on SQLite, `bytea` on PostgreSQL. */
  readonly bytesType: ColumnDataType;
  /** Adds an auto-numbered integer primary key column. */
  addIdentityColumn<TB extends string, C extends string>(
    table: CreateTableBuilder<TB, C>,
    name: string,
  ): CreateTableBuilder<TB, C>;
}

/** How a write transaction commits. */
export interface WriteOptions {
  /**
   * `false`: the commit does not wait for the disk (SQLite: no fsync of the log; PostgreSQL:
   * `synchronous_commit` off), so a power cut may lose it whole, never in part. Only for
   * bookkeeping whose loss costs nothing, such as a session's last-seen time. Default `true`.
   */
  readonly durable?: boolean;
}

/**
 * One database behind the store. The store's queries are written once against Kysely 0.28 (why
 * Kysely: README.md in this folder); a driver
 * supplies the connection, how a write transaction starts, and whether rows can be locked.
 */
export interface StoreDriver {
  readonly dialect: StoreDialect;
  readonly db: StoreDb;
  /** PostgreSQL locks selected rows (`FOR UPDATE [SKIP LOCKED]`); SQLite has one writer and no row locks. */
  readonly rowLocks: boolean;
  readonly migration: MigrationDialect;
  /** Runs `fn` in one write transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: READ COMMITTED), rolled back if it throws. */
  write<T>(fn: (trx: StoreDb) => Promise<T>, options?: WriteOptions): Promise<T>;
  /** Runs `fn` in one transaction that sees a single snapshot. */
  read<T>(fn: (trx: StoreDb) => Promise<T>): Promise<T>;
  /** Inside a write transaction: waits until no other process is migrating this database. */
  lockForMigration(trx: StoreDb): Promise<void>;
  close(): Promise<void>;
}
