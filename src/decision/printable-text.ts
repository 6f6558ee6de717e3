import { LETTER_REPERTOIRE } from './letter-repertoire.js';

/**
 * What a text field of a record may hold: only characters the letters can print as they are.
 * Two closed sets decide it, in this order:
 *
 * - control characters (`TEXT_CONTROL_CHARACTER`): C0 controls U+0000–U+001F (a line feed is
 *   allowed in the multi-paragraph fields), DEL and C1 U+007F–U+009F, format characters
 *   (category Cf: soft hyphen, zero-width space and joiners, LRM/RLM, bidi embeddings, overrides
 *   and isolates, word joiner, BOM…), the other default-ignorable characters (combining grapheme
 *   joiner, variation selectors, Hangul fillers, tags…), line and paragraph separators
 *   U+2028/U+2029, private use, noncharacters (U+FDD0–U+FDEF and every U+xxFFFE/U+xxFFFF), lone
 *   surrogates, and U+FFFD, the mark of text already damaged upstream. None draws anything a
 *   reader could check, several reorder or hide what is printed around them;
 * - characters the letter font cannot draw (`TEXT_UNSUPPORTED_CHARACTER`): everything outside
 *   `LETTER_REPERTOIRE`, the code points all four faces of Source Sans 3 have a glyph for.
 */

const NONCHARACTERS = Array.from({ length: 17 }, (_, plane) => {
  const last = (plane * 0x10000 + 0xffff).toString(16);
  return `\\u{${(plane * 0x10000 + 0xfffe).toString(16)}}-\\u{${last}}`;
}).join('');

const OTHER_CONTROLS = `\\p{Cf}\\p{Cs}\\p{Co}\\p{Zl}\\p{Zp}\\p{Default_Ignorable_Code_Point}\\u{FDD0}-\\u{FDEF}\\u{FFFD}${NONCHARACTERS}`;
const CONTROL_IN_LINE = new RegExp(`[\\u{0}-\\u{1F}\\u{7F}-\\u{9F}${OTHER_CONTROLS}]`, 'u');
const CONTROL_IN_PARAGRAPHS = new RegExp(`[\\u{0}-\\u{9}\\u{B}-\\u{1F}\\u{7F}-\\u{9F}${OTHER_CONTROLS}]`, 'u');

/** What a field holds: one line (names, addresses, titles) or paragraphs separated by line feeds. */
export type TextShape = 'line' | 'paragraphs';

/** `U+202E`: how a message names a character, never the character itself. */
export function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first control character of `text` (see above), as a code point; undefined when there is none. */
export function findControlCharacter(text: string, shape: TextShape): number | undefined {
  const match = (shape === 'paragraphs' ? CONTROL_IN_PARAGRAPHS : CONTROL_IN_LINE).exec(text);
  return match === null ? undefined : match[0].codePointAt(0);
}

let room: Map<number, number> | undefined;

/** Code point → room on a line, built once from the generated ranges. */
function roomByCodePoint(): Map<number, number> {
  if (room === undefined) {
    room = new Map();
    for (const [first, last, widths] of LETTER_REPERTOIRE) {
      for (let cp = first; cp <= last; cp += 1) room.set(cp, widths[cp - first] ?? 0);
    }
  }
  return room;
}

/** True when all four faces of the letter font draw `codePoint`. */
export function isInLetterRepertoire(codePoint: number): boolean {
  return roomByCodePoint().has(codePoint);
}

const LINE_FEED = 0x0a;

/**
 * The first character of `text` the letter font cannot draw, as a code point; undefined when it
 * draws them all. A line feed between paragraphs is never drawn, so it is not asked for.
 */
export function findUnsupportedCharacter(text: string, shape: TextShape): number | undefined {
  const known = roomByCodePoint();
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (!known.has(cp) && !(cp === LINE_FEED && shape === 'paragraphs')) return cp;
  }
  return undefined;
}

const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** True when `text` holds a letter, digit, punctuation or symbol: something a reader sees. */
export function hasVisibleCharacter(text: string): boolean {
  return VISIBLE.test(text);
}

/** Length in characters (code points), as JSON Schema's maxLength counts. */
export function countCharacters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    count += 1;
  }
  return count;
}

/** The widest room any character takes: what an unknown character is counted as. */
const WIDEST = Math.max(...LETTER_REPERTOIRE.flatMap(([, , widths]) => widths));

/** Punctuation beside which French typography may add a no-break space (`src/i18n/french-spacing.ts`). */
const FRENCH_SPACED = new Set([0x3a, 0x3b, 0x21, 0x3f, 0xab, 0xbb]);

/**
 * The most width `text` can take on a line of the letter's regular face, in thousandths of an
 * em: the sum of each character's room (`letter-repertoire.ts`), and of a no-break space beside
 * each `: ; ! ? « »` for a French letter. The typesetter's shaped line is never wider.
 * Characters outside the repertoire count as the widest.
 */
export function printedWidth(text: string): number {
  const known = roomByCodePoint();
  const space = Math.max(known.get(0xa0) ?? WIDEST, known.get(0x202f) ?? WIDEST);
  let width = 0;
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    width += (known.get(cp) ?? WIDEST) + (FRENCH_SPACED.has(cp) ? space : 0);
  }
  return width;
}
