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
const PAIRWISE = /^[A-Za-z0-9 .,:;_@/#()+&%=!?'"\-\u00A0\u00AB\u00BB\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF\u0152\u0153\u0178\u2013\u2014\u2019\u201C\u201D\u202F]+$/;

interface FaceTables {
  readonly single: Map<string, PlacedGlyph>;
  /** Per pair of characters: the two glyphs as placed side by side, or null where the engine did otherwise. */
  readonly pairs: Map<string, readonly [PlacedGlyph, PlacedGlyph] | null>;
}

const tables = new WeakMap<FontFace, FaceTables>();

function tablesOf(face: FontFace): FaceTables {
  let found = tables.get(face);
  if (found === undefined) {
    found = { single: new Map(), pairs: new Map() };
    tables.set(face, found);
  }
  return found;
}

function single(face: FontFace, char: string, layout: LayoutGlyphs, own: FaceTables): PlacedGlyph | undefined {
  let glyph = own.single.get(char);
  if (glyph === undefined) {
    const placed = layout(face, char);
    if (placed.length !== 1 || placed[0] === undefined) return undefined;
    glyph = placed[0];
    own.single.set(char, glyph);
  }
  return glyph;
}

function pair(face: FontFace, chars: string, layout: LayoutGlyphs, own: FaceTables): readonly [PlacedGlyph, PlacedGlyph] | null {
  let placed = own.pairs.get(chars);
  if (placed === undefined) {
    const glyphs = layout(face, chars);
    const [first, second] = glyphs;
    placed = glyphs.length === 2 && first !== undefined && second !== undefined ? [first, second] : null;
    own.pairs.set(chars, placed);
  }
  return placed;
}

/**
 * Shapes a text of the characters above from what the layout engine gives for each character
 * alone and for each pair of neighbours (kept per face: a few thousand pairs at most), which is
 * what it gives for the whole text when kerning is a matter of pairs. Undefined for any other
 * text, or if a pair did not come back as two glyphs: the caller then shapes the text whole.
 */
export function shapePairwise(face: FontFace, text: string, layout: LayoutGlyphs): ShapedText | undefined {
  if (!PAIRWISE.test(text)) return undefined;
  const own = tablesOf(face);
  const glyphs: ShapedGlyph[] = [];
  let advance = 0;
  let previous: PlacedGlyph | undefined;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    const alone = single(face, char, layout, own);
    if (alone === undefined) return undefined;
    let { xAdvance, xOffset, yOffset } = alone;
    if (previous !== undefined) {
      const before = pair(face, text.charAt(index - 1) + char, layout, own);
      if (before === null || before[1].id !== alone.id || before[0].id !== previous.id) return undefined;
      xAdvance += before[1].xAdvance - alone.xAdvance;
      xOffset += before[1].xOffset - alone.xOffset;
      yOffset += before[1].yOffset - alone.yOffset;
    }
    if (index + 1 < text.length) {
      const after = pair(face, char + text.charAt(index + 1), layout, own);
      if (after === null || after[0].id !== alone.id) return undefined;
      xAdvance += after[0].xAdvance - alone.xAdvance;
      xOffset += after[0].xOffset - alone.xOffset;
      yOffset += after[0].yOffset - alone.yOffset;
    }
    glyphs.push({ id: alone.id, text: char, xAdvance, xOffset, yOffset });
    advance += xAdvance;
    previous = alone;
  }
  return { glyphs, advance, trailingSpace: trailingSpaceOf(glyphs) };
}
