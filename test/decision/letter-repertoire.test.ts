import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectProperty } from '../support/property.js';
import { LETTER_REPERTOIRE } from '../../src/decision/letter-repertoire.js';
import { PERSON_NAME_ROOM, WINDOW_LINE_ROOM } from '../../src/decision/print-room.js';
import { countCharacters, findControlCharacter, findUnsupportedCharacter, isInLetterRepertoire, printedWidth } from '../../src/decision/printable-text.js';
import { FACE_KEYS, loadFontFaces } from '../../src/pdf/font-faces.js';
import type { LetterDocument, TextRun } from '../../src/pdf/letter-document.js';
import { applyFrenchSpacing } from '../../src/i18n/french-spacing.js';
import { shapeText } from '../../src/pdf/shape-text.js';
import { typesetPdf } from '../../src/pdf/typeset-pdf.js';
import { issuesOf } from '../support/issues.js';
import { validateAndRender } from '../support/render-check.js';
import { familyMember, recordWith } from '../support/records.js';
import { deriveLetterRepertoire, MODULE_PATH } from './derive-letter-repertoire.js';

// Validation (src/decision) refuses exactly what the typesetter (src/pdf) cannot draw. Only this
// test sees both: it re-derives the repertoire from the fonts, and renders it.

const repertoire = LETTER_REPERTOIRE.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, i) => first + i));
/** What a one-line text field accepts: the repertoire less the control characters. */
const accepted = repertoire.filter((cp) => findControlCharacter(String.fromCodePoint(cp), 'line') === undefined);
const faces = await loadFontFaces();

/**
 * Consecutive strings of accepted characters (NFC), each no wider than `room` and `maxLength`
 * characters. A character that NFC would compose with the one before into a character the font
 * lacks (U+0168 U+0301 is U+1E78) starts after a space instead.
 */
function chunks(codePoints: readonly number[], room: number, maxLength: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const cp of codePoints) {
    const char = String.fromCodePoint(cp);
    const joined = (current + char).normalize('NFC');
    const next = findUnsupportedCharacter(joined, 'line') === undefined ? joined : `${current} ${char}`.normalize('NFC');
    if (current !== '' && (countCharacters(next) > maxLength || printedWidth(next) > room)) {
      out.push(current);
      current = char.normalize('NFC');
    } else current = next;
  }
  if (current !== '') out.push(current);
  return out;
}

describe('the letter repertoire (src/decision/letter-repertoire.ts)', () => {
  it('is what the font files give today: re-derived, it is the committed module (run test/decision/derive-letter-repertoire.ts after a font upgrade)', () => {
    expect(readFileSync(MODULE_PATH, 'utf8')).toBe(deriveLetterRepertoire());
  });

  it('holds the Latin, Greek and Cyrillic letters, and none of the scripts the font lacks', () => {
    expect(repertoire.length).toBe(1614);
    expect(accepted.length).toBe(1610);
    for (const char of 'AzÉéçÇœŒßÆŁłŞşȘșĂăĐđŸÿÑñ’–—«»€') expect(isInLetterRepertoire(char.codePointAt(0) ?? 0), char).toBe(true);
    for (const char of ['王', 'ا', 'א', 'क', 'ก', '한', '😀', 'ა', 'Ա']) expect(isInLetterRepertoire(char.codePointAt(0) ?? 0), char).toBe(false);
  });

  it('is exactly what every face the typesetter loads can draw, over all of Unicode', () => {
    const disagree: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp += 1) {
      const drawn = FACE_KEYS.every((key) => faces[key].font.hasGlyphForCodePoint(cp));
      if (drawn !== isInLetterRepertoire(cp)) disagree.push(cp.toString(16));
    }
    expect(disagree).toEqual([]);
  }, 120_000);
});

describe('printedWidth bounds what the typesetter shapes', () => {
  const regular = faces.regular;
  const shaped = (text: string) => shapeText(regular, text, 'test').advance;

  it('for every accepted character on its own', () => {
    const over = accepted.filter((cp) => shaped(String.fromCodePoint(cp)) > printedWidth(String.fromCodePoint(cp)));
    expect(over).toEqual([]);
  });

  it('for strings of accepted characters, kerning, substitutions, marks and French spacing included', () => {
    const char = fc.constantFrom(...accepted.map((cp) => String.fromCodePoint(cp)), ' ', 'f', 'r', 'V', 'T', '.', ',', ' :', '!', ' ?', '«', '»');
    expectProperty(
      fc.property(fc.array(char, { minLength: 1, maxLength: 60 }), (chars) => {
        const text = chars.join('').normalize('NFC');
        // NFC may compose two accepted characters into one the font lacks: validation refuses that text.
        fc.pre(findUnsupportedCharacter(text, 'line') === undefined);
        expect(shaped(text)).toBeLessThanOrEqual(printedWidth(text));
        expect(shaped(applyFrenchSpacing(text))).toBeLessThanOrEqual(printedWidth(text));
      }),
      { numRuns: 3000, seed: 8 },
    );
  });
});

