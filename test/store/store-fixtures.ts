import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { migrateStore } from '../../src/store/migrate-store.js';
import { openStore } from '../../src/store/open-store.js';
import { createPostgresDriver } from '../../src/store/postgres-driver.js';
import { createSqliteDriver } from '../../src/store/sqlite-driver.js';
import type { StoreDriver } from '../../src/store/store-driver.js';
import type { Store } from '../../src/store/store.js';
import { T0, type OpenFreshStore, type StoreFixture } from './store-test-kit.js';

/** Closes whatever a fixture opened, in reverse order. */
class Closer {
  readonly #stores: Store[] = [];
  readonly #drivers: StoreDriver[] = [];

  store(store: Store): Store {
    this.#stores.push(store);
    return store;
  }

  driver(driver: StoreDriver): StoreDriver {
    this.#drivers.push(driver);
    return driver;
  }

  async closeAll(): Promise<void> {
    for (const driver of this.#drivers.reverse()) await driver.close();
    for (const store of this.#stores.reverse()) await store.close();
  }
}

/** A SQLite store in a new temporary folder, removed on dispose. */
export const freshSqliteStore: OpenFreshStore = () => {
  const dir = mkdtempSync(join(tmpdir(), 'hcc-store-'));
  const path = join(dir, 'hcc.sqlite');
  const closer = new Closer();
  const fixture: StoreFixture = {
    dialect: 'sqlite',
    open: async (options = {}) => closer.store(await openStore({ location: path, now: T0, ...options })),
    driver: async () => {
      const driver = closer.driver(createSqliteDriver(path));
      await migrateStore(driver, T0);
      return driver;
    },
    query: (sql) => {
      const db = new Database(path);
      try {
        const statement = db.prepare(sql);
        return Promise.resolve(statement.reader ? (statement.all() as Record<string, unknown>[]) : (statement.run(), []));
      } finally {
        db.close();
      }
    },
    dispose: async () => {
      await closer.closeAll();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return Promise.resolve(fixture);
};

const countsAsNumbers: typeof pg.types.getTypeParser = (oid, format) => (oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format));

const ADMIN_URL = process.env.HCC_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * PostgreSQL fixtures: `setUp` creates one database with a unique name for the test run, each
 * fresh store is a new schema in it, and `tearDown` drops the database.
 */
export function postgresFixtures(): { setUp(): Promise<void>; tearDown(): Promise<void>; fresh: OpenFreshStore; url(): string } {
  const database = `hcc_store_test_${process.pid}_${Date.now().toString(36)}`;
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${database}`);
  let next = 0;

  async function admin(sql: string, target = ADMIN_URL, schema?: string): Promise<Record<string, unknown>[]> {
    const client = new pg.Client({
      connectionString: target,
      ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
      // Counts come back as numbers, as they do from SQLite.
      types: { getTypeParser: countsAsNumbers },
    });
    await client.connect();
    try {
      return (await client.query<Record<string, unknown>>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  return {
    url: () => url,
    setUp: async () => {
      await admin(`create database ${database}`);
      // A throwaway database: commits need not wait for the disk.
      await admin(`alter database ${database} set synchronous_commit = off`);
    },
    tearDown: async () => {
      await admin(`drop database if exists ${database} with (force)`);
    },
    fresh: async () => {
      next += 1;
      const schema = `contract_${next}`;
      await admin(`create schema ${schema}`, url);
      const closer = new Closer();
      return {
        dialect: 'postgres',
        open: async (options = {}) => closer.store(await openStore({ location: url, schema, now: T0, ...options })),
        driver: async () => {
          const driver = closer.driver(createPostgresDriver({ url, schema }));
          await migrateStore(driver, T0);
          return driver;
        },
        query: (sql) => admin(sql, url, schema),
        // The schema goes with the run's database in tearDown; dropping each one costs more than it frees.
        dispose: () => closer.closeAll(),
      };
    },
  };
}
