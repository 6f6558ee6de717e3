import { perFace } from './per-face.js';
import type { FontFace } from './font-faces.js';

/** Everything of an embedded subset that its CIDs in use determine, deflated where it is a stream. */
export interface SubsetParts {
  /** The subset's glyph ids, ascending, joined with commas. */
  readonly glyphList: string;
  /** The tagged font name, `ABCDEF+SourceSans3-Regular`. */
  readonly baseFont: string;
  readonly program: Uint8Array;
  /** The program's length before deflation (/Length1). */
  readonly programLength: number;
  /** The /W array, written out. */
  readonly widths: string;
  readonly cidToGid: Uint8Array;
  readonly toUnicode: Uint8Array;
}

// Letters of one kind and language draw nearly the same glyphs whoever they are addressed to
// (the template's text, the digits, the capitals of a name): the same CIDs are subset and
// deflated once. Bounded per face, the least recently used dropped: a set holds about 12 kB, so
// a face's cache stays under about 3 MB.
const MAX_SETS_PER_FACE = 256;

const caches = new WeakMap<FontFace, Map<string, SubsetParts>>();

/** The parts for the CIDs that `key` lists, made by `make` the first time (and again once dropped). */
export function subsetParts(face: FontFace, key: string, make: () => SubsetParts): SubsetParts {
  const cache = perFace(caches, face, () => new Map<string, SubsetParts>());
  let parts = cache.get(key);
  if (parts === undefined) {
    parts = make();
    if (cache.size >= MAX_SETS_PER_FACE) {
      const oldest = cache.keys().next();
      if (oldest.done !== true) cache.delete(oldest.value);
    }
  } else {
    // Moved to the young end, so that the sets in use stay.
    cache.delete(key);
  }
  cache.set(key, parts);
  return parts;
}
