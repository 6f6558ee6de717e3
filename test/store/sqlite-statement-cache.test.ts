import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachingStatements } from '../../src/store/sqlite-statement-cache.js';

describe('SQLite statement cache', () => {
  it('prepares each SQL text once and hands the same statement out again', () => {
    const database = new Database(':memory:');
    const cached = cachingStatements(database);
    const first = cached.prepare('select ? as n');
    expect(cached.prepare('select ? as n')).toBe(first);
    expect(first.all([7])).toEqual([{ n: 7 }]);
    cached.close();
    expect(database.open).toBe(false);
  });

  it('gives a fresh statement while the cached one is still being iterated', () => {
    const cached = cachingStatements(new Database(':memory:'));
    const sql = 'select 1 as n union all select 2';
    const iterating = cached.prepare(sql).iterate([]);
    iterating.next();
    const other = cached.prepare(sql);
    expect(other.all([])).toEqual([{ n: 1 }, { n: 2 }]);
    iterating.return?.();
    cached.close();
  });

  it('keeps at most its limit, the least recently used out first', () => {
    const cached = cachingStatements(new Database(':memory:'), 2);
    const a = cached.prepare('select 1');
    const b = cached.prepare('select 2');
    expect(cached.prepare('select 1')).toBe(a);
    cached.prepare('select 3');
    expect(cached.prepare('select 1')).toBe(a);
    expect(cached.prepare('select 2')).not.toBe(b);
    cached.close();
  });
});
