import { createHash } from 'node:crypto';
import { PDFString } from 'pdf-lib';
import type { PDFContext, PDFRef } from 'pdf-lib';
import type { FontFace } from './font-faces.js';
import type { DeflatedStreams } from './deflate-stream.js';
import type { ShapedText } from './shape-text.js';
import { subsetTrueType } from './subset-truetype.js';

/** The font program and metrics of one embedded subset, for hashing into the document id. */
export interface EmbeddedFont {
  readonly ref: PDFRef;
  readonly program: Uint8Array;
}

const advanceCaches = new WeakMap<FontFace, Map<number, number>>();

/** The advance width of a glyph in the font program's `hmtx`, in font units. */
export function glyphAdvance(face: FontFace, glyphId: number): number {
  let cache = advanceCaches.get(face);
  if (cache === undefined) {
    cache = new Map();
    advanceCaches.set(face, cache);
  }
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

const canonicalTexts = new WeakMap<FontFace, Map<number, string>>();

// Several characters can share a glyph (U+0020 and U+00A0 do); the lowest one is its canonical text.
function canonicalTextsOf(face: FontFace): Map<number, string> {
  let texts = canonicalTexts.get(face);
  if (texts === undefined) {
    texts = new Map();
    for (const codePoint of [...face.font.characterSet].sort((a, b) => a - b)) {
      const glyphId = face.font.glyphForCodePoint(codePoint).id;
      if (!texts.has(glyphId)) texts.set(glyphId, String.fromCodePoint(codePoint));
    }
    canonicalTexts.set(face, texts);
  }
  return texts;
}

/** Whether a glyph reads as its canonical character, so that its CID can be its glyph id. */
export function isCanonicalGlyph(face: FontFace, glyphId: number, text: string): boolean {
  return text !== '' && canonicalTextsOf(face).get(glyphId) === text;
}

/**
 * The glyphs one document uses from one face. A glyph that reads as its own character has its
 * glyph id as CID, the same in every document, so that shaped words can be written once per
 * process; a glyph that reads otherwise (the `o` of a decomposed `ọ`, a mark) gets a CID above
 * the font's glyph count, per document in order of first use, so that the ToUnicode map still
 * has one text per CID. The embedded subset keeps glyphs in order of first use.
 */
export class FontSubset {
  private readonly glyphIds: number[] = [0];
  private readonly subsetIds = new Map<number, number>([[0, 0]]);
  private readonly extraCids = new Map<string, number>();
  private readonly cidGlyph = new Map<number, number>();
  private readonly cidText = new Map<number, string>();

  constructor(readonly face: FontFace) {}

  get isUsed(): boolean {
    return this.cidGlyph.size > 0;
  }

  private readonly seen = new Set<ShapedText>();

  /** Adds every glyph of a shaped text, once per document. */
  useShaped(shaped: ShapedText): void {
    if (this.seen.has(shaped)) return;
    this.seen.add(shaped);
    for (const glyph of shaped.glyphs) this.cidFor(glyph.id, glyph.text);
  }

  private include(glyphId: number): void {
    if (!this.subsetIds.has(glyphId)) {
      this.subsetIds.set(glyphId, this.glyphIds.length);
      this.glyphIds.push(glyphId);
    }
  }

  /** The CID that draws `glyphId` and reads as `text`, added to the subset on first use. */
  cidFor(glyphId: number, text: string): number {
    if (isCanonicalGlyph(this.face, glyphId, text)) {
      if (!this.cidGlyph.has(glyphId)) {
        this.include(glyphId);
        this.cidGlyph.set(glyphId, glyphId);
        this.cidText.set(glyphId, text);
      }
      return glyphId;
    }
    const key = `${String(glyphId)}:${text}`;
    let cid = this.extraCids.get(key);
    if (cid === undefined) {
      this.include(glyphId);
      cid = this.face.font.numGlyphs + this.extraCids.size;
      this.extraCids.set(key, cid);
      this.cidGlyph.set(cid, glyphId);
      this.cidText.set(cid, text);
    }
    return cid;
  }

  /** Writes the Type 0 font with its subset program, widths, CID map and ToUnicode map. */
  embed(context: PDFContext, streams: DeflatedStreams): EmbeddedFont {
    const program = subsetTrueType(this.face.bytes, this.glyphIds);
    const baseFont = `${this.tag()}+${this.face.postscriptName}`;
    const scale = 1000 / this.face.unitsPerEm;
    const [minX, minY, maxX, maxY] = this.face.bbox.map((value) => Math.round(value * scale));
    const italic = this.face.italicAngle !== 0;

    const fontFile = streams.add(program, { Length1: program.length });
    const descriptor = context.obj({
      Type: 'FontDescriptor',
      FontName: baseFont,
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
    const cids = [...this.cidGlyph.keys()].sort((a, b) => a - b);
    const widths: (number | number[])[] = [];
    for (const cid of cids) {
      const width = Math.round(glyphAdvance(this.face, this.cidGlyph.get(cid) ?? 0) * scale);
      const last = widths.at(-1);
      const lastStart = widths.at(-2);
      if (Array.isArray(last) && typeof lastStart === 'number' && lastStart + last.length === cid) last.push(width);
      else widths.push(cid, [width]);
    }
    const cidToGid = new Uint8Array(((cids.at(-1) ?? 0) + 1) * 2);
    for (const cid of cids) {
      const subsetId = this.subsetIds.get(this.cidGlyph.get(cid) ?? 0) ?? 0;
      cidToGid[cid * 2] = subsetId >> 8;
      cidToGid[cid * 2 + 1] = subsetId & 0xff;
    }
    const cidFont = context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: baseFont,
      CIDSystemInfo: context.obj({ Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 }),
      FontDescriptor: context.register(descriptor),
      W: widths,
      CIDToGIDMap: streams.add(cidToGid),
    });
    const toUnicode = streams.add(this.toUnicodeCMap());
    const font = context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: baseFont,
      Encoding: 'Identity-H',
      DescendantFonts: [context.register(cidFont)],
      ToUnicode: toUnicode,
    });
    return { ref: context.register(font), program };
  }

  // The subset tag is derived from the glyph list, so the same glyphs give the same name.
  private tag(): string {
    const digest = createHash('sha256').update(`${this.face.postscriptName}:${this.glyphIds.join(',')}`).digest();
    let tag = '';
    for (let index = 0; index < 6; index += 1) tag += String.fromCharCode(65 + ((digest[index] ?? 0) % 26));
    return tag;
  }

  private toUnicodeCMap(): string {
    const entries: string[] = [];
    for (const [cid, text] of [...this.cidText].sort(([a], [b]) => a - b)) {
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
}
