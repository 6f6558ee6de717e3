import { beforeAll, describe, expect, it } from 'vitest';
import { breakLines } from '../../src/pdf/break-lines.js';
import type { Line } from '../../src/pdf/break-lines.js';
import { loadFontFaces } from '../../src/pdf/font-faces.js';
import type { FontFaces } from '../../src/pdf/font-faces.js';
import { shapeText } from '../../src/pdf/shape-text.js';

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
