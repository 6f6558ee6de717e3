import type { FontFace } from './font-faces.js';
import { graphemeClusters } from './graphemes.js';
import { GlyphMissingError } from './typeset-errors.js';

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

// Bounded so that memory stays flat over thousands of letters with different names.
const MAX_CACHED_TEXTS = 8_000;

const shapeCaches = new WeakMap<FontFace, Map<string, ShapedText>>();
const coverageCaches = new WeakMap<FontFace, Map<number, boolean>>();
const clusterCaches = new WeakMap<FontFace, Map<string, number>>();

function cacheFor<K, V>(caches: WeakMap<FontFace, Map<K, V>>, face: FontFace): Map<K, V> {
  let cache = caches.get(face);
  if (cache === undefined) {
    cache = new Map<K, V>();
    caches.set(face, cache);
  }
  return cache;
}

function assertDrawable(face: FontFace, text: string, where: string): void {
  const coverage = cacheFor(coverageCaches, face);
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    let covered = coverage.get(codePoint);
    if (covered === undefined) {
      covered = face.font.hasGlyphForCodePoint(codePoint);
      coverage.set(codePoint, covered);
    }
    if (!covered) throw new GlyphMissingError(codePoint, face.postscriptName, where);
  }
}

function isTrailingSpace(glyph: ShapedGlyph): boolean {
  return glyph.text === ' ';
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
function layoutGlyphs(face: FontFace, text: string): RawGlyph[] {
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
  const cache = cacheFor(clusterCaches, face);
  let count = cache.get(cluster);
  if (count === undefined) {
    count = layoutGlyphs(face, cluster).length;
    cache.set(cluster, count);
  }
  return count;
}

function shapeUncached(face: FontFace, text: string): ShapedText {
  const clusters = graphemeClusters(text);
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
  let trailingSpace = 0;
  for (let index = glyphs.length - 1; index >= 0; index -= 1) {
    const glyph = glyphs[index];
    if (glyph === undefined || !isTrailingSpace(glyph)) break;
    trailingSpace += glyph.xAdvance;
  }
  return { glyphs, advance, trailingSpace };
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
  const cache = cacheFor(shapeCaches, face);
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  assertDrawable(face, text, where);
  // The text is often a slice of a whole template's output, which the cache would keep alive.
  const own = ownCopy(text);
  const shaped = shapeUncached(face, own);
  if (cache.size >= MAX_CACHED_TEXTS) cache.clear();
  cache.set(own, shaped);
  return shaped;
}
