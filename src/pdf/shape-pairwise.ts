import { perFace } from './per-face.js';
import type { FontFace } from './font-faces.js';
import { trailingSpaceOf, type ShapedGlyph, type ShapedText } from './shaped-text.js';

/** A glyph as the layout engine placed it, in font units. */
export interface PlacedGlyph {
  readonly id: number;
  readonly xAdvance: number;
  readonly xOffset: number;
  readonly yOffset: number;
}

/** The face's layout engine on a short text: its glyphs, one per character for what this file takes. */
export type LayoutGlyphs = (face: FontFace, text: string) => readonly PlacedGlyph[];

// Characters that the letter's faces draw one glyph each, with no substitution among them and
// with kerning as their only positioning (pairs of glyphs, no context): letters, digits, space and
// the punctuation of identifiers, addresses and hashes, and what French adds to them (accented
// letters, the ligatures œ and æ as letters, apostrophes, guillemets, no-break spaces, dashes).
// A test compares this path with the layout engine's on every pair and thousands of random texts
// in every face; a character the engine draws otherwise makes this path step aside (undefined).
const LATIN_1_LETTERS = Array.from({ length: 0x100 - 0xc0 }, (_, i) => String.fromCharCode(0xc0 + i)).filter((c) => c !== '\u00D7' && c !== '\u00F7').join('');
const PAIRWISE_CHARACTERS = `ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,:;_@/#()+&%=!?'"-\u00A0\u00AB\u00BB${LATIN_1_LETTERS}\u0152\u0153\u0178\u2013\u2014\u2019\u201C\u201D\u202F`;
const SIZE = PAIRWISE_CHARACTERS.length;
/** Each character's place in the tables below, by UTF-16 code unit; -1 for any other. */
const PLACE = new Int16Array(0x2030).fill(-1);
for (let place = 0; place < SIZE; place += 1) PLACE[PAIRWISE_CHARACTERS.charCodeAt(place)] = place;

const placeOf = (code: number): number => (code < PLACE.length ? (PLACE[code] ?? -1) : -1);

/** Per face: each character alone, and per pair of neighbours what kerning changes on each of the two glyphs. */
interface FaceTables {
  readonly single: (PlacedGlyph | null | undefined)[];
  /** Per pair (first × SIZE + second): 0 not asked yet, 1 two glyphs as alone plus deltas, 2 the engine did otherwise. */
  readonly pairState: Uint8Array;
  /**
   * Per pair, six deltas in font units against the glyphs alone: the first glyph's advance, x and y
   * offsets, then the second's (kerning is small: a delta that does not fit 16 bits sends the pair
   * to the layout engine). Compact on purpose: a face meets tens of thousands of pairs.
   */
  readonly pairDelta: Int16Array;
}

const tables = new WeakMap<FontFace, FaceTables>();

function tablesOf(face: FontFace): FaceTables {
  return perFace(tables, face, () => ({ single: new Array<PlacedGlyph | null | undefined>(SIZE), pairState: new Uint8Array(SIZE * SIZE), pairDelta: new Int16Array(SIZE * SIZE * 6) }));
}

function single(face: FontFace, place: number, layout: LayoutGlyphs, own: FaceTables): PlacedGlyph | null {
  let glyph = own.single[place];
  if (glyph === undefined) {
    const placed = layout(face, PAIRWISE_CHARACTERS.charAt(place));
    glyph = placed.length === 1 && placed[0] !== undefined ? placed[0] : null;
    own.single[place] = glyph;
  }
  return glyph;
}

const DELTAS_FIT = (values: readonly number[]) => values.every((v) => Number.isInteger(v) && Math.abs(v) < 2 ** 15);

/** The pair's index in the tables, its deltas filled in on first use; -1 where the pair cannot be taken pairwise. */
function pair(face: FontFace, first: number, second: number, layout: LayoutGlyphs, own: FaceTables): number {
  const index = first * SIZE + second;
  const state = own.pairState[index];
  if (state === 1) return index;
  if (state === 2) return -1;
  const a = single(face, first, layout, own);
  const b = single(face, second, layout, own);
  const glyphs = layout(face, PAIRWISE_CHARACTERS.charAt(first) + PAIRWISE_CHARACTERS.charAt(second));
  const [x, y] = glyphs;
  const deltas = glyphs.length === 2 && a && b && x && y && x.id === a.id && y.id === b.id
    ? [x.xAdvance - a.xAdvance, x.xOffset - a.xOffset, x.yOffset - a.yOffset, y.xAdvance - b.xAdvance, y.xOffset - b.xOffset, y.yOffset - b.yOffset]
    : undefined;
  if (deltas === undefined || !DELTAS_FIT(deltas)) {
    own.pairState[index] = 2;
    return -1;
  }
  own.pairDelta.set(deltas, index * 6);
  own.pairState[index] = 1;
  return index;
}

/**
 * Shapes a text of the characters above from what the layout engine gives for each character
 * alone and for each pair of neighbours (kept per face in fixed tables), which is what it gives
 * for the whole text when kerning is a matter of pairs. Undefined for any other text, or if a
 * pair did not come back as the two glyphs alone: the caller then shapes the text whole.
 */
export function shapePairwise(face: FontFace, text: string, layout: LayoutGlyphs): ShapedText | undefined {
  if (text.length === 0) return undefined;
  const places: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const place = placeOf(text.charCodeAt(index));
    if (place < 0) return undefined;
    places.push(place);
  }
  const own = tablesOf(face);
  const deltas = own.pairDelta;
  const glyphs: ShapedGlyph[] = [];
  let advance = 0;
  for (let index = 0; index < places.length; index += 1) {
    const place = places[index] ?? 0;
    const alone = single(face, place, layout, own);
    if (alone === null) return undefined;
    let { xAdvance, xOffset, yOffset } = alone;
    if (index > 0) {
      const before = pair(face, places[index - 1] ?? 0, place, layout, own);
      if (before < 0) return undefined;
      xAdvance += deltas[before * 6 + 3] ?? 0;
      xOffset += deltas[before * 6 + 4] ?? 0;
      yOffset += deltas[before * 6 + 5] ?? 0;
    }
    if (index + 1 < places.length) {
      const after = pair(face, place, places[index + 1] ?? 0, layout, own);
      if (after < 0) return undefined;
      xAdvance += deltas[after * 6] ?? 0;
      xOffset += deltas[after * 6 + 1] ?? 0;
      yOffset += deltas[after * 6 + 2] ?? 0;
    }
    glyphs.push({ id: alone.id, text: text.charAt(index), xAdvance, xOffset, yOffset });
    advance += xAdvance;
  }
  return { glyphs, advance, trailingSpace: trailingSpaceOf(glyphs) };
}
