import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';

/**
 * Derives `src/decision/letter-repertoire.ts` from the letter's font files: the characters every
 * face has a glyph for, and for each the most room it can take on a line of the regular face.
 * `test/decision/letter-repertoire.test.ts` runs it and fails when the committed module differs;
 * `npx tsx test/decision/derive-letter-repertoire.ts` writes the module again after a font upgrade.
 */

/** The faces `src/pdf/font-faces.ts` loads; a character is accepted only if all of them draw it. */
export const FACE_FILES = [
  'source-sans/TTF/SourceSans3-Regular.ttf',
  'source-sans/TTF/SourceSans3-Bold.ttf',
  'source-sans/TTF/SourceSans3-It.ttf',
  'source-sans/TTF/SourceSans3-BoldIt.ttf',
] as const;

export const MODULE_PATH = fileURLToPath(new URL('../../src/decision/letter-repertoire.ts', import.meta.url));

const require = createRequire(import.meta.url);

/** One face of the family, parsed by fontkit. */
export function loadFace(file: string): Font {
  const parsed = fontkit.create(readFileSync(require.resolve(file)));
  if (!('layout' in parsed)) throw new Error(`${file} is a font collection`);
  return parsed;
}

// The parts of fontkit's parsed GPOS table this script reads (fontkit's types stop at the table).
interface ArrayLike<T> {
  toArray?: () => T[];
}
type List<T> = T[] | ArrayLike<T>;
interface Coverage {
  readonly version: number;
  readonly glyphs?: List<number>;
  readonly rangeRecords?: List<{ start: number; end: number }>;
}
interface ClassDef {
  readonly version: number;
  readonly startGlyph?: number;
  readonly classValueArray?: number[];
  readonly classRangeRecord?: List<{ start: number; end: number; class: number }>;
}
interface PairValue {
  readonly value1?: { readonly xAdvance?: number };
  readonly value2?: { readonly xAdvance?: number };
}
interface PairPos {
  readonly version: number;
  readonly coverage: Coverage;
  readonly pairSets?: List<List<PairValue>>;
  readonly classDef1?: ClassDef;
  readonly classRecords?: List<List<PairValue>>;
}
interface Substitution {
  readonly coverage?: Coverage;
  readonly deltaGlyphID?: number;
  readonly substitute?: List<number>;
  readonly sequences?: List<List<number>>;
  readonly alternateSet?: List<List<number>>;
  readonly ligatureSets?: List<List<{ readonly glyph: number; readonly components: List<number> }>>;
}
interface Lookup<T> {
  readonly lookupType: number;
  readonly subTables: List<T & { readonly lookupType?: number; readonly extension?: T }>;
}

function items<T>(list: List<T> | undefined): T[] {
  if (list === undefined) return [];
  if (Array.isArray(list)) return list;
  return list.toArray?.() ?? [];
}

function coveredGlyphs(coverage: Coverage): number[] {
  if (coverage.version === 1) return items(coverage.glyphs);
  return items(coverage.rangeRecords).flatMap(({ start, end }) => Array.from({ length: end - start + 1 }, (_, i) => start + i));
}

function classOf(classDef: ClassDef | undefined, glyph: number): number {
  if (classDef === undefined) return 0;
  if (classDef.version === 1) return classDef.classValueArray?.[glyph - (classDef.startGlyph ?? 0)] ?? 0;
  return items(classDef.classRangeRecord).find((r) => glyph >= r.start && glyph <= r.end)?.class ?? 0;
}

/** A lookup's subtables, an extension lookup's unwrapped, each with its real type. */
function subtables<T>(lookup: Lookup<T>, extensionType: number): { type: number; table: T }[] {
  return items(lookup.subTables).map((table) =>
    lookup.lookupType === extensionType ? { type: table.lookupType ?? 0, table: table.extension as T } : { type: lookup.lookupType, table },
  );
}

