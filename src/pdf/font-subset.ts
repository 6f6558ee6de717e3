import { createHash } from 'node:crypto';
import { PDFString } from 'pdf-lib';
import type { PDFContext, PDFRef } from 'pdf-lib';
import { perFace } from './per-face.js';
import type { FontFace } from './font-faces.js';
import { addCompressedStream, compress } from './deflate-stream.js';
import type { ShapedText } from './shape-text.js';
import { RawPdfObject } from './raw-pdf-object.js';
import { subsetParts, type SubsetParts } from './subset-parts-cache.js';
import { subsetTrueType } from './subset-truetype.js';

/** One embedded subset: its reference, and what determines its font program, for the document id. */
export interface EmbeddedFont {
  readonly ref: PDFRef;
  /** The face's digest and the subset's glyph list: equal identities mean equal programs. */
  readonly identity: string;
}

const DIGITS = '0123456789';

const faceDigests = new WeakMap<FontFace, string>();

function faceDigest(face: FontFace): string {
  return perFace(faceDigests, face, () => createHash('sha256').update(face.bytes).digest('hex'));
}

const advanceCaches = new WeakMap<FontFace, Map<number, number>>();

/** The advance width of a glyph in the font program's `hmtx`, in font units. */
export function glyphAdvance(face: FontFace, glyphId: number): number {
  const cache = perFace(advanceCaches, face, () => new Map<number, number>());
  let advance = cache.get(glyphId);
  if (advance === undefined) {
    advance = face.font.getGlyph(glyphId).advanceWidth;
    cache.set(glyphId, advance);
  }
  return advance;
}

function utf16Hex(text: string): string {
  let hex = '';
  for (let index = 0; index < text.length; index += 1) {
    hex += text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0');
  }
  return hex;
}

function cidHex(cid: number): string {
  return cid.toString(16).toUpperCase().padStart(4, '0');
}

const canonicalTexts = new WeakMap<FontFace, readonly (string | undefined)[]>();

// Several characters can share a glyph (U+0020 and U+00A0 do); the lowest one is its canonical
// text. Indexed by glyph id.
function canonicalTextsOf(face: FontFace): readonly (string | undefined)[] {
  return perFace(canonicalTexts, face, () => {
    const byGlyph: (string | undefined)[] = new Array<string | undefined>(face.font.numGlyphs).fill(undefined);
    for (const codePoint of [...face.font.characterSet].sort((a, b) => a - b)) {
      const glyphId = face.font.glyphForCodePoint(codePoint).id;
      byGlyph[glyphId] ??= String.fromCodePoint(codePoint);
    }
    return byGlyph;
  });
}

/** Whether a glyph reads as its canonical character, so that its CID can be its glyph id. */
export function isCanonicalGlyph(face: FontFace, glyphId: number, text: string): boolean {
  return text !== '' && canonicalTextsOf(face)[glyphId] === text;
}

/**
 * The glyphs one document uses from one face. A glyph that reads as its own character has its
 * glyph id as CID, the same in every document, so that shaped words can be written once per
 * process; a glyph that reads otherwise (the `o` of a decomposed `ọ`, a mark) gets a CID above
 * the font's glyph count, per document in order of first use, so that the ToUnicode map still
 * has one text per CID. The embedded subset keeps its glyphs in ascending order, so that its
 * program depends only on which glyphs it holds; what the CIDs in use determine is made once per
 * set and process (`subsetParts`).
 */
export class FontSubset {
  private readonly canonical: readonly (string | undefined)[];
  // Per glyph id: 1 once it is in the subset.
  private readonly inSubset: Uint8Array;
  // Per glyph id: 1 once it is used as its own (canonical) CID.
  private readonly canonicalUsed: Uint8Array;
  private readonly glyphIds: number[] = [0];
  private readonly extraCids = new Map<string, number>();
  private readonly extraGlyph: number[] = [];
  private readonly extraText: string[] = [];
  private canonicalCount = 0;

  constructor(readonly face: FontFace) {
    this.canonical = canonicalTextsOf(face);
    this.inSubset = new Uint8Array(face.font.numGlyphs);
    this.inSubset[0] = 1;
    this.canonicalUsed = new Uint8Array(face.font.numGlyphs);
  }

  get isUsed(): boolean {
    return this.canonicalCount > 0 || this.extraGlyph.length > 0;
  }

  /** Adds every glyph of a shaped text. */
  useShaped(shaped: ShapedText): void {
    for (const glyph of shaped.glyphs) this.cidFor(glyph.id, glyph.text);
  }

  private include(glyphId: number): void {
    if (this.inSubset[glyphId] === 0) {
      this.glyphIds.push(glyphId);
      this.inSubset[glyphId] = 1;
    }
  }

  /** The CID that draws `glyphId` and reads as `text`, added to the subset on first use. */
  cidFor(glyphId: number, text: string): number {
    if (text !== '' && this.canonical[glyphId] === text) {
      if (this.canonicalUsed[glyphId] === 0) {
        this.canonicalUsed[glyphId] = 1;
        this.canonicalCount += 1;
        this.include(glyphId);
      }
      return glyphId;
    }
    const key = `${String(glyphId)}:${text}`;
    let cid = this.extraCids.get(key);
    if (cid === undefined) {
      this.include(glyphId);
      cid = this.face.font.numGlyphs + this.extraGlyph.length;
      this.extraCids.set(key, cid);
      this.extraGlyph.push(glyphId);
      this.extraText.push(text);
    }
    return cid;
  }

