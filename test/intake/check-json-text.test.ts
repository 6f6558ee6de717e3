import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectProperty } from '../support/property.js';
import { checkJsonText } from '../../src/intake/check-json-text.js';
import { InputError } from '../../src/intake/input-error.js';
import { DEFAULT_INPUT_LIMITS } from '../../src/intake/input-limits.js';

/** The error `checkJsonText` throws for `text`, or undefined when the text passes. */
function problem(text: string, limits = DEFAULT_INPUT_LIMITS): InputError | undefined {
  try {
    checkJsonText(text, limits);
    return undefined;
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('checkJsonText: where the text stops being JSON', () => {
  it.each([
    ['{"a":}', 5],
    ['{"a":1', 6],
    ['[1,]', 3],
    ['x', 0],
    ['{"a":1} x', 8],
    ['{"a":01}', 6],
    ['{"a":"\\q"}', 7],
    ['{"a":tru}', 8],
    ["{'a':1}", 1],
    ['{"a":1,}', 7],
    ['"tab\there"', 4],
    ['{"a":"\\u12x4"}', 7],
    ['[1.]', 3],
    ['[1e+]', 4],
    ['[-x]', 2],
    ['{"a":1 // comment\n}', 7],
    ['{"a":1 /* comment */}', 7],
    ['[1,\u00A02]', 3],
    ['[NaN]', 1],
    ['"open', 5],
    ['', 0],
  ])('finds the error in %j at offset %i, as INPUT_NOT_JSON', (text, offset) => {
    const error = problem(text);
    expect(error?.code).toBe('INPUT_NOT_JSON');
    expect(error?.detail.offset).toBe(offset);
  });

  it('gives the line and column (1-based) of the error', () => {
    expect(problem('{\n  "familyName": "Secretname",\n  "x": }')?.detail).toMatchObject({ line: 3, column: 8 });
    expect(problem('{\r\n"a":\r\n}')?.detail).toMatchObject({ line: 3, column: 1 });
  });

  it('never puts the input in the error', () => {
    const error = problem('{"familyName": "Secretname" "x"}');
    expect(JSON.stringify({ message: error?.message, detail: error?.detail })).not.toContain('Secretname');
  });

  it('agrees with JSON.parse: passes any valid JSON text', () => {
    expectProperty(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => problem(JSON.stringify(value, null, 1)) === undefined),
      { seed: 42 },
    );
  });

  it('agrees with JSON.parse on JSON texts with one character inserted, removed or replaced', () => {
    // JSON's own punctuation most of the time, any UTF-16 unit otherwise.
    const oneChar = fc.oneof(
      fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '/', '-', '+', '0', '1', '.', 'e', 't', 'n', ' ', '\n', '\r', '\t', '\u00a0', '\u0000', '\ufeff'),
      fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    );
    const mutated = fc
      .tuple(fc.jsonValue({ maxDepth: 4 }), fc.nat(), fc.constantFrom('insert', 'remove', 'replace'), oneChar)
      .map(([value, at, how, ch]) => {
        const text = JSON.stringify(value);
        const i = text.length === 0 ? 0 : at % text.length;
        if (how === 'insert') return text.slice(0, i) + ch + text.slice(i);
        if (how === 'remove') return text.slice(0, i) + text.slice(i + 1);
        return text.slice(0, i) + ch + text.slice(i + 1);
      });
    expectProperty(
      fc.property(mutated, (text) => {
        const error = problem(text);
        // A removed character can make two keys equal: JSON.parse keeps the last, we refuse.
        if (error?.code === 'JSON_DUPLICATE_KEY') return parses(text);
        return (error === undefined) === parses(text);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('never points past the text for text JSON.parse rejects', () => {
    expectProperty(
      fc.property(fc.string(), (text) => parses(text) || Number(problem(text)?.detail.offset) <= text.length),
      { seed: 42 },
    );
  });
});

describe('checkJsonText: duplicate keys', () => {
  it('refuses a key given twice at the top level, naming its JSONPath and position', () => {
    const error = problem('{"outcome": "approved-in-principle",\n "outcome": "refused"}');
    expect(error?.code).toBe('JSON_DUPLICATE_KEY');
    expect(error?.detail).toMatchObject({ path: '$.outcome', line: 2, column: 2 });
  });

  it('refuses a duplicate in a nested object and in an object inside an array', () => {
    expect(problem('{"a": {"b": 1, "c": {}, "b": 2}}')?.detail.path).toBe('$.a.b');
    expect(problem('{"trp": [{"uci": "1"}, {"uci": "1", "uci": "2"}]}')?.detail.path).toBe('$.trp[1].uci');
  });

  it('sees through escapes: "a" and "\\u0061" are the same key', () => {
    expect(problem('{"a": 1, "\\u0061": 2}')?.code).toBe('JSON_DUPLICATE_KEY');
  });

  it('allows the same key in sibling objects', () => {
    expect(problem('[{"a": 1}, {"a": 2}, {"b": {"a": 3}}]')).toBeUndefined();
  });

  it('escapes a duplicate key in the path it reports', () => {
    const key = `\u001b[31m${'k'.repeat(10_000)}`;
    const path = String(problem(JSON.stringify({ x: 1 }).replace('"x":1', `${JSON.stringify(key)}:1,${JSON.stringify(key)}:2`))?.detail.path);
    expect(path).not.toContain('\u001b');
    expect(path.length).toBeLessThan(80);
  });
});

describe('checkJsonText: bounds', () => {
  it('refuses nesting past the depth limit at the first level too deep, with its position', () => {
    const limit = DEFAULT_INPUT_LIMITS.maxDepth;
    expect(problem(`${'['.repeat(limit)}${']'.repeat(limit)}`)).toBeUndefined();
    const error = problem(`${'['.repeat(limit + 1)}${']'.repeat(limit + 1)}`);
    expect(error?.code).toBe('INPUT_TOO_DEEP');
    expect(error?.detail).toMatchObject({ limit, line: 1, column: limit + 1 });
  });

  it.each([
    ['100,000 open arrays', '['.repeat(100_000)],
    ['100,000 closed objects', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
  ])('never overflows the stack on %s', (_name, text) => {
    expect(problem(text)?.code).toBe('INPUT_TOO_DEEP');
  });

  it('counts values and keys and refuses past the limit', () => {
    const limits = { ...DEFAULT_INPUT_LIMITS, maxNodes: 5 };
    expect(problem('{"a": [1, 2]}', limits)).toBeUndefined();
    expect(problem('{"a": [1, 2, 3]}', limits)?.code).toBe('INPUT_TOO_COMPLEX');
    expect(problem(`[${'0,'.repeat(100_000)}0]`)?.detail).toMatchObject({ limit: DEFAULT_INPUT_LIMITS.maxNodes });
  });
});