/**
 * For each glyph, the largest positive kerning applied to it as the first of a pair (GPOS pair
 * adjustment, direct or through an extension lookup). Kerning that widens a pair is what can make
 * a shaped line longer than the sum of its advances. Throws if a pair widens its second glyph, or
 * if the face adjusts advances any other way (single or contextual positioning), which this bound
 * does not cover.
 */
export function positiveKerningAfter(face: Font): Map<number, number> {
  const gpos = (face as unknown as { GPOS?: { lookupList: List<Lookup<PairPos>> } }).GPOS;
  const most = new Map<number, number>();
  const note = (glyph: number, value: PairValue) => {
    if ((value.value2?.xAdvance ?? 0) > 0) throw new Error(`${face.postscriptName}: a pair widens its second glyph`);
    const widen = value.value1?.xAdvance ?? 0;
    if (widen > (most.get(glyph) ?? 0)) most.set(glyph, widen);
  };
  for (const lookup of items(gpos?.lookupList)) {
    for (const { type, table: pair } of subtables(lookup, 9)) {
      // 4, 5, 6: marks placed on bases, ligatures and marks: offsets only, never an advance.
      if (type === 4 || type === 5 || type === 6) continue;
      if (type !== 2) throw new Error(`${face.postscriptName}: GPOS lookup type ${String(type)} may change advances`);
      const glyphs = coveredGlyphs(pair.coverage);
      if (pair.version === 1) {
        const sets = items(pair.pairSets);
        glyphs.forEach((glyph, index) => {
          for (const value of items(sets[index])) note(glyph, value);
        });
      } else {
        const rows = items(pair.classRecords);
        for (const glyph of glyphs) for (const value of items(rows[classOf(pair.classDef1, glyph)])) note(glyph, value);
      }
    }
  }
  return most;
}

/** How glyphs may turn into others when the face shapes text: one into one or several, several into one. */
interface Substitutions {
  /** Single, alternate and multiple substitution: a glyph becomes a sequence of glyphs. */
  readonly expansions: { readonly from: number; readonly to: readonly number[] }[];
  /** Ligature substitution: a sequence becomes one glyph (in this font, mostly a base and its marks composed). */
  readonly ligatures: { readonly from: readonly number[]; readonly to: number }[];
}

/** Every substitution of the face, whatever feature or context applies it (contextual lookups only apply these). */
function substitutions(face: Font): Substitutions {
  const gsub = (face as unknown as { GSUB?: { lookupList: List<Lookup<Substitution>> } }).GSUB;
  const found: { expansions: Substitutions['expansions'][number][]; ligatures: Substitutions['ligatures'][number][] } = { expansions: [], ligatures: [] };
  for (const lookup of items(gsub?.lookupList)) {
    for (const { type, table } of subtables(lookup, 7)) {
      const glyphs = table.coverage === undefined ? [] : coveredGlyphs(table.coverage);
      if (type === 1) {
        const substitute = items(table.substitute);
        glyphs.forEach((glyph, i) => {
          const to = table.deltaGlyphID === undefined ? (substitute[i] ?? glyph) : (glyph + table.deltaGlyphID) & 0xffff;
          found.expansions.push({ from: glyph, to: [to] });
        });
      } else if (type === 2) {
        const sequences = items(table.sequences);
        glyphs.forEach((glyph, i) => found.expansions.push({ from: glyph, to: items(sequences[i]) }));
      } else if (type === 3) {
        const sets = items(table.alternateSet);
        glyphs.forEach((glyph, i) => {
          for (const alternate of items(sets[i])) found.expansions.push({ from: glyph, to: [alternate] });
        });
      } else if (type === 4) {
        const sets = items(table.ligatureSets);
        glyphs.forEach((glyph, i) => {
          for (const ligature of items(sets[i])) found.ligatures.push({ from: [glyph, ...items(ligature.components)], to: ligature.glyph });
        });
      }
    }
  }
  return found;
}

