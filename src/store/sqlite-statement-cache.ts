import type { Database, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * The connection handed to Kysely, keeping each SQL text's prepared statement for the next call:
 * Kysely prepares every query it runs, and compiling the SQL again each time is a large part of a
 * short query's cost. The store's queries are a fixed set of texts (an `IN` list of another length
 * is another text), so a bounded cache, least recently used first out, holds them all. A statement
 * still being iterated is never handed out twice: that call gets a fresh one.
 */
export function cachingStatements(database: Database, limit = 500): SqliteDatabase {
  const statements = new Map<string, Statement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare: (sql) => {
      const known = statements.get(sql);
      if (known !== undefined && !known.busy) {
        // Re-inserted: a Map keeps insertion order, so the first key is the least recently used.
        statements.delete(sql);
        statements.set(sql, known);
        return known;
      }
      const statement = database.prepare(sql);
      if (known === undefined) {
        statements.set(sql, statement);
        if (statements.size > limit) {
          const oldest = statements.keys().next().value;
          if (oldest !== undefined) statements.delete(oldest);
        }
      }
      return statement;
    },
  };
}
