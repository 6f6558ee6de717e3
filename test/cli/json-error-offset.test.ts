import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../src/cli/json-error-offset.js';

describe('jsonErrorOffset', () => {
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
  ])('finds the error in %j at %i', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('agrees with JSON.parse: it reports the end of any valid JSON text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value, null, 1);
        expect(jsonErrorOffset(text)).toBe(text.length);
      }),
      { seed: 42 },
    );
  });

  it('never points past the text for text JSON.parse rejects', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        if (!parses) expect(jsonErrorOffset(text)).toBeLessThanOrEqual(text.length);
      }),
      { seed: 42 },
    );
  });
});