/**
 * The room of every glyph: at least its advance and the widest kerning after it; at least the
 * room of whatever it may become (the sum, for several glyphs); and, for a ligature wider than
 * its parts (a base and a combining mark composed into one glyph), the difference is the last
 * part's room. Then no substitution ever makes a run's total room grow, so the sum of the rooms
 * of the characters bounds the shaped width whatever the face does with them.
 */
export function glyphRoom(face: Font): (glyph: number) => number {
  const kerning = positiveKerningAfter(face);
  const { expansions, ligatures } = substitutions(face);
  const room = new Map<number, number>();
  const of = (glyph: number) => room.get(glyph) ?? face.getGlyph(glyph).advanceWidth + (kerning.get(glyph) ?? 0);
  for (let round = 0; ; round += 1) {
    if (round > 50) throw new Error(`${face.postscriptName}: substitutions do not settle`);
    const raise = (glyph: number, to: number): boolean => {
      if (to <= of(glyph)) return false;
      room.set(glyph, to);
      return true;
    };
    let changed = false;
    for (const { from, to } of expansions) changed = raise(from, to.reduce((sum, g) => sum + of(g), 0)) || changed;
    for (const { from, to } of ligatures) {
      const last = from.at(-1);
      if (last !== undefined) changed = raise(last, of(to) - from.slice(0, -1).reduce((sum, g) => sum + of(g), 0)) || changed;
    }
    if (!changed) return of;
  }
}

/** The code points every face maps to a glyph, ascending. */
export function commonCodePoints(faces: readonly Font[]): number[] {
  const [first, ...others] = faces;
  if (first === undefined) return [];
  return [...first.characterSet].filter((cp) => others.every((f) => f.hasGlyphForCodePoint(cp))).sort((a, b) => a - b);
}

/** The text of `src/decision/letter-repertoire.ts` as the font files on disk give it. */
export function deriveLetterRepertoire(): string {
  const faces = FACE_FILES.map(loadFace);
  for (const face of faces) if (face.unitsPerEm !== 1000) throw new Error(`${face.postscriptName}: expected 1000 units per em`);
  const [regular] = faces;
  if (regular === undefined) throw new Error('no face');
  const roomOf = glyphRoom(regular);
  const ranges: { first: number; last: number; room: number[] }[] = [];
  for (const cp of commonCodePoints(faces)) {
    const room = roomOf(regular.glyphForCodePoint(cp).id);
    const open = ranges.at(-1);
    if (open !== undefined && open.last === cp - 1) {
      open.last = cp;
      open.room.push(room);
    } else ranges.push({ first: cp, last: cp, room: [room] });
  }
  const version = (JSON.parse(readFileSync(require.resolve('source-sans/package.json'), 'utf8')) as { version: string }).version;
  const hex = (cp: number) => `0x${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const count = ranges.reduce((n, r) => n + r.room.length, 0);
  return [
    `// Generated by test/decision/derive-letter-repertoire.ts from source-sans ${version}; do not edit.`,
    `// test/decision/letter-repertoire.test.ts fails when the font files and this module differ.`,
    '',
    '/**',
    ` * The characters the letter font draws in all four faces (regular, bold, italic, bold italic):`,
    ` * ${count} code points in ${ranges.length} ranges \`[first, last, room]\`. \`room[i]\` is, for code point`,
    ` * \`first + i\`, the most width it can take on a line of the regular face, in thousandths of an em:`,
    ' * its advance and the largest positive kerning after it, or as much as any glyph the face may',
    ' * substitute for it (see glyphRoom in the script). A sum of rooms bounds the shaped width.',
    ' */',
    'export const LETTER_REPERTOIRE: readonly (readonly [number, number, readonly number[]])[] = [',
    ...ranges.map((r) => `  [${hex(r.first)}, ${hex(r.last)}, [${r.room.join(', ')}]],`),
    '];',
    '',
  ].join('\n');
}

// `npx tsx test/decision/derive-letter-repertoire.ts` rewrites the module from the fonts.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  writeFileSync(MODULE_PATH, deriveLetterRepertoire());
  process.stdout.write(`wrote ${MODULE_PATH}\n`);
}
