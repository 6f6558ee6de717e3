import { initialSchema } from './001-initial-schema.js';
import { accountsSessionsApiKeys } from './002-accounts-sessions-api-keys.js';
import type { StoreMigration } from './store-migration.js';

/** Every migration this release knows, in order. A new migration is a new file and one line here. */
export const STORE_MIGRATIONS: readonly StoreMigration[] = [initialSchema, accountsSessionsApiKeys];