describe('validate and render agree over the whole repertoire', () => {
  it('every accepted character is drawn in every face', async () => {
    const text = accepted.map((cp) => String.fromCodePoint(cp)).join(' ');
    const styles: Omit<TextRun, 'text'>[] = [{}, { bold: true }, { italic: true }, { bold: true, italic: true }];
    const doc: LetterDocument = {
      lang: 'en-CA',
      title: 'Repertoire',
      author: 'test',
      keywords: [],
      dates: { created: '2026-11-26T09:30:00-05:00' },
      letterhead: { lines: [] },
      references: [],
      pageLabel: 'Page {page} of {pages}',
      blocks: styles.map((style) => ({ kind: 'paragraph', runs: [{ ...style, text }] })),
    };
    expect((await typesetPdf(doc)).length).toBeGreaterThan(1000);
  }, 120_000);

  it('every accepted character is accepted by validation and rendered from names, addresses and reasons', async () => {
    // Names as wide as the window lets them be; 30 family members a record.
    const names = chunks(accepted, PERSON_NAME_ROOM, 100);
    const lines = chunks(accepted, WINDOW_LINE_ROOM, 120);
    for (let start = 0; start < names.length; start += 30) {
      const group = names.slice(start, start + 30);
      const record = recordWith((r) => {
        r.principalApplicant.familyName = group[0];
        r.principalApplicant.givenNames = '';
        r.familyMembers = group.slice(1).map((name, i) => familyMember({ uci: `23-4567-${String(1000 + i)}`, familyName: name, givenNames: '' }));
        r.correspondence.postalAddress.line1 = lines[start % lines.length];
        r.correspondence.postalAddress.line2 = lines[(start + 1) % lines.length];
        r.reasons = accepted.map((cp) => String.fromCodePoint(cp)).join(' ');
      });
      expect(await validateAndRender(record)).toEqual({ kind: 'rendered' });
    }
  }, 300_000);

  it.each([
    ['CJK', '王'], ['Arabic', 'ا'], ['Hebrew', 'א'], ['Devanagari', 'क'], ['Thai', 'ก'], ['Hangul', '한'],
    ['Georgian', 'ა'], ['Armenian', 'Ա'], ['an emoji', '😀'], ['a flag', '🇨🇦'], ['a mathematical letter', '𝐀'],
  ])('refuses %s at validation, which the typesetter could not draw', async (_script, char) => {
    const cp = char.codePointAt(0) ?? 0;
    expect(findUnsupportedCharacter(char, 'line')).toBe(cp);
    expect(issuesOf(recordWith((r) => { r.principalApplicant.familyName = `Sample${char}`; }))).toEqual(['$.principalApplicant.familyName TEXT_UNSUPPORTED_CHARACTER']);
    const doc: LetterDocument = {
      lang: 'en-CA', title: 't', author: 't', keywords: [], dates: { created: '2026-11-26T09:30:00-05:00' },
      letterhead: { lines: [] }, references: [], pageLabel: 'p', blocks: [{ kind: 'paragraph', runs: [{ text: char }] }],
    };
    await expect(typesetPdf(doc)).rejects.toMatchObject({ code: 'PDF_GLYPH_MISSING' });
  });

  it('refuses as control characters the ones the font has glyphs for but a letter must not hold', () => {
    const inFontButControl = repertoire.filter((cp) => !accepted.includes(cp)).map((cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
    expect(inFontButControl).toEqual(['U+00AD', 'U+034F', 'U+200B', 'U+FEFF']);
  });

  it('checks the text as normalised: two accepted characters that NFC composes into one the font lacks are refused, as the typesetter would', async () => {
    const name = 'Sample \u0168\u0301';
    expect(issuesOf(recordWith((r) => { r.principalApplicant.familyName = name; }))).toEqual(['$.principalApplicant.familyName TEXT_UNSUPPORTED_CHARACTER']);
    const doc: LetterDocument = {
      lang: 'en-CA', title: 't', author: 't', keywords: [], dates: { created: '2026-11-26T09:30:00-05:00' },
      letterhead: { lines: [] }, references: [], pageLabel: 'p', blocks: [{ kind: 'address', lines: [name] }],
    };
    await expect(typesetPdf(doc)).rejects.toMatchObject({ code: 'PDF_GLYPH_MISSING', codePoint: 0x1e78 });
  });
});
