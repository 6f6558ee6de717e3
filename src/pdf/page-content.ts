import type { LinePiece } from './break-lines.js';
import type { FaceKey } from './font-faces.js';
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

function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}

function ownerOf(op: DrawOp): ContentOwner | undefined {
  return op.kind === 'text' ? op.pieces[0]?.tag : op.owner;
}

// Written once per process for a shaped text whose CIDs are its glyph ids (see FontSubset).
const writtenPieces = new WeakMap<ShapedText, string>();

function showPiece(piece: LinePiece<ContentOwner>, subset: FontSubset, size: number): string {
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

// One TJ array per piece: kerning and mark offsets become adjustments between glyphs, and a
// vertical mark offset becomes a text rise around its glyph.
function writePiece(piece: LinePiece<ContentOwner>, subset: FontSubset, size: number): string {
  const face = subset.face;
  const scale = 1000 / face.unitsPerEm;
  const parts: string[] = [];
  let array = '';
  let hexRun = '';
  let cursor = 0;
  let pen = 0;
  const flushHex = (): void => {
    if (hexRun !== '') array += `<${hexRun}>`;
    hexRun = '';
  };
  const flushArray = (): void => {
    flushHex();
    if (array !== '') parts.push(`[${array}] TJ`);
    array = '';
  };
  for (const glyph of piece.shaped.glyphs) {
    const target = pen + glyph.xOffset;
    if (target !== cursor) {
      flushHex();
      array += num(-(target - cursor) * scale);
      cursor = target;
    }
    const cid = subset.cidFor(glyph.id, glyph.text);
    if (glyph.yOffset !== 0) {
      flushArray();
      parts.push(`${num((glyph.yOffset * size) / face.unitsPerEm)} Ts [<${hex4(cid)}>] TJ 0 Ts`);
    } else {
      hexRun += hex4(cid);
    }
    cursor += glyphAdvance(face, glyph.id);
    pen += glyph.xAdvance;
  }
  flushArray();
  return parts.join(' ');
}

function textOperators(op: TextOp, pieces: readonly LinePiece<ContentOwner>[], fonts: PageFonts): string {
  const lines: string[] = ['BT'];
  let currentFace: FaceKey | undefined;
  for (const piece of pieces) {
    const faceKey = piece.face.key;
    if (faceKey !== currentFace) {
      lines.push(`/${fonts.resourceNames[faceKey]} ${num(op.size)} Tf`);
      currentFace = faceKey;
    }
    lines.push(`1 0 0 1 ${num(op.x + piece.x)} ${num(op.baseline)} Tm`);
    lines.push(showPiece(piece, fonts.subsets[faceKey], op.size));
  }
  lines.push('ET');
  return lines.join('\n');
}

function graphicOperators(op: Exclude<DrawOp, TextOp>): string {
  const [red, green, blue] = op.color.map(num);
  if (op.kind === 'rule') {
    return `q ${red} ${green} ${blue} RG ${num(op.width)} w ${num(op.x1)} ${num(op.y1)} m ${num(op.x2)} ${num(op.y2)} l S Q`;
  }
  const [first, ...rest] = op.points;
  if (first === undefined) return '';
  const path = [`${num(first[0])} ${num(first[1])} m`, ...rest.map(([x, y]) => `${num(x)} ${num(y)} l`)];
  return `q ${red} ${green} ${blue} rg ${path.join(' ')} h f Q`;
}

function openMarkedContent(owner: ContentOwner, pageIndex: number, ledger: MarkedContentLedger): string {
  if (owner.kind === 'artifact') {
    const subtype = owner.subtype === undefined ? '' : ` /Subtype /${owner.subtype}`;
    return `/Artifact <</Type /${owner.type}${subtype}>> BDC`;
  }
  return `/${owner.type} <</MCID ${ledger.mark(owner, pageIndex)}>> BDC`;
}

/**
 * The content stream of one page. Every piece of content is inside a marked-content sequence:
 * an MCID tied to its structure element, or an artifact.
 */
export function writePageContent(page: PageLayout, pageIndex: number, ledger: MarkedContentLedger, fonts: PageFonts): string {
  const out: string[] = ['0 0 0 rg'];
  let open: ContentOwner | undefined;
  const switchTo = (owner: ContentOwner): void => {
    if (owner === open) return;
    if (open !== undefined) out.push('EMC');
    out.push(openMarkedContent(owner, pageIndex, ledger));
    open = owner;
  };
  for (const op of page.ops) {
    if (op.kind !== 'text') {
      const owner = ownerOf(op);
      if (owner !== undefined) switchTo(owner);
      out.push(graphicOperators(op));
      continue;
    }
    // Consecutive pieces with one owner share a text object; a Span gets its own sequence.
    let group: LinePiece<ContentOwner>[] = [];
    const flush = (): void => {
      const owner = group[0]?.tag;
      if (owner === undefined) return;
      switchTo(owner);
      out.push(textOperators(op, group, fonts));
      group = [];
    };
    for (const piece of op.pieces) {
      if (group.length > 0 && group[0]?.tag !== piece.tag) flush();
      group.push(piece);
    }
    flush();
  }
  if (open !== undefined) out.push('EMC');
  return out.join('\n');
}
