/** One positioned glyph, in font units. */
export interface ShapedGlyph {
  readonly id: number;
  /** The grapheme cluster the glyph stands for (on its first glyph; '' on the others). */
  readonly text: string;
  readonly xAdvance: number;
  readonly xOffset: number;
  readonly yOffset: number;
}

/** A shaped piece of text: glyphs with kerning and mark positioning applied. */
export interface ShapedText {
  readonly glyphs: readonly ShapedGlyph[];
  /** Total advance in font units. */
  readonly advance: number;
  /** Advance of the trailing spaces, which do not count at the end of a line. */
  readonly trailingSpace: number;
}

/** The advance of the spaces that end `glyphs`, which do not count at the end of a line. */
export function trailingSpaceOf(glyphs: readonly ShapedGlyph[]): number {
  let trailingSpace = 0;
  for (let index = glyphs.length - 1; index >= 0; index -= 1) {
    const glyph = glyphs[index];
    if (glyph === undefined || glyph.text !== ' ') break;
    trailingSpace += glyph.xAdvance;
  }
  return trailingSpace;
}
