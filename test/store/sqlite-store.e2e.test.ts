import { freshSqliteStore } from './store-fixtures.js';
import { describeStoreContract } from './store-contract.js';

// Slow: a database file per test (SQLite, WAL, in a temporary folder removed afterwards).
describeStoreContract('SQLite (better-sqlite3)', freshSqliteStore);
