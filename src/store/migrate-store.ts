import type { Kysely } from 'kysely';
import { STORE_MIGRATIONS } from './migrations/migration-registry.js';
import type { StoreMigration } from './migrations/store-migration.js';
import { StoreSchemaTooNewError } from './store-schema-too-new-error.js';
import type { StoreDriver } from './store-driver.js';

/** What opening did to the schema. */
export interface MigrationReport {
  /** Versions applied by this call, in order. */
  readonly applied: readonly number[];
  /** The database's version afterwards. */
  readonly version: number;
}

/**
 * Brings the database up to the latest migration this release knows, all in one transaction
 * (both dialects run DDL transactionally), and records each version in `schema_migrations`.
 * Throws `StoreSchemaTooNewError` (STORE_SCHEMA_TOO_NEW) and changes nothing when the database
 * records a migration this release does not have.
 */
export async function migrateStore(
  driver: StoreDriver,
  now: Date,
  migrations: readonly StoreMigration[] = STORE_MIGRATIONS,
): Promise<MigrationReport> {
  const known = new Set(migrations.map((m) => m.version));
  const knownVersion = Math.max(0, ...known);
  return driver.write(async (trx) => {
    await driver.lockForMigration(trx);
    await trx.schema
      .createTable('schema_migrations')
      .ifNotExists()
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .execute();
    const rows = await trx.selectFrom('schema_migrations').select('version').execute();
    const done = new Set(rows.map((r) => r.version));
    const unknown = [...done].filter((v) => !known.has(v)).sort((a, b) => a - b);
    if (unknown.length > 0) throw new StoreSchemaTooNewError(unknown, knownVersion);

    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      // Migrations speak of tables this release's types may not have yet (or no longer have).
      await migration.up(trx as unknown as Kysely<unknown>, driver.migration);
      await trx
        .insertInto('schema_migrations')
        .values({ version: migration.version, name: migration.name, applied_at: now.toISOString() })
        .execute();
      applied.push(migration.version);
    }
    return { applied, version: knownVersion };
  });
}
