import { beforeAll, describe, expect, it } from 'vitest';
import { FACE_KEYS, loadFontFaces } from '../../src/pdf/font-faces.js';
import type { FontFaces } from '../../src/pdf/font-faces.js';
import { shapePairwise } from '../../src/pdf/shape-pairwise.js';
import { layoutGlyphs, shapeWithLayoutEngine } from '../../src/pdf/shape-text.js';

let faces: FontFaces;
beforeAll(async () => {
  faces = await loadFontFaces();
});

const FRENCH = 'àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ’«»\u00A0\u202F–—“”!?\'"';
// Every character the pairwise path takes: ASCII of identifiers, French, and the rest of Latin-1's letters.
const ALPHABET = `ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,:;_@/#()+&%=-${FRENCH}áãåìíñòóõøúýþðÁÃÅÌÍÑÒÓÕØÚÝÞÐß`;

// A fixed sequence of pseudo-random texts (a linear congruential generator), the same on every run.
function randomTexts(count: number, seed: number): string[] {
  let state = seed;
  const next = (limit: number) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return (state >>> 8) % limit;
  };
  return Array.from({ length: count }, () => Array.from({ length: 1 + next(40) }, () => ALPHABET.charAt(next(ALPHABET.length))).join(''));
}

// Every pair of the alphabet side by side, so that each kerning pair the faces hold is met at least once.
function everyPair(): string {
  let text = '';
  for (const first of ALPHABET) for (const second of ALPHABET) text += `${first}${second}`;
  return text;
}

const REAL = [
  'HC-2026-000101-B2999',
  'f87bf37ac7bbae3916a5825eef06f6fadbccde32e717e8eadef9d5574380bf55',
  'HC-2026-000101-B288.applicant.68208d06@hc-correspondence.example',
  'AVo VAT Tw, WAY. LT. 11-17 (P.O. Box 4400)',
  '2026-03-12 ',
  'Zhang ',
  'Québec',
  'L’Île-d’Orléans',
  'Décision\u00A0: 20\u00A0novembre\u00A02026',
  '«\u202FŒuvre\u202F» — naïve, cœur, Æsop; ÇA VA?',
];

describe('shapePairwise', () => {
  it('gives exactly what the layout engine gives for the whole text, in every face', () => {
    const texts = [...REAL, everyPair(), ...randomTexts(1500, 20_261_201)];
    for (const key of FACE_KEYS) {
      const face = faces[key];
      for (const text of texts) {
        const pairwise = shapePairwise(face, text, layoutGlyphs);
        expect(pairwise, `${key}: ${text}`).toBeDefined();
        expect(pairwise, `${key}: ${text}`).toEqual(shapeWithLayoutEngine(face, text));
      }
    }
  });

  it('leaves any other text to the layout engine', () => {
    for (const text of ['a\u0301', 'e\u0300', 'x\u00D7y', '1\u00BD', 'fi\uFB01', 'déjà\u2026', '']) {
      expect(shapePairwise(faces.regular, text, layoutGlyphs), text).toBeUndefined();
    }
  });
});
