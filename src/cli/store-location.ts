import { DEFAULT_SQLITE_PATH } from '../store/open-store.js';

/** The environment variables that choose the store. */
export type StoreEnvironment = Readonly<Record<string, string | undefined>>;

/**
 * Where the store is: `--db` (a SQLite path or a `postgres://` URL) first, then `HCC_DATABASE_URL`
 * (PostgreSQL), then `HCC_DB` (a SQLite path), then `./hcc-data/hcc.sqlite`.
 */
export function storeLocation(db: string | undefined, env: StoreEnvironment): string {
  const pick = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());
  return pick(db) ?? pick(env.HCC_DATABASE_URL) ?? pick(env.HCC_DB) ?? DEFAULT_SQLITE_PATH;
}
