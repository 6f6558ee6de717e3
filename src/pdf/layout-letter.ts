import { breakLines, normalizeSpaces } from './break-lines.js';
import type { Line, LinePiece, StyledText } from './break-lines.js';
import type { FaceKey, FontFaces } from './font-faces.js';
import type {
  AddressBlock,
  Block,
  HeadingBlock,
  LanguageTag,
  LetterDocument,
  ListBlock,
  SignatureBlock,
  TableBlock,
  TextRun,
} from './letter-document.js';
import * as style from './page-style.js';
import type { TextStyle } from './page-style.js';
import { paginate } from './paginate.js';
import type { Box } from './paginate.js';
import { createStructNode } from './structure-tree.js';
import type { Artifact, ContentOwner, StructNode } from './structure-tree.js';

type Rgb = readonly [number, number, number];

/** A line of text; `baseline` is a y in points. */
export interface TextOp {
  readonly kind: 'text';
  readonly x: number;
  readonly baseline: number;
  readonly size: number;
  readonly pieces: readonly LinePiece<ContentOwner>[];
}

/** A straight rule, e.g. between table rows. */
export interface RuleOp {
  readonly kind: 'rule';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly width: number;
  readonly color: Rgb;
  readonly owner: Artifact;
}

/** A filled polygon, e.g. the flag symbol of the letterhead. */
export interface PolygonOp {
  readonly kind: 'polygon';
  readonly points: readonly (readonly [number, number])[];
  readonly color: Rgb;
  readonly owner: Artifact;
}

export type DrawOp = TextOp | RuleOp | PolygonOp;

export interface PageLayout {
  readonly ops: readonly DrawOp[];
}

/** The letter laid out on pages, with the structure tree its content belongs to. */
export interface LetterLayout {
  readonly pages: readonly PageLayout[];
  readonly root: StructNode;
}

const HEADER: Artifact = { kind: 'artifact', type: 'Pagination', subtype: 'Header' };
const FOOTER: Artifact = { kind: 'artifact', type: 'Pagination', subtype: 'Footer' };
const LAYOUT: Artifact = { kind: 'artifact', type: 'Layout', subtype: undefined };

interface Scope {
  readonly parent: StructNode;
  readonly lang: LanguageTag;
  readonly path: string;
}

