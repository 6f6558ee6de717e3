import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphemeClusters } from '../../src/pdf/graphemes.js';

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
const whole = (text: string) => [...segmenter.segment(text)].map((s) => s.segment);

describe('graphemeClusters', () => {
  it.each([
    ['empty', ''],
    ['ASCII across many slices', 'x'.repeat(2000)],
    ['a cluster across the first slice boundary', `${'a'.repeat(511)}e\u0301\u0302z`],
    ['an emoji ZWJ sequence across a boundary', `${'a'.repeat(509)}👩‍👩‍👧‍👦 end`],
    ['flags across a boundary', `${'a'.repeat(511)}🇨🇦🇫🇷🇨🇦`],
    ['CRLF across a boundary', `${'a'.repeat(511)}\r\nb`],
    ['two-byte text (the case that was quadratic)', '⸻é'.repeat(5000)],
  ])('splits %s as Intl.Segmenter does on the whole text', (_name, text) => {
    expect(graphemeClusters(text)).toEqual(whole(text));
  });

  it('agrees with Intl.Segmenter on arbitrary text', () => {
    const char = fc.constantFrom('a', 'e', '\u0301', '\u0302', '\u200d', '👩', '🇨', '🇦', ' ', '\r', '\n', 'ᄀ', 'ᅡ', 'ᆨ', '⸻');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 1500 }), (chars) => {
        const text = chars.join('');
        expect(graphemeClusters(text)).toEqual(whole(text));
      }),
      { numRuns: 100, seed: 8 },
    );
  });

  it('segments a 200,000-character word, which Intl.Segmenter alone could not in 1 GB (issue 8)', () => {
    const clusters = graphemeClusters('⸻'.repeat(200_000));
    expect(clusters.length).toBe(200_000);
  });
});
