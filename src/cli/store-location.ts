/** Where the store is: `--db`, else `HCC_DATABASE_URL` (PostgreSQL), else `HCC_DB`, else the default SQLite file. */
export function storeLocation(db: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return db ?? (nonEmpty(env.HCC_DATABASE_URL) ? env.HCC_DATABASE_URL : nonEmpty(env.HCC_DB) ? env.HCC_DB : undefined);
}

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value.length > 0;
}
