import { describe, expect, it } from 'vitest';
import { ParsedEmailCache } from '../../src/server/parsed-email-cache.js';
import { sha256Hex } from '../../src/store/canonical-json.js';
import { emailBytes } from './server-test-kit.js';

describe('ParsedEmailCache', () => {
  it('parses a stored email once per SHA-256 and reads no bytes on a hit', async () => {
    const cache = new ParsedEmailCache(2);
    const bytes = emailBytes('HC-C-1');
    let loads = 0;
    const load = () => {
      loads += 1;
      return Promise.resolve(bytes);
    };
    const first = await cache.parts(sha256Hex(bytes), load);
    const second = await cache.parts(sha256Hex(bytes), load);
    expect(second).toBe(first);
    expect(loads).toBe(1);
    expect(first.subject).toBe('Décision & suite HC-C-1');
  });

  it('keeps at most its limit, dropping the least recently used, and forgets a failed read', async () => {
    const cache = new ParsedEmailCache(2);
    const [a, b, c] = ['HC-C-1', 'HC-C-2', 'HC-C-3'].map((id) => emailBytes(id)) as [Uint8Array, Uint8Array, Uint8Array];
    const loads: string[] = [];
    const loader = (id: string, bytes: Uint8Array) => () => {
      loads.push(id);
      return Promise.resolve(bytes);
    };
    await cache.parts(sha256Hex(a), loader('a', a));
    await cache.parts(sha256Hex(b), loader('b', b));
    await cache.parts(sha256Hex(a), loader('a', a));
    await cache.parts(sha256Hex(c), loader('c', c));
    expect(cache.size).toBe(2);
    await cache.parts(sha256Hex(a), loader('a', a));
    await cache.parts(sha256Hex(b), loader('b', b));
    expect(loads).toEqual(['a', 'b', 'c', 'b']);
    await expect(cache.parts('f'.repeat(64), () => Promise.reject(new Error('store down')))).rejects.toThrow('store down');
    await cache.parts('f'.repeat(64), loader('retried', a));
    expect(loads.at(-1)).toBe('retried');
  });
});
