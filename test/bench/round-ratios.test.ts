import { describe, expect, it } from 'vitest';
import { median, roundRatios, summarise } from './round-ratios.js';

describe('round ratios', () => {
  it('takes the median of an odd and an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('divides within each round, so a slow round slows both engines and leaves the ratio', () => {
    // Round 2 ran on a machine twice as busy: both rates halve, the ratio does not move.
    const ours = [300, 150, 290];
    const pdfmake = [10, 5, 10];
    expect(roundRatios(ours, pdfmake)).toEqual({ median: 30, min: 29, max: 30, rounds: 3 });
    // The ratio of the median rates would mix rounds: 290 / 10.
    expect(median(ours) / median(pdfmake)).toBe(29);
  });

  it('reports the range over the rounds', () => {
    expect(summarise([16, 21, 20, 18])).toEqual({ median: 19, min: 16, max: 21, rounds: 4 });
  });

  it('refuses rates that do not pair up round by round', () => {
    expect(() => roundRatios([1, 2], [1])).toThrow();
    expect(() => roundRatios([], [])).toThrow();
  });
});
