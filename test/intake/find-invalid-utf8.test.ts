import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectProperty } from '../support/property.js';
import { findInvalidUtf8 } from '../../src/intake/find-invalid-utf8.js';

const bytes = (...parts: Array<string | number[]>) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

function decodes(input: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(input);
    return true;
  } catch {
    return false;
  }
}

describe('findInvalidUtf8', () => {
  it('accepts UTF-8 of every length, the BOM included', () => {
    expect(findInvalidUtf8(bytes('\uFEFF{"name":"Zoë 😀 ☃ ߿"}'))).toBeUndefined();
    expect(findInvalidUtf8(new Uint8Array())).toBeUndefined();
  });

  it.each<[string, Uint8Array, number]>([
    ['a Latin-1 é', bytes('{"n":"Ren', [0xe9], '"}'), 9],
    ['a stray continuation byte', bytes('ab', [0x80]), 2],
    ['an overlong two-byte form of "/"', bytes('x', [0xc0, 0xaf]), 1],
    ['an overlong three-byte form', bytes([0xe0, 0x80, 0xaf]), 0],
    ['an overlong four-byte form', bytes('ok', [0xf0, 0x80, 0x80, 0xaf]), 2],
    ['a high surrogate encoded in UTF-8', bytes('"', [0xed, 0xa0, 0x80], '"'), 1],
    ['a low surrogate encoded in UTF-8', bytes([0xed, 0xbf, 0xbf]), 0],
    ['a code point above U+10FFFF', bytes([0xf4, 0x90, 0x80, 0x80]), 0],
    ['a byte that never occurs (FF)', bytes('abc', [0xff]), 3],
    ['a character cut off at the end', bytes('abc', [0xe2, 0x98]), 3],
    ['a lead byte followed by ASCII', bytes([0xc3, 0x41]), 0],
  ])('refuses %s at its byte offset', (_name, input, offset) => {
    expect(findInvalidUtf8(input)).toBe(offset);
  });

  it('agrees with a strict decoder, and everything before the offset decodes', () => {
    expectProperty(
      fc.property(fc.uint8Array({ maxLength: 40 }), (input) => {
        const offset = findInvalidUtf8(input);
        if (offset === undefined) return decodes(input);
        return !decodes(input) && decodes(input.subarray(0, offset));
      }),
      { seed: 5, numRuns: 2000 },
    );
  });
});
