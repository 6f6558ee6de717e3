import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectProperty } from '../support/property.js';
import { graphemeClusters } from '../../src/pdf/grapheme-clusters.js';

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

function wholeStringClusters(text: string): string[] {
  return [...segmenter.segment(text)].map(({ segment }) => segment);
}

// Pieces that join into clusters across any window edge: marks, joiners, surrogate pairs,
// regional indicators (pairs), CR LF, controls and a lone surrogate.
const UNITS = [
  'a', 'Z', ' ', '.', '~', '\u00A0', '\u202F', '\r', '\n', '\r\n', '\t', '\u007F',
  '\u0301', '\u0323', '\u0328', '\u200D', '\u200B', '\u2060', 'é', 'ọ̀',
  '\u{1F512}', '\u{1F4A9}', '\u{1F1E8}', '\u{1F1E6}', '\u{1F469}\u200D\u{1F4BB}', '\uD83D',
  'क', '\u094D', 'ष',
];

describe('graphemeClusters', () => {
  it('gives the clusters Intl.Segmenter gives for the whole string, across window edges', () => {
    expectProperty(
      fc.property(fc.array(fc.constantFrom(...UNITS), { minLength: 20, maxLength: 400, size: 'max' }), (units) => {
        const text = units.join('');
        expect([...graphemeClusters(text)]).toEqual(wholeStringClusters(text));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a cluster longer than a window whole', () => {
    const text = `x${'a\u0301'.repeat(3)}${'\u0323'.repeat(500)}b`;
    expect([...graphemeClusters(text)]).toEqual(wholeStringClusters(text));
    expect([...graphemeClusters(text)]).toHaveLength(5);
  });

  it('segments a million characters, the whole run back in order', () => {
    const run = 'ab\u{1F512}q\u0301 '.repeat(200_000);
    let joined = '';
    let count = 0;
    for (const cluster of graphemeClusters(run)) {
      joined += cluster;
      count += 1;
    }
    expect(joined).toBe(run);
    expect(count).toBe(5 * 200_000);
  });
});
