import { beforeAll, describe, expect, it } from 'vitest';
import { breakLines } from '../../src/pdf/break-lines.js';
import type { Line } from '../../src/pdf/break-lines.js';
import { loadFontFaces } from '../../src/pdf/font-faces.js';
import type { FontFaces } from '../../src/pdf/font-faces.js';
import { shapeText } from '../../src/pdf/shape-text.js';
import { unbreakableRun } from './pdf-test-kit.js';

let faces: FontFaces;
beforeAll(async () => {
  faces = await loadFontFaces();
});

function lineTexts(lines: readonly Line<string>[]): string[] {
  return lines.map((line) => line.pieces.map((piece) => piece.shaped.glyphs.map((glyph) => glyph.text).join('')).join(''));
}

function lines(text: string, width: number): string[] {
  return lineTexts(breakLines([{ text, face: faces.regular, tag: 'p', where: 'test' }], 11, width));
}

describe('breakLines', () => {
  it('never breaks at U+00A0 or U+202F, even when a plain space would fit better', () => {
    const text = 'Montant\u00A0: 1\u00A0250,00\u00A0$ et voilà\u202F! fin de la phrase';
    for (const width of [60, 70, 80, 100, 140]) {
      for (const line of lines(text, width)) {
        expect(line.startsWith('\u00A0') || line.startsWith('\u202F')).toBe(false);
        expect(/[\u00A0\u202F] ?$/.test(line)).toBe(false);
      }
    }
  });

  it('breaks a word longer than the line between characters instead of overflowing', () => {
    const word = 'Pneumonoultramicroscopicsilicovolcanoconiosis';
    const broken = breakLines([{ text: `see ${word} here`, face: faces.regular, tag: 'p', where: 'test' }], 11, 80);
    expect(broken.length).toBeGreaterThan(2);
    for (const line of broken) expect(line.width).toBeLessThanOrEqual(80);
    expect(lineTexts(broken).join('')).toBe(`see ${word} here`);
  });

  it('breaks a 50,000-character word into full lines, each one piece per style', () => {
    const [regular, bold] = [unbreakableRun(300, 'mixed'), unbreakableRun(49_700, 'mixed')];
    const broken = breakLines(
      [
        { text: `see ${regular}`, face: faces.regular, tag: 'p', where: 'test' },
        { text: `${bold} here`, face: faces.bold, tag: 'p', where: 'test' },
      ],
      11,
      300,
    );
    expect(lineTexts(broken).join('')).toBe(`see ${regular}${bold} here`);
    broken.forEach((line, index) => {
      expect(line.width).toBeLessThanOrEqual(300);
      expect(line.pieces.length).toBeLessThanOrEqual(2);
      // Every line but the last two is full: it would not take one more cluster.
      if (index > 0 && index < broken.length - 2) expect(line.width).toBeGreaterThan(300 - 11);
    });
  });

  it('moves a long word that fits on a line to the next one whole, as it does a short one', () => {
    const word = 'a'.repeat(400);
    const size = 1;
    const wordWidth = (shapeText(faces.regular, 'a', 'test').advance * 400 * size) / faces.regular.unitsPerEm;
    const seeWidth = (shapeText(faces.regular, 'see', 'test').advance * size) / faces.regular.unitsPerEm;
    const broken = breakLines([{ text: `see ${word}`, face: faces.regular, tag: 'p', where: 'test' }], size, wordWidth + seeWidth / 2);
    expect(lineTexts(broken)).toEqual(['see ', word]);
  });

  it('fills lines greedily and keeps the spaces between words in the text', () => {
    expect(lines('one two three four', 1000)).toEqual(['one two three four']);
    expect(lines('one two three four', 45).join('|')).toBe('one two |three |four');
  });

  it('applies the font kerning', () => {
    const pair = shapeText(faces.regular, 'AV', 'test').advance;
    const single = shapeText(faces.regular, 'A', 'test').advance + shapeText(faces.regular, 'V', 'test').advance;
    expect(pair).toBeLessThan(single);
  });

  it('gives each glyph the text it stands for, also for a base glyph under a decomposed accent', () => {
    shapeText(faces.regular, 'o', 'test');
    const shaped = shapeText(faces.regular, 'yọ̀'.normalize('NFC'), 'test');
    expect(shaped.glyphs.map((glyph) => glyph.text).join('')).toBe('yọ̀'.normalize('NFC'));
  });
});
