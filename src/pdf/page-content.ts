import type { LinePiece } from './break-lines.js';
import { ByteBuffer } from './byte-buffer.js';
import type { FaceKey, FontFace } from './font-faces.js';
import { glyphAdvance, isCanonicalGlyph } from './font-subset.js';
import type { FontSubset } from './font-subset.js';
import type { DrawOp, PageLayout, TextOp } from './layout-letter.js';
import type { ShapedText } from './shape-text.js';
import type { ContentOwner, MarkedContentLedger } from './structure-tree.js';

/** How the page content refers to the document's fonts. */
export interface PageFonts {
  readonly subsets: Readonly<Record<FaceKey, FontSubset>>;
  readonly resourceNames: Readonly<Record<FaceKey, string>>;
}

function num(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

const LEFT_PAREN = 0x28;
const RIGHT_PAREN = 0x29;
const BACKSLASH = 0x5c;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;

// A byte of a literal string: parentheses and backslash escaped, and CR, which a reader would
// take for an end of line and turn into LF.
function stringByte(out: ByteBuffer, value: number): void {
  if (value === LEFT_PAREN || value === RIGHT_PAREN || value === BACKSLASH) out.byte(BACKSLASH).byte(value);
  else if (value === CARRIAGE_RETURN) out.byte(BACKSLASH).byte(0x72);
  else out.byte(value);
}

function isNumberByte(value: number): boolean {
  return (value >= 0x30 && value <= 0x39) || value === 0x2e || value === 0x2d;
}

// Two numbers side by side in an array need a space between them.
function arrayNumber(out: ByteBuffer, value: string): void {
  if (isNumberByte(out.lastByte)) out.byte(SPACE);
  out.text(value);
}

function arrayBytes(out: ByteBuffer, bytes: Uint8Array): void {
  if (isNumberByte(out.lastByte) && isNumberByte(bytes[0] ?? 0)) out.byte(SPACE);
  out.bytes(bytes);
}

function ownerOf(op: DrawOp): ContentOwner | undefined {
  return op.kind === 'text' ? op.pieces[0]?.tag : op.owner;
}

// Written once per process for a shaped text whose CIDs are its glyph ids (see FontSubset).
const writtenPieces = new WeakMap<ShapedText, Uint8Array>();

// The inside of a TJ array that shows the piece and leaves the pen at its end.
function showPiece(piece: LinePiece<ContentOwner>, subset: FontSubset, size: number): Uint8Array {
  const written = writtenPieces.get(piece.shaped);
  if (written !== undefined) {
    subset.useShaped(piece.shaped);
    return written;
  }
  const operators = writePiece(piece, subset, size);
  const face = subset.face;
  const reusable = piece.shaped.glyphs.every((glyph) => glyph.yOffset === 0 && isCanonicalGlyph(face, glyph.id, glyph.text));
  if (reusable) writtenPieces.set(piece.shaped, operators);
  return operators;
}

// Two-byte CIDs in literal strings. Kerning and mark offsets become adjustments between glyphs,
// measured against the widths the PDF gives the glyphs; a vertical mark offset becomes a text
// rise around its glyph, outside the array (closed and opened again around it).
function writePiece(piece: LinePiece<ContentOwner>, subset: FontSubset, size: number): Uint8Array {
  const face = subset.face;
  const scale = 1000 / face.unitsPerEm;
  const out = new ByteBuffer(piece.shaped.glyphs.length * 3 + 8);
  let inString = false;
  let cursor = 0;
  let pen = 0;
  const closeString = (): void => {
    if (inString) out.byte(RIGHT_PAREN);
    inString = false;
  };
  const moveTo = (target: number): void => {
    if (target === cursor) return;
    closeString();
    arrayNumber(out, num(-(target - cursor) * scale));
    cursor = target;
  };
  for (const glyph of piece.shaped.glyphs) {
    moveTo(pen + glyph.xOffset);
    const cid = subset.cidFor(glyph.id, glyph.text);
    if (glyph.yOffset !== 0) {
      closeString();
      out.text(`] TJ ${num((glyph.yOffset * size) / face.unitsPerEm)} Ts [(`);
      stringByte(out, cid >> 8);
      stringByte(out, cid & 0xff);
      out.text(')] TJ 0 Ts [');
    } else {
      if (!inString) out.byte(LEFT_PAREN);
      inString = true;
      stringByte(out, cid >> 8);
      stringByte(out, cid & 0xff);
    }
    cursor += pdfWidth(face, glyph.id);
    pen += glyph.xAdvance;
  }
  moveTo(pen);
  closeString();
  return out.toBytes();
}

// The advance the PDF viewer uses: the /W entry, in font units.
function pdfWidth(face: FontFace, glyphId: number): number {
  const scale = 1000 / face.unitsPerEm;
  return Math.round(glyphAdvance(face, glyphId) * scale) / scale;
}

// One text object for consecutive pieces of one owner: one position, then a TJ array per run
// of pieces in one face, the pen carried from piece to piece.
function writeText(out: ByteBuffer, op: TextOp, pieces: readonly LinePiece<ContentOwner>[], fonts: PageFonts): void {
  const first = pieces[0];
  if (first === undefined) return;
  out.text(`BT\n${num(op.x + first.x)} ${num(op.baseline)} Td\n`);
  let currentFace: FaceKey | undefined;
  let arrayOpen = false;
  let penX = first.x;
  for (const piece of pieces) {
    const faceKey = piece.face.key;
    if (faceKey !== currentFace) {
      if (arrayOpen) out.text('] TJ\n');
      arrayOpen = false;
      out.text(`/${fonts.resourceNames[faceKey]} ${num(op.size)} Tf\n`);
      currentFace = faceKey;
    }
    if (!arrayOpen) out.byte(0x5b);
    arrayOpen = true;
    const gap = piece.x - penX;
    if (Math.abs(gap) >= 0.0005) arrayNumber(out, num((-gap * 1000) / op.size));
    arrayBytes(out, showPiece(piece, fonts.subsets[faceKey], op.size));
    penX = piece.x + (piece.shaped.advance * op.size) / piece.face.unitsPerEm;
  }
  if (arrayOpen) out.text('] TJ\n');
  out.text('ET\n');
}

function graphicOperators(op: Exclude<DrawOp, TextOp>): string {
  const [red, green, blue] = op.color.map(num);
  if (op.kind === 'rule') {
    return `q ${red} ${green} ${blue} RG ${num(op.width)} w ${num(op.x1)} ${num(op.y1)} m ${num(op.x2)} ${num(op.y2)} l S Q\n`;
  }
  const [first, ...rest] = op.points;
  if (first === undefined) return '';
  const path = [`${num(first[0])} ${num(first[1])} m`, ...rest.map(([x, y]) => `${num(x)} ${num(y)} l`)];
  return `q ${red} ${green} ${blue} rg ${path.join(' ')} h f Q\n`;
}

function openMarkedContent(owner: ContentOwner, pageIndex: number, ledger: MarkedContentLedger): string {
  if (owner.kind === 'artifact') {
    const subtype = owner.subtype === undefined ? '' : ` /Subtype /${owner.subtype}`;
    return `/Artifact <</Type /${owner.type}${subtype}>> BDC\n`;
  }
  return `/${owner.type} <</MCID ${ledger.mark(owner, pageIndex)}>> BDC\n`;
}

/**
 * The content stream of one page. Every piece of content is inside a marked-content sequence:
 * an MCID tied to its structure element, or an artifact.
 */
export function writePageContent(page: PageLayout, pageIndex: number, ledger: MarkedContentLedger, fonts: PageFonts): Uint8Array {
  const out = new ByteBuffer(32_768);
  out.text('0 0 0 rg\n');
  let open: ContentOwner | undefined;
  const switchTo = (owner: ContentOwner): void => {
    if (owner === open) return;
    if (open !== undefined) out.text('EMC\n');
    out.text(openMarkedContent(owner, pageIndex, ledger));
    open = owner;
  };
  for (const op of page.ops) {
    if (op.kind !== 'text') {
      const owner = ownerOf(op);
      if (owner !== undefined) switchTo(owner);
      out.text(graphicOperators(op));
      continue;
    }
    // Consecutive pieces with one owner share a text object; a Span gets its own sequence.
    let start = 0;
    const pieces = op.pieces;
    for (let index = 1; index <= pieces.length; index += 1) {
      const owner = pieces[start]?.tag;
      if (owner === undefined) break;
      if (index < pieces.length && pieces[index]?.tag === owner) continue;
      switchTo(owner);
      writeText(out, op, pieces.slice(start, index), fonts);
      start = index;
    }
  }
  if (open !== undefined) out.text('EMC\n');
  return out.toBytes();
}
