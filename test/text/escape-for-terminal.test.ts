import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectProperty } from '../support/property.js';
import { escapeForTerminal, stringifyForTerminal, TERMINAL_TEXT_LIMIT } from '../../src/text/escape-for-terminal.js';

/** Anything a terminal could act on or that reorders what it shows. */
// eslint-disable-next-line no-control-regex -- the test looks for exactly these characters
const RAW_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]/u;

/** UTF-16 text leaning on controls, the bidi and separator block and surrogates (lone or paired). */
const anyText = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 0xff }), fc.integer({ min: 0x2000, max: 0x206f }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.integer({ min: 0, max: 0xffff })), { maxLength: 40 })
  .map((units) => String.fromCharCode(...units));

describe('escapeForTerminal', () => {
  it.each([
    ['an ANSI colour sequence', '\u001b[31mred\u001b[0m', '\\u001b[31mred\\u001b[0m'],
    ['a newline and a carriage return', 'a\nb\rc', 'a\\u000ab\\u000dc'],
    ['NUL and DEL', 'a\u0000b\u007f', 'a\\u0000b\\u007f'],
    ['the C1 control sequence introducer', 'x\u009b2J', 'x\\u009b2J'],
    ['a right-to-left override', 'abc\u202Etxt.exe', 'abc\\u202etxt.exe'],
    ['the bidi isolates', '\u2066\u2067\u2068\u2069', '\\u2066\\u2067\\u2068\\u2069'],
    ['the bidi marks', '\u200e\u200f\u061c', '\\u200e\\u200f\\u061c'],
    ['the embeddings and the pop', '\u202a\u202b\u202c\u202d', '\\u202a\\u202b\\u202c\\u202d'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
    ['a lone high and a lone low surrogate', 'a\ud800b\udc00', 'a\\ud800b\\udc00'],
  ])('escapes %s', (_name, text, shown) => {
    expect(escapeForTerminal(text)).toBe(shown);
  });

  it('leaves ordinary text, accents and a surrogate pair (emoji) as they are', () => {
    expect(escapeForTerminal('Élodie Côté-Ngũgĩ 😀 «»')).toBe('Élodie Côté-Ngũgĩ 😀 «»');
  });

  it('cuts text longer than the limit and marks the cut with an ellipsis', () => {
    const key = 'k'.repeat(10_000);
    const shown = escapeForTerminal(key);
    expect(shown).toBe(`${'k'.repeat(TERMINAL_TEXT_LIMIT)}…`);
    expect(escapeForTerminal('k'.repeat(TERMINAL_TEXT_LIMIT))).toBe('k'.repeat(TERMINAL_TEXT_LIMIT));
    expect(escapeForTerminal('abcdef', { maxLength: 3 })).toBe('abc…');
    expect(escapeForTerminal('abcdef', { maxLength: Infinity })).toBe('abcdef');
  });

  it('counts code points when cutting, so a surrogate pair is never split', () => {
    expect(escapeForTerminal('😀😀😀', { maxLength: 2 })).toBe('😀😀…');
  });

  it('a 10,000-character key of escape sequences and newlines prints as one short line', () => {
    const shown = escapeForTerminal('\u001b[2J\n'.repeat(2_000));
    expect(shown).not.toMatch(RAW_UNSAFE);
    expect(shown).not.toContain('\n');
    expect(shown.length).toBeLessThan(TERMINAL_TEXT_LIMIT * 6 + 2);
  });

  it('quoted, reads back as the same string through JSON.parse', () => {
    expect(escapeForTerminal('say "hi"\\\n', { quote: true })).toBe('"say \\"hi\\"\\\\\\u000a"');
    expectProperty(
      fc.property(anyText, (text) => {
        const shown = escapeForTerminal(text, { quote: true, maxLength: Infinity });
        return !RAW_UNSAFE.test(shown) && JSON.parse(shown) === text;
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('never lets an unsafe character through, cut or not', () => {
    expectProperty(
      fc.property(anyText, fc.integer({ min: 1, max: 80 }), (text, maxLength) => !RAW_UNSAFE.test(escapeForTerminal(text, { maxLength }))),
      { seed: 11, numRuns: 500 },
    );
  });

});

describe('stringifyForTerminal', () => {
  it('writes the same JSON value, pretty or not, with nothing a terminal acts on', () => {
    const value = { file: 'dir/\u009b\u202e\u001b.json', errors: [{ path: '$["\u2028"]', del: '\u007f', lone: '\ud800' }] };
    for (const indent of [undefined, 2]) {
      const shown = stringifyForTerminal(value, indent);
      expect(shown.replaceAll('\n', '')).not.toMatch(RAW_UNSAFE);
      expect(JSON.parse(shown)).toEqual(value);
    }
    expect(stringifyForTerminal({ a: 1 }, 2)).toBe('{\n  "a": 1\n}');
  });

  it('keeps any JSON value, whatever its strings hold', () => {
    expectProperty(
      fc.property(fc.jsonValue(), (value) => {
        const shown = stringifyForTerminal(value);
        return !RAW_UNSAFE.test(shown) && JSON.stringify(JSON.parse(shown)) === JSON.stringify(value);
      }),
      { seed: 3 },
    );
  });
});
