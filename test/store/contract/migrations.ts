import { describe, expect, it } from 'vitest';
import { STORE_MIGRATIONS } from '../../../src/store/migrations/migration-registry.js';
import type { StoreMigration } from '../../../src/store/migrations/store-migration.js';
import { StoreSchemaTooNewError } from '../../../src/store/store-schema-too-new-error.js';
import { at, HOUR, INTAKE, makeSubmission, rejectsWithCode, rejectsWithError, T0, type OpenFreshStore, type StoreFixture } from '../store-test-kit.js';
import { useStore } from './use-store.js';

const LATEST = Math.max(...STORE_MIGRATIONS.map((m) => m.version));

/** What migration 002 will look like: one file, one line in the registry. */
const probeMigration: StoreMigration = {
  version: LATEST + 1,
  name: 'probe-table',
  async up(db) {
    await db.schema.createTable('probe').addColumn('id', 'integer', (c) => c.primaryKey()).execute();
  },
};

/** The fixture's database taken back to version 1: the tables of 002 dropped, its row removed, then opened by a release that knows 001 only. */
async function freshV1(fixture: StoreFixture) {
  await fixture.query('drop table sessions');
  await fixture.query('drop table api_keys');
  await fixture.query('drop table accounts');
  await fixture.query('delete from schema_migrations where version = 2');
  const first = STORE_MIGRATIONS.filter((m) => m.version === 1);
  return fixture.open({ migrations: first });
}

export function describeMigrations(openFreshStore: OpenFreshStore): void {
  describe('migrations', () => {
    const t = useStore(openFreshStore);

    it('migrates an empty database to the latest version and records every migration once', async () => {
      expect(t.store.schemaVersion).toBe(LATEST);
      const rows = await t.fixture.query('select version, name, applied_at from schema_migrations order by version');
      expect(rows).toEqual(STORE_MIGRATIONS.map((m) => ({ version: m.version, name: m.name, applied_at: T0.toISOString() })));
      const tables = t.fixture.dialect === 'sqlite'
        ? await t.fixture.query("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
        : await t.fixture.query('select table_name as name from information_schema.tables where table_schema = current_schema() order by table_name');
      expect(tables.map((r) => r.name)).toEqual([
        'accounts',
        'api_keys',
        'audit_events',
        'decisions',
        'files',
        'follow_up_persons',
        'follow_ups',
        'items',
        'person_outcomes',
        'revision_files',
        'revisions',
        'schema_migrations',
        'sessions',
      ]);
    });

    it('migrates a version 1 database (with data) to version 2: accounts, sessions and API keys', async () => {
      await t.store.close();
      const v1 = await freshV1(t.fixture);
      await v1.submitDecision(makeSubmission('HC-MIG-V1'), { now: T0, actor: INTAKE });
      await v1.close();
      const v2 = await t.fixture.open({ now: at(HOUR) });
      expect(v2.schemaVersion).toBe(2);
      expect((await v2.status('HC-MIG-V1')).items).toHaveLength(3);
      expect(await t.fixture.query('select version, applied_at from schema_migrations order by version')).toEqual([
        { version: 1, applied_at: T0.toISOString() },
        { version: 2, applied_at: at(HOUR).toISOString() },
      ]);
      expect(await t.fixture.query('select cast(count(*) as integer) as n from accounts')).toEqual([{ n: 0 }]);
      expect(await t.fixture.query('select cast(count(*) as integer) as n from api_keys')).toEqual([{ n: 0 }]);
    });

    it('reopening applies nothing again and keeps the data', async () => {
      await t.store.submitDecision(makeSubmission('HC-MIG-1'), { now: T0, actor: INTAKE });
      await t.store.close();
      const again = await t.fixture.open({ now: at(HOUR) });
      expect((await again.status('HC-MIG-1')).items).toHaveLength(3);
      const rows = await t.fixture.query('select version, applied_at from schema_migrations');
      expect(rows).toEqual(STORE_MIGRATIONS.map((m) => ({ version: m.version, applied_at: T0.toISOString() })));
    });

    it('refuses a database that records a migration this release does not know, and changes nothing', async () => {
      await t.store.close();
      await t.fixture.query(`insert into schema_migrations (version, name, applied_at) values (${LATEST + 7}, 'from-the-future', '2027-01-01T00:00:00.000Z')`);
      const error = await rejectsWithError(t.fixture.open(), StoreSchemaTooNewError, 'STORE_SCHEMA_TOO_NEW');
      expect(error.unknownVersions).toEqual([LATEST + 7]);
      expect(await t.fixture.query('select version from schema_migrations order by version')).toEqual([...STORE_MIGRATIONS.map((m) => ({ version: m.version })), { version: LATEST + 7 }]);
    });

    it('applies a new migration at the next open; the older release then refuses the database', async () => {
      await t.store.close();
      const newer = await t.fixture.open({ now: at(HOUR), migrations: [...STORE_MIGRATIONS, probeMigration] });
      expect(newer.schemaVersion).toBe(LATEST + 1);
      expect(await t.fixture.query('select cast(count(*) as integer) as n from probe')).toEqual([{ n: 0 }]);
      await newer.close();
      await rejectsWithCode(t.fixture.open(), 'STORE_SCHEMA_TOO_NEW');
    });

    it('a migration that fails leaves the database as it was', async () => {
      await t.store.close();
      const broken: StoreMigration = {
        version: LATEST + 1,
        name: 'broken',
        async up(db) {
          await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
          throw new Error('migration failed on purpose');
        },
      };
      await expect(t.fixture.open({ migrations: [...STORE_MIGRATIONS, broken] })).rejects.toThrow('migration failed on purpose');
      expect(await t.fixture.query('select version from schema_migrations order by version')).toEqual(STORE_MIGRATIONS.map((m) => ({ version: m.version })));
      const reopened = await t.fixture.open();
      expect(reopened.schemaVersion).toBe(LATEST);
    });
  });
}
