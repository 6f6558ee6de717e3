import { perFace } from './per-face.js';
import type { FontFace } from './font-faces.js';
import { graphemeClusters } from './grapheme-clusters.js';
import { GlyphMissingError } from './glyph-missing-error.js';
import { shapePairwise } from './shape-pairwise.js';
import { trailingSpaceOf, type ShapedGlyph, type ShapedText } from './shaped-text.js';

export type { ShapedGlyph, ShapedText } from './shaped-text.js';

// Bounded so that memory stays flat over thousands of letters with different names: by entries,
// and by the code units they hold (a glyph costs about 70 bytes), whichever fills first. 60,000
// units a face (about 4 MB): at 200,000 the four faces of each render worker held up to ~50 MB
// more, which every full collection marks, and the tree of `hcc render` with two workers reached
// 400 MB on 9,000 records (360 MB now), at the same rate.
const MAX_CACHED_TEXTS = 8_000;
const MAX_CACHED_UNITS = 60_000;

interface ShapeCache {
  readonly texts: Map<string, ShapedText>;
  units: number;
}

const shapeCaches = new WeakMap<FontFace, ShapeCache>();
const coverages = new WeakMap<FontFace, ReadonlySet<number>>();
const clusterCaches = new WeakMap<FontFace, Map<string, number>>();


// The code points the face draws, listed once: a set the size of the font's cmap, whatever the input.
function coverageOf(face: FontFace): ReadonlySet<number> {
  return perFace(coverages, face, () => new Set(face.font.characterSet.filter((codePoint) => face.font.hasGlyphForCodePoint(codePoint))));
}

function assertDrawable(face: FontFace, text: string, where: string): void {
  const coverage = coverageOf(face);
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (!coverage.has(codePoint)) throw new GlyphMissingError(codePoint, face.postscriptName, where);
  }
}

interface RawGlyph {
  readonly id: number;
  readonly xAdvance: number;
  readonly xOffset: number;
  readonly yOffset: number;
}

// Ligatures are off: every glyph then belongs to one grapheme cluster, which is how each glyph
// learns the text it stands for (fontkit's own glyph.codePoints is cached per glyph id and is
// wrong for a base glyph reused by a decomposed accent).
export function layoutGlyphs(face: FontFace, text: string): RawGlyph[] {
  const run = face.font.layout(text, { liga: false, clig: false, dlig: false });
  return run.glyphs.map((glyph, index) => {
    const position = run.positions[index];
    return {
      id: glyph.id,
      xAdvance: position?.xAdvance ?? glyph.advanceWidth,
      xOffset: position?.xOffset ?? 0,
      yOffset: position?.yOffset ?? 0,
    };
  });
}

function clusterGlyphCount(face: FontFace, cluster: string): number {
  const cache = perFace(clusterCaches, face, () => new Map<string, number>());
  let count = cache.get(cluster);
  if (count === undefined) {
    count = layoutGlyphs(face, cluster).length;
    if (cache.size >= MAX_CACHED_TEXTS) cache.clear();
    cache.set(cluster, count);
  }
  return count;
}

/** Shapes `text` whole with the face's layout engine (no cache, no shortcut). */
export function shapeWithLayoutEngine(face: FontFace, text: string): ShapedText {
  const clusters = [...graphemeClusters(text)];
  const counts = clusters.map((cluster) => clusterGlyphCount(face, cluster));
  let raw = layoutGlyphs(face, text);
  // Should shaping ever merge glyphs across clusters, shape cluster by cluster instead.
  if (raw.length !== counts.reduce((sum, count) => sum + count, 0)) {
    raw = clusters.flatMap((cluster) => layoutGlyphs(face, cluster));
  }
  const glyphs: ShapedGlyph[] = [];
  let advance = 0;
  let next = 0;
  clusters.forEach((cluster, clusterIndex) => {
    const count = counts[clusterIndex] ?? 0;
    for (let index = 0; index < count; index += 1) {
      const glyph = raw[next];
      next += 1;
      if (glyph === undefined) continue;
      // A literal of one fixed shape: cached glyphs number in the hundreds of thousands.
      glyphs.push({ id: glyph.id, text: index === 0 ? cluster : '', xAdvance: glyph.xAdvance, xOffset: glyph.xOffset, yOffset: glyph.yOffset });
      advance += glyph.xAdvance;
    }
  });
  return { glyphs, advance, trailingSpace: trailingSpaceOf(glyphs) };
}

/** A copy of `text` that shares no memory with the string it was sliced from. */
function ownCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/**
 * Shapes `text` in `face` (kerning, ligatures, mark positioning), once per distinct text.
 * Throws `GlyphMissingError` naming `where` if a character has no glyph in the face.
 */
export function shapeText(face: FontFace, text: string, where: string): ShapedText {
  const cache = perFace(shapeCaches, face, (): ShapeCache => ({ texts: new Map(), units: 0 }));
  const cached = cache.texts.get(text);
  if (cached !== undefined) return cached;
  assertDrawable(face, text, where);
  // The text is often a slice of a whole template's output, which the cache would keep alive.
  const own = ownCopy(text);
  // Most texts not seen before are names, numbers and identifiers that kerning pairs shape alone.
  const shaped = shapePairwise(face, own, layoutGlyphs) ?? shapeWithLayoutEngine(face, own);
  if (cache.texts.size >= MAX_CACHED_TEXTS || cache.units + own.length > MAX_CACHED_UNITS) {
    cache.texts.clear();
    cache.units = 0;
  }
  cache.texts.set(own, shaped);
  cache.units += own.length;
  return shaped;
}

/** Shaped texts set one after the other, with no kerning between them (their glyphs are shared). */
export function concatShaped(parts: readonly ShapedText[]): ShapedText {
  const glyphs: ShapedGlyph[] = [];
  let advance = 0;
  for (const part of parts) {
    for (const glyph of part.glyphs) glyphs.push(glyph);
    advance += part.advance;
  }
  return { glyphs, advance, trailingSpace: trailingSpaceOf(glyphs) };
}
