import { afterAll, beforeAll } from 'vitest';
import { postgresFixtures } from './store-fixtures.js';
import { describeStoreContract } from './store-contract.js';

// Slow: needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth; HCC_TEST_POSTGRES_URL overrides).
// The run creates its own database and drops it at the end; each test gets a schema of its own.
const postgres = postgresFixtures();
beforeAll(() => postgres.setUp());
afterAll(() => postgres.tearDown());

describeStoreContract('PostgreSQL (pg)', postgres.fresh);
