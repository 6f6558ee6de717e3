import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/** A statement whose text begins with this comment is prepared under that name (`preparedStatement`). */
const PREPARED = /^\/\* prepared: ([a-z][a-z0-9_]*) \*\//;

/**
 * The SQL text of a statement PostgreSQL should parse and plan once per connection instead of at
 * every execution: the delivery path's claim and group commit, run hundreds of times a minute.
 * `name` must be unique to this text; the parameters stay `$1`, `$2`…
 */
export function preparedStatement(name: string, text: string): string {
  return `/* prepared: ${name} */ ${text}`;
}

/**
 * The pool handed to Kysely: pg's pool, except that a statement marked by `preparedStatement` goes
 * to pg as a named statement (pg prepares it on first use on each connection and then only binds
 * and executes it). Every other statement is sent as Kysely wrote it.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    const query = async (text: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<unknown>> => {
      const name = PREPARED.exec(text)?.[1];
      const result = await client.query(name === undefined ? { text, values: [...parameters] } : { name, text, values: [...parameters] });
      return { command: result.command as PostgresQueryResult<unknown>['command'], rowCount: result.rowCount ?? 0, rows: result.rows };
    };
    // Kysely's cursor overload is never used here: the dialect is configured without a cursor.
    return {
      query: query as PostgresPoolClient['query'],
      release: (destroy) => {
        client.release(destroy);
      },
    };
  };
  return {
    async connect() {
      const client = await pool.connect();
      let wrapped = clients.get(client);
      if (wrapped === undefined) {
        wrapped = wrap(client);
        clients.set(client, wrapped);
      }
      return wrapped;
    },
    end: () => pool.end(),
  };
}