function faceKeyOf(bold: boolean, italic: boolean): FaceKey {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

// Puts the cap height in the middle of the line box.
function baselineOffset(textStyle: { size: number; leading: number }): number {
  return (textStyle.leading + textStyle.size * 0.7) / 2;
}

function moveOp(op: DrawOp, dx: number, dy: number): DrawOp {
  switch (op.kind) {
    case 'text':
      return { kind: 'text', x: op.x + dx, baseline: op.baseline + dy, size: op.size, pieces: op.pieces };
    case 'rule':
      return { ...op, x1: op.x1 + dx, y1: op.y1 + dy, x2: op.x2 + dx, y2: op.y2 + dy };
    case 'polygon':
      return { ...op, points: op.points.map(([x, y]) => [x + dx, y + dy] as const) };
  }
}

class LetterLayouter {
  private readonly boxes: Box<DrawOp>[] = [];
  private pendingSpace = 0;
  private pendingBreak = false;
  private addressPlaced = false;

  constructor(private readonly faces: FontFaces) {}

  layout(doc: LetterDocument): LetterLayout {
    const root = createStructNode(undefined, 'Document');
    const scope: Scope = { parent: root, lang: doc.lang, path: 'blocks' };
    doc.blocks.forEach((block, index) => {
      this.addBlock(block, { ...scope, path: `blocks[${index}]` });
    });
    const placed = paginate(this.boxes, {
      firstTop: style.FIRST_BODY_TOP,
      nextTop: style.CONTINUATION_BODY_TOP,
      bottom: style.BODY_BOTTOM,
      windowTop: style.WINDOW_TOP,
      windowBottom: style.WINDOW_BOTTOM,
    });
    const pageCount = placed.length;
    const pages = placed.map((pageBoxes, pageIndex) => {
      const ops: DrawOp[] = pageIndex === 0 ? this.letterheadOps(doc) : this.continuationHeaderOps(doc);
      for (const { box, top } of pageBoxes) {
        for (const op of box.ops) ops.push(moveOp(op, 0, top));
      }
      ops.push(...this.footerOps(doc, pageIndex + 1, pageCount));
      return { ops };
    });
    return { pages, root };
  }

  private addBox(box: Omit<Box<DrawOp>, 'breakBefore' | 'windowAddress'> & { windowAddress?: string }): Box<DrawOp> {
    // Spelt out rather than spread: one object shape for every box.
    const full: Box<DrawOp> = {
      height: box.height,
      spaceBefore: box.spaceBefore + this.pendingSpace,
      keepWithNext: box.keepWithNext,
      breakBefore: this.pendingBreak,
      windowAddress: box.windowAddress,
      ops: box.ops,
    };
    this.pendingSpace = 0;
    this.pendingBreak = false;
    this.boxes.push(full);
    return full;
  }

  private addBlock(block: Block, outer: Scope): void {
    const lang = block.lang ?? outer.lang;
    const ownLang = lang === outer.lang ? undefined : lang;
    const scope: Scope = { ...outer, lang };
    switch (block.kind) {
      case 'heading':
        this.addHeading(block, scope, ownLang);
        return;
      case 'paragraph': {
        const node = createStructNode(scope.parent, 'P', { lang: ownLang });
        this.addParagraph(block.runs, node, scope, style.BODY_STYLE, 'regular');
        return;
      }
      case 'list':
        this.addList(block, scope, ownLang);
        return;
      case 'table':
        this.addTable(block, scope, ownLang);
        return;
      case 'address':
        this.addAddress(block, scope, ownLang);
        return;
      case 'signature':
        this.addSignature(block, scope, ownLang);
        return;
      case 'spacer':
        this.pendingSpace += block.lines * style.BODY_STYLE.leading;
        return;
      case 'pageBreak':
        this.pendingBreak = true;
        return;
      case 'section': {
        const node = createStructNode(scope.parent, 'Sect', { lang: ownLang });
        block.blocks.forEach((child, index) => {
          this.addBlock(child, { parent: node, lang, path: `${scope.path}.blocks[${index}]` });
        });
        return;
      }
    }
  }

  private pieces(
    runs: readonly TextRun[],
    owner: StructNode,
    scope: Scope,
    baseBold: boolean,
    path: string,
  ): StyledText<ContentOwner>[] {
    const pieces: StyledText<ContentOwner>[] = [];
    let previous = '';
    runs.forEach((run, index) => {
      let text = normalizeSpaces(run.text);
      if ((previous === '' || previous.endsWith(' ')) && text.startsWith(' ')) text = text.slice(1);
      if (text === '') return;
      const face = this.faces[faceKeyOf(baseBold || run.bold === true, run.italic === true)];
      const tag =
        run.lang !== undefined && run.lang !== scope.lang
          ? createStructNode(owner, 'Span', { lang: run.lang, deferred: true })
          : owner;
      pieces.push({ text, face, tag, where: `${path}[${index}]` });
      previous = text;
    });
    const last = pieces.at(-1);
    if (last?.text.endsWith(' ') === true) {
      pieces[pieces.length - 1] = { ...last, text: last.text.slice(0, -1) };
    }
    return pieces.filter((piece) => piece.text !== '');
  }

  private plainPieces(text: string, owner: ContentOwner, face: FaceKey, where: string, keepSpaces = false): StyledText<ContentOwner>[] {
    // Address lines keep their spacing: Canada Post puts two spaces before the postal code.
    const normalized = (keepSpaces ? text.normalize('NFC').replace(/[\t\n\r\f]/g, ' ') : normalizeSpaces(text)).trim();
    return normalized === '' ? [] : [{ text: normalized, face: this.faces[face], tag: owner, where }];
  }

  private lines(pieces: readonly StyledText<ContentOwner>[], textStyle: TextStyle, width: number): Line<ContentOwner>[] {
    return breakLines(pieces, textStyle.size, width);
  }

  private lineOp(line: Line<ContentOwner>, x: number, top: number, textStyle: TextStyle): TextOp {
    return { kind: 'text', x, baseline: -(top + baselineOffset(textStyle)), size: textStyle.size, pieces: line.pieces };
  }

  // Orphans and widows: a break is allowed only where two lines stay on each side.
  private addLineBoxes(
    lines: readonly Line<ContentOwner>[],
    textStyle: TextStyle,
    x: number,
    spaceBefore: number,
    keep: { all?: boolean; last?: boolean; firstLineOps?: readonly DrawOp[] } = {},
  ): void {
    lines.forEach((line, index) => {
      const last = index === lines.length - 1;
      const keepWithNext =
        keep.all === true || (last ? keep.last === true : index === 0 || index === lines.length - 2);
      // A list label comes before its item text in the content stream, as it is read.
      const ops: DrawOp[] = index === 0 ? [...(keep.firstLineOps ?? [])] : [];
      ops.push(this.lineOp(line, x, 0, textStyle));
      this.addBox({ height: textStyle.leading, spaceBefore: index === 0 ? spaceBefore : 0, keepWithNext, ops });
    });
  }

  private addParagraph(
    runs: readonly TextRun[],
    node: StructNode,
    scope: Scope,
    textStyle: TextStyle,
    baseFace: 'regular' | 'bold',
    keepAll = false,
  ): void {
    const pieces = this.pieces(runs, node, scope, baseFace === 'bold', `${scope.path}.runs`);
    const lines = this.lines(pieces, textStyle, style.TEXT_WIDTH);
    this.addLineBoxes(lines, textStyle, style.MARGIN_LEFT, textStyle.spaceBefore, { all: keepAll });
  }

  private addHeading(block: HeadingBlock, scope: Scope, lang: LanguageTag | undefined): void {
    const node = createStructNode(scope.parent, block.level === 1 ? 'H1' : 'H2', { lang });
    this.addParagraph(block.runs, node, scope, style.HEADING_STYLES[block.level], 'bold', true);
  }

  private addList(block: ListBlock, scope: Scope, lang: LanguageTag | undefined): void {
    const list = createStructNode(scope.parent, 'L', { lang });
    const bodyX = style.MARGIN_LEFT + style.LIST_BODY_INDENT;
    const textStyle = style.BODY_STYLE;
    block.items.forEach((item, index) => {
      const path = `${scope.path}.items[${index}]`;
      const listItem = createStructNode(list, 'LI');
      const label = createStructNode(listItem, 'Lbl');
      const body = createStructNode(listItem, 'LBody');
      const labelText = block.ordered ? `${index + 1}.` : '\u2022';
      const [labelLine] = this.lines(this.plainPieces(labelText, label, 'regular', path), textStyle, style.LIST_BODY_INDENT);
      const labelX = block.ordered
        ? bodyX - 6 - (labelLine?.width ?? 0)
        : style.MARGIN_LEFT + style.LIST_LABEL_INDENT;
      const labelOps = labelLine === undefined ? [] : [this.lineOp(labelLine, labelX, 0, textStyle)];
      const pieces = this.pieces(item.runs, body, { ...scope, path }, false, `${path}.runs`);
      const lines = this.lines(pieces, textStyle, style.TEXT_WIDTH - style.LIST_BODY_INDENT);
      const spaceBefore = index === 0 ? textStyle.spaceBefore : style.LIST_ITEM_SPACE;
      // A list never leaves its first or last item alone on a page.
      const count = block.items.length;
      const keepLast = count > 1 && (index === 0 || index === count - 2);
      this.addLineBoxes(lines, textStyle, bodyX, spaceBefore, { last: keepLast, firstLineOps: labelOps });
    });
  }

  private addTable(block: TableBlock, scope: Scope, lang: LanguageTag | undefined): void {
    const table = createStructNode(scope.parent, 'Table', { lang });
    const columnCount = Math.max(block.header?.length ?? 0, ...block.rows.map((row) => row.length));
    const fractions =
      block.columnWidths ??
      (block.rowHeaders === true && columnCount === 2 ? [0.36, 0.64] : Array.from({ length: columnCount }, () => 1 / columnCount));
    const total = fractions.reduce((sum, fraction) => sum + fraction, 0);
    const widths = fractions.map((fraction) => (fraction / total) * style.TEXT_WIDTH);
    const textStyle = style.TABLE_STYLE;
    const padding = style.TABLE_CELL_PADDING;
    const rows: { cells: readonly (readonly TextRun[])[]; header: boolean; path: string }[] = [];
    if (block.header !== undefined) rows.push({ cells: block.header, header: true, path: `${scope.path}.header` });
    block.rows.forEach((cells, index) => rows.push({ cells, header: false, path: `${scope.path}.rows[${index}]` }));

    rows.forEach((row, rowIndex) => {
      const tr = createStructNode(table, 'TR');
      const ops: DrawOp[] = [];
      let x = style.MARGIN_LEFT;
      let tallest = 0;
      row.cells.forEach((cell, cellIndex) => {
        const width = widths[cellIndex] ?? 0;
        const isHeader = row.header || (block.rowHeaders === true && cellIndex === 0);
        const node = createStructNode(tr, isHeader ? 'TH' : 'TD', isHeader ? { scope: row.header ? 'Column' : 'Row' } : {});
        const pieces = this.pieces(cell, node, scope, isHeader, `${row.path}[${cellIndex}]`);
        const lines = this.lines(pieces, textStyle, width - 2 * padding);
        lines.forEach((line, lineIndex) => {
          ops.push(this.lineOp(line, x + padding, padding + lineIndex * textStyle.leading, textStyle));
        });
        tallest = Math.max(tallest, lines.length * textStyle.leading);
        x += width;
      });
      const height = tallest + 2 * padding;
      const right = style.MARGIN_LEFT + style.TEXT_WIDTH;
      const rule = (y: number): RuleOp => ({
        kind: 'rule',
        x1: style.MARGIN_LEFT,
        y1: y,
        x2: right,
        y2: y,
        width: style.TABLE_RULE_WIDTH,
        color: style.RULE_GREY,
        owner: LAYOUT,
      });
      if (rowIndex === 0) ops.push(rule(0));
      ops.push(rule(-height));
      const last = rowIndex === rows.length - 1;
      this.addBox({
        height,
        spaceBefore: rowIndex === 0 ? textStyle.spaceBefore : 0,
        keepWithNext: row.header || (!last && (rowIndex === 0 || rowIndex === rows.length - 2)),
        ops,
      });
    });
  }

  private addAddress(block: AddressBlock, scope: Scope, lang: LanguageTag | undefined): void {
    const div = createStructNode(scope.parent, 'Div', { lang });
    const textStyle = style.ADDRESS_STYLE;
    const ops: DrawOp[] = [];
    let count = 0;
    block.lines.forEach((text, index) => {
      const node = createStructNode(div, 'P');
      const pieces = this.plainPieces(text, node, 'regular', `${scope.path}.lines[${index}]`, true);
      const lines = this.lines(pieces, textStyle, style.ADDRESS_WIDTH);
      for (const line of lines) {
        ops.push(this.lineOp(line, style.MARGIN_LEFT, count * textStyle.leading, textStyle));
        count += 1;
      }
    });
    const isWindowAddress = !this.addressPlaced;
    this.addressPlaced = true;
    this.addBox({
      height: count * textStyle.leading,
      spaceBefore: style.BODY_STYLE.spaceBefore,
      keepWithNext: false,
      ops,
      ...(isWindowAddress ? { windowAddress: scope.path } : {}),
    });
  }

  private addSignature(block: SignatureBlock, scope: Scope, lang: LanguageTag | undefined): void {
    const div = createStructNode(scope.parent, 'Div', { lang });
    const textStyle = style.BODY_STYLE;
    const ops: DrawOp[] = [];
    let y = 0;
    if (block.closing !== undefined) {
      const closing = createStructNode(div, 'P');
      const pieces = this.pieces(block.closing, closing, scope, false, `${scope.path}.closing`);
      for (const line of this.lines(pieces, textStyle, style.TEXT_WIDTH)) {
        ops.push(this.lineOp(line, style.MARGIN_LEFT, y, textStyle));
        y += textStyle.leading;
      }
      y += style.SIGNATURE_SPACE;
    }
    const named: [string, FaceKey, string][] = [
      [block.signatory, 'bold', `${scope.path}.signatory`],
      ...block.lines.map((text, index): [string, FaceKey, string] => [text, 'regular', `${scope.path}.lines[${index}]`]),
    ];
    for (const [text, face, where] of named) {
      const node = createStructNode(div, 'P');
      for (const line of this.lines(this.plainPieces(text, node, face, where), textStyle, style.TEXT_WIDTH)) {
        ops.push(this.lineOp(line, style.MARGIN_LEFT, y, textStyle));
        y += textStyle.leading;
      }
    }
    // The signature never starts a page alone: the end of the text before it comes along.
    const previous = this.boxes.at(-1);
    if (previous !== undefined) previous.keepWithNext = true;
    this.addBox({ height: y, spaceBefore: textStyle.spaceBefore * 2, keepWithNext: false, ops });
  }

  private artifactLine(text: string, owner: Artifact, face: FaceKey, where: string, textStyle: TextStyle): Line<ContentOwner> | undefined {
    const [line] = this.lines(this.plainPieces(text, owner, face, where), textStyle, style.TEXT_WIDTH * 2);
    return line;
  }

  private letterheadOps(doc: LetterDocument): DrawOp[] {
    const left = style.MARGIN_LEFT;
    const top = style.LETTERHEAD_TOP;
    const bar = style.FLAG_WIDTH / 4;
    const height = style.FLAG_HEIGHT;
    const rect = (x: number, width: number): PolygonOp => ({
      kind: 'polygon',
      points: [[x, top], [x + width, top], [x + width, top - height], [x, top - height]],
      color: style.FLAG_RED,
      owner: HEADER,
    });
    const leaf: PolygonOp = {
      kind: 'polygon',
      points: MAPLE_LEAF.map(([x, y]) => [left + bar + x * 2 * bar, top - height + 1 + y * (height - 2)] as const),
      color: style.FLAG_RED,
      owner: HEADER,
    };
    const ops: DrawOp[] = [rect(left, bar), leaf, rect(left + 3 * bar, bar)];
    const textX = left + style.FLAG_WIDTH + 8;
    const textStyle = style.LETTERHEAD_STYLE;
    doc.letterhead.lines.forEach((entry, index) => {
      const line = this.artifactLine(entry.text, HEADER, 'bold', `letterhead.lines[${index}]`, textStyle);
      if (line === undefined) return;
      ops.push({ kind: 'text', x: textX, baseline: top - 8 - index * textStyle.leading, size: textStyle.size, pieces: line.pieces });
    });
    return ops;
  }

  private continuationHeaderOps(doc: LetterDocument): DrawOp[] {
    const textStyle = style.HEADER_STYLE;
    const ops: DrawOp[] = [];
    let x = style.MARGIN_LEFT;
    doc.references.forEach((reference, index) => {
      const where = `references[${index}]`;
      const label = this.artifactLine(reference.label, HEADER, 'bold', `${where}.label`, textStyle);
      const value = this.artifactLine(reference.value, HEADER, 'regular', `${where}.value`, textStyle);
      if (label !== undefined) {
        ops.push({ kind: 'text', x, baseline: style.HEADER_BASELINE, size: textStyle.size, pieces: label.pieces });
        x += label.width + textStyle.size * 0.3;
      }
      if (value !== undefined) {
        ops.push({ kind: 'text', x, baseline: style.HEADER_BASELINE, size: textStyle.size, pieces: value.pieces });
        x += value.width;
      }
      x += style.HEADER_GAP;
    });
    const ruleY = style.HEADER_BASELINE - 7;
    ops.push({
      kind: 'rule',
      x1: style.MARGIN_LEFT,
      y1: ruleY,
      x2: style.MARGIN_LEFT + style.TEXT_WIDTH,
      y2: ruleY,
      width: style.TABLE_RULE_WIDTH,
      color: style.RULE_GREY,
      owner: HEADER,
    });
    return ops;
  }

  private footerOps(doc: LetterDocument, page: number, pages: number): DrawOp[] {
    const text = doc.pageLabel.replaceAll('{page}', String(page)).replaceAll('{pages}', String(pages));
    const line = this.artifactLine(text, FOOTER, 'regular', 'pageLabel', style.HEADER_STYLE);
    if (line === undefined) return [];
    const x = (style.PAGE_WIDTH - line.width) / 2;
    return [{ kind: 'text', x, baseline: style.FOOTER_BASELINE, size: style.HEADER_STYLE.size, pieces: line.pieces }];
  }
}

// A stylised maple leaf in a unit square (y up), drawn between the two bars of the flag symbol.
const MAPLE_LEAF: readonly (readonly [number, number])[] = [
  [0.47, 0], [0.53, 0], [0.53, 0.2], [0.8, 0.15], [0.75, 0.27], [0.97, 0.45], [0.89, 0.49],
  [0.93, 0.64], [0.78, 0.6], [0.75, 0.69], [0.63, 0.56], [0.67, 0.84], [0.59, 0.8], [0.5, 1],
  [0.41, 0.8], [0.33, 0.84], [0.37, 0.56], [0.25, 0.69], [0.22, 0.6], [0.07, 0.64], [0.11, 0.49],
  [0.03, 0.45], [0.25, 0.27], [0.2, 0.15], [0.47, 0.2],
];

/**
 * Lays the letter out on US Letter pages: letterhead, window address, body with keep rules,
 * continuation headers and page footers. Throws `GlyphMissingError`, `AddressPlacementError`
 * or `LayoutError`.
 */
export function layoutLetter(doc: LetterDocument, faces: FontFaces): LetterLayout {
  return new LetterLayouter(faces).layout(doc);
}
