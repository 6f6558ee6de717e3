import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';

/** The four styles of the letter's type family. */
export type FaceKey = 'regular' | 'bold' | 'italic' | 'boldItalic';

export const FACE_KEYS: readonly FaceKey[] = ['regular', 'bold', 'italic', 'boldItalic'];

/** One parsed TrueType face with the metrics the PDF font descriptor needs. */
export interface FontFace {
  readonly key: FaceKey;
  readonly font: Font;
  readonly bytes: Uint8Array;
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly italicAngle: number;
  readonly bbox: readonly [number, number, number, number];
  readonly weight: number;
}

export type FontFaces = Readonly<Record<FaceKey, FontFace>>;

// Source Sans 3 from Adobe's own npm package: TrueType outlines that subset cleanly and cover
// French, Vietnamese, Turkish, Romanian (comma below), Polish, Icelandic, combining marks and
// U+00A0/U+202F.
const FACE_FILES: Readonly<Record<FaceKey, string>> = {
  regular: 'source-sans/TTF/SourceSans3-Regular.ttf',
  bold: 'source-sans/TTF/SourceSans3-Bold.ttf',
  italic: 'source-sans/TTF/SourceSans3-It.ttf',
  boldItalic: 'source-sans/TTF/SourceSans3-BoldIt.ttf',
};

function parseFace(key: FaceKey, bytes: Uint8Array): FontFace {
  const parsed = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!('layout' in parsed)) throw new Error(`${FACE_FILES[key]} is a font collection`);
  const font = parsed;
  const { minX, minY, maxX, maxY } = font.bbox;
  return {
    key,
    font,
    bytes,
    postscriptName: font.postscriptName,
    unitsPerEm: font.unitsPerEm,
    ascent: font.ascent,
    descent: font.descent,
    capHeight: font.capHeight,
    italicAngle: font.italicAngle,
    bbox: [minX, minY, maxX, maxY],
    weight: font['OS/2'].usWeightClass,
  };
}

async function readFaces(): Promise<FontFaces> {
  const require = createRequire(import.meta.url);
  const entries = await Promise.all(
    FACE_KEYS.map(async (key) => {
      const bytes = await readFile(require.resolve(FACE_FILES[key]));
      return [key, parseFace(key, new Uint8Array(bytes))] as const;
    }),
  );
  const faces = Object.fromEntries(entries) as Record<FaceKey, FontFace>;
  return faces;
}

let loadedFaces: Promise<FontFaces> | undefined;

/** The letter's font family, read and parsed once per process; rejects if the package is missing. */
export function loadFontFaces(): Promise<FontFaces> {
  loadedFaces ??= readFaces();
  return loadedFaces;
}
