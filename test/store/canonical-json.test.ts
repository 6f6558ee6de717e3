import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectProperty } from '../support/property.js';
import { canonicalJson, canonicalSha256, NotJsonError, sha256Hex } from '../../src/store/canonical-json.js';

/** The same value with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)]));
  return value;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: true, y: 'x y' }], c: null } })).toBe('{"a":{"c":null,"d":[{"y":"x y","z":true}]},"b":1}');
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 does', () => {
    const keys = ['\u20ac', '\r', '\ufb33', '1', '\ud83d\ude00', '\u0080', '\u00f6'];
    const sorted = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'];
    expect(canonicalJson(Object.fromEntries(keys.map((k) => [k, 0])))).toBe(`{${sorted.map((k) => `${JSON.stringify(k)}:0`).join(',')}}`);
  });

  it('writes numbers and strings as JSON.stringify does', () => {
    expect(canonicalJson([1e21, 0.1, -0, 1.5e-7, 'é\u2028"\\\n'])).toBe(`[1e+21,0.1,0,1.5e-7,${JSON.stringify('é\u2028"\\\n')}]`);
  });

  it('leaves out properties whose value is undefined, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  it('refuses what JSON cannot carry, naming the path only', () => {
    const cases: [unknown, string][] = [
      [{ a: [1, undefined] }, '$.a[1]'],
      [{ n: Number.NaN }, '$.n'],
      [{ n: Number.POSITIVE_INFINITY }, '$.n'],
      [{ big: 1n }, '$.big'],
      [{ when: new Date(0) }, '$.when'],
      [{ map: new Map() }, '$.map'],
      [{ f: () => 1 }, '$.f'],
      [{ bytes: new Uint8Array(1) }, '$.bytes'],
      [undefined, '$'],
    ];
    for (const [value, path] of cases) {
      const error = (() => {
        try {
          canonicalJson(value);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(NotJsonError);
      expect(error).toMatchObject({ code: 'JSON_VALUE_INVALID', path });
    }
  });

  it('accepts objects without a prototype', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.b = 1;
    bare.a = 2;
    expect(canonicalJson(bare)).toBe('{"a":2,"b":1}');
  });

  it('is the same text whatever the key order, and reads back to the same text', () => {
    expectProperty(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(reversedKeys(value))).toBe(text);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it('hashes the UTF-8 bytes of the canonical text', () => {
    expect(canonicalSha256({ b: [1], a: 'é' })).toBe(sha256Hex('{"a":"é","b":[1]}'));
    expect(sha256Hex('{}')).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
    expect(canonicalSha256({ x: 1, y: 2 })).toBe(canonicalSha256({ y: 2, x: 1 }));
  });
});