  // Every CID in use, ascending, with the glyph it draws and the text it reads as.
  private cidEntries(): { cid: number; glyphId: number; text: string }[] {
    const entries: { cid: number; glyphId: number; text: string }[] = [];
    for (let glyphId = 0; glyphId < this.canonicalUsed.length; glyphId += 1) {
      if (this.canonicalUsed[glyphId] === 1) entries.push({ cid: glyphId, glyphId, text: this.canonical[glyphId] ?? '' });
    }
    const first = this.face.font.numGlyphs;
    this.extraGlyph.forEach((glyphId, index) => entries.push({ cid: first + index, glyphId, text: this.extraText[index] ?? '' }));
    return entries;
  }

  /** Writes the Type 0 font with its subset program, widths, CID map and ToUnicode map. */
  embed(context: PDFContext): EmbeddedFont {
    // Every document has dates and file numbers, whose digits differ from one to the next:
    // with all ten always in, the subset of a letter does not change with them.
    for (const digit of DIGITS) {
      const glyphId = this.face.font.glyphForCodePoint(digit.charCodeAt(0)).id;
      if (glyphId !== 0) this.cidFor(glyphId, digit);
    }
    const entries = this.cidEntries();
    let key = '';
    for (const { cid, glyphId, text } of entries) key += cid === glyphId ? `${String(cid)},` : `${String(cid)}=${String(glyphId)}:${text},`;
    const parts = subsetParts(this.face, key, () => this.makeParts(entries));
    const scale = 1000 / this.face.unitsPerEm;
    const [minX, minY, maxX, maxY] = this.face.bbox.map((value) => Math.round(value * scale));
    const italic = this.face.italicAngle !== 0;
    const fontFile = addCompressedStream(context, parts.program, { Length1: parts.programLength });
    const descriptor = context.obj({
      Type: 'FontDescriptor',
      FontName: parts.baseFont,
      // Nonsymbolic (32), plus Italic (64) for the slanted faces.
      Flags: italic ? 96 : 32,
      FontBBox: [minX, minY, maxX, maxY],
      ItalicAngle: this.face.italicAngle,
      Ascent: Math.round(this.face.ascent * scale),
      Descent: Math.round(this.face.descent * scale),
      CapHeight: Math.round(this.face.capHeight * scale),
      StemV: this.face.weight >= 600 ? 140 : 80,
      FontFile2: fontFile,
    });
    const cidFont = context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: parts.baseFont,
      CIDSystemInfo: context.obj({ Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 }),
      FontDescriptor: context.register(descriptor),
      W: new RawPdfObject(parts.widths),
      CIDToGIDMap: addCompressedStream(context, parts.cidToGid),
    });
    const font = context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: parts.baseFont,
      Encoding: 'Identity-H',
      DescendantFonts: [context.register(cidFont)],
      ToUnicode: addCompressedStream(context, parts.toUnicode),
    });
    return { ref: context.register(font), identity: `${faceDigest(this.face)}:${parts.glyphList}` };
  }

  // What the CIDs in use determine: the program with its glyphs ascending, the name, the widths,
  // the CID-to-glyph map and the ToUnicode map.
  private makeParts(entries: readonly { cid: number; glyphId: number; text: string }[]): SubsetParts {
    const glyphIds = [...this.glyphIds].sort((a, b) => a - b);
    const place = new Map<number, number>();
    glyphIds.forEach((glyphId, index) => place.set(glyphId, index));
    const glyphList = glyphIds.join(',');
    const program = subsetTrueType(this.face.bytes, glyphIds);
    const scale = 1000 / this.face.unitsPerEm;
    // Runs of consecutive CIDs: first CID, then the array of their widths (as pdf-lib writes arrays).
    let widths = '[ ';
    let next = -1;
    for (const { cid, glyphId } of entries) {
      if (cid !== next) widths += `${next === -1 ? '' : '] '}${String(cid)} [ `;
      widths += `${String(Math.round(glyphAdvance(this.face, glyphId) * scale))} `;
      next = cid + 1;
    }
    widths += next === -1 ? ']' : '] ]';
    const cidToGid = new Uint8Array(((entries.at(-1)?.cid ?? 0) + 1) * 2);
    for (const { cid, glyphId } of entries) {
      const subsetId = place.get(glyphId) ?? 0;
      cidToGid[cid * 2] = subsetId >> 8;
      cidToGid[cid * 2 + 1] = subsetId & 0xff;
    }
    return {
      glyphList,
      baseFont: `${subsetTag(this.face, glyphList)}+${this.face.postscriptName}`,
      program: compress(program),
      programLength: program.length,
      widths,
      cidToGid: compress(cidToGid),
      toUnicode: compress(Buffer.from(toUnicodeCMap(entries), 'latin1')),
    };
  }
}

// The subset tag is derived from the glyph list, so the same glyphs give the same name.
function subsetTag(face: FontFace, glyphList: string): string {
  const digest = createHash('sha256').update(`${face.postscriptName}:${glyphList}`).digest();
  let tag = '';
  for (let index = 0; index < 6; index += 1) tag += String.fromCharCode(65 + ((digest[index] ?? 0) % 26));
  return tag;
}

function toUnicodeCMap(cids: readonly { cid: number; text: string }[]): string {
  const entries: string[] = [];
  for (const { cid, text } of cids) {
    if (text !== '') entries.push(`<${cidHex(cid)}> <${utf16Hex(text)}>`);
  }
  const chunks: string[] = [];
  for (let start = 0; start < entries.length; start += 100) {
    const chunk = entries.slice(start, start + 100);
    chunks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...chunks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
