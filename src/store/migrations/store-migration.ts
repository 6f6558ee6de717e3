import type { Kysely } from 'kysely';
import type { MigrationDialect } from '../store-driver.js';

/**
 * One versioned change of the schema. Versions are consecutive from 1; a migration runs once,
 * inside the transaction that records it, and is never edited after release.
 */
export interface StoreMigration {
  readonly version: number;
  readonly name: string;
  up(db: Kysely<unknown>, dialect: MigrationDialect): Promise<void>;
}
