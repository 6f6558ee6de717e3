import LineBreaker from 'linebreak';
import type { FontFace } from './font-faces.js';
import { graphemeClusters } from './grapheme-clusters.js';
import { concatShaped, shapeText } from './shape-text.js';
import type { ShapedText } from './shape-text.js';

/** Text in one face, with an opaque tag (its structure element) carried to the output. */
export interface StyledText<T> {
  readonly text: string;
  readonly face: FontFace;
  readonly tag: T;
  /** Model path of the text, named in errors. */
  readonly where: string;
}

/** A shaped piece of a line, `x` points from the line start. */
export interface LinePiece<T> {
  readonly face: FontFace;
  readonly shaped: ShapedText;
  readonly tag: T;
  readonly x: number;
}

export interface Line<T> {
  readonly pieces: readonly LinePiece<T>[];
  readonly width: number;
}

interface Measured<T> {
  readonly face: FontFace;
  readonly shaped: ShapedText;
  readonly tag: T;
  readonly where: string;
  readonly width: number;
}

/** Collapses runs of ASCII white space to one space; U+00A0 and U+202F are kept as they are. */
export function normalizeSpaces(text: string): string {
  // Only what changes is matched, so that text already in shape is returned as it is.
  return text.normalize('NFC').replace(/[ \t\n\r\f]{2,}|[\t\n\r\f]/g, ' ');
}

function measure<T>(piece: StyledText<T>, text: string, size: number): Measured<T> {
  const shaped = shapeText(piece.face, text, piece.where);
  return {
    face: piece.face,
    shaped,
    tag: piece.tag,
    where: piece.where,
    width: (shaped.advance * size) / piece.face.unitsPerEm,
  };
}

// The width of the spaces that end the parts, which a line end does not show.
function trailingWidth(parts: readonly { readonly face: FontFace; readonly shaped: ShapedText }[], size: number): number {
  let width = 0;
  for (let index = parts.length - 1; index >= 0; index -= 1) {
    const part = parts[index];
    if (part === undefined) break;
    const trailing = (part.shaped.trailingSpace * size) / part.face.unitsPerEm;
    width += trailing;
    if (part.shaped.trailingSpace < part.shaped.advance) break;
  }
  return width;
}

class LineBuilder<T> {
  readonly lines: Line<T>[] = [];
  private pieces: LinePiece<T>[] = [];
  private width = 0;

  constructor(private readonly size: number) {}

  get currentWidth(): number {
    return this.width;
  }

  get isEmpty(): boolean {
    return this.pieces.length === 0;
  }

  add(parts: readonly Measured<T>[]): void {
    for (const part of parts) {
      this.pieces.push({ face: part.face, shaped: part.shaped, tag: part.tag, x: this.width });
      this.width += part.width;
    }
  }

  // Spaces at a line end stay in the text, so that extracted and read-aloud text keeps its word
  // boundaries, but the line measures only what it shows.
  finish(): void {
    if (this.pieces.length === 0) return;
    this.lines.push({ pieces: this.pieces, width: this.width - trailingWidth(this.pieces, this.size) });
    this.pieces = [];
    this.width = 0;
  }
}

interface Slice<T> {
  readonly piece: StyledText<T>;
  readonly text: string;
}

// Hands out the styled slices of consecutive ranges of the joined text, walking the pieces once.
class PieceSlicer<T> {
  private index = 0;
  private pieceStart = 0;

  constructor(private readonly pieces: readonly StyledText<T>[]) {}

  slice(from: number, to: number): Slice<T>[] {
    const slices: Slice<T>[] = [];
    for (;;) {
      const piece = this.pieces[this.index];
      if (piece === undefined) return slices;
      const pieceEnd = this.pieceStart + piece.text.length;
      const sliceStart = Math.max(this.pieceStart, from);
      const sliceEnd = Math.min(pieceEnd, to);
      if (sliceStart < sliceEnd) slices.push({ piece, text: piece.text.slice(sliceStart - this.pieceStart, sliceEnd - this.pieceStart) });
      if (pieceEnd > to) return slices;
      this.index += 1;
      this.pieceStart = pieceEnd;
    }
  }
}

// An unbreakable run longer than this (in UTF-16 code units) is never shaped whole: it is
// measured cluster by cluster, so that a run of any length costs time and memory linear in it.
const MAX_SHAPED_RUN = 256;

/**
 * Breaks styled text into lines no wider than `maxWidth` points at the break opportunities of
 * the Unicode line-breaking algorithm (UAX #14), so never at U+00A0 or U+202F. A word wider
 * than a line is broken between grapheme clusters rather than overflowing.
 */
export function breakLines<T>(pieces: readonly StyledText<T>[], size: number, maxWidth: number): Line<T>[] {
  const full = pieces.map((piece) => piece.text).join('');
  const slicer = new PieceSlicer(pieces);
  const builder = new LineBuilder<T>(size);
  const breaker = new LineBreaker(full);
  let segmentStart = 0;
  for (let opportunity = breaker.nextBreak(); opportunity !== null; opportunity = breaker.nextBreak()) {
    const slices = slicer.slice(segmentStart, opportunity.position);
    const parts =
      opportunity.position - segmentStart <= MAX_SHAPED_RUN
        ? slices.map(({ piece, text }) => measure(piece, text, size))
        : wholeRunParts(slices, size, maxWidth);
    segmentStart = opportunity.position;
    let width = 0;
    for (const part of parts ?? []) width += part.width;
    const visible = parts === undefined ? Number.POSITIVE_INFINITY : width - trailingWidth(parts, size);
    if (parts !== undefined && builder.currentWidth + visible <= maxWidth) {
      builder.add(parts);
    } else if (parts !== undefined && visible <= maxWidth) {
      builder.finish();
      builder.add(parts);
    } else {
      addByCharacters(builder, slices, size, maxWidth);
    }
    if (opportunity.required) builder.finish();
  }
  builder.finish();
  return builder.lines;
}

// Clusters of one slice gathered for one line, drawn as one piece.
class Fragment<T> {
  private shaped: ShapedText[] = [];
  width = 0;

  constructor(
    private readonly slice: Slice<T>,
    private readonly size: number,
  ) {}

  get isEmpty(): boolean {
    return this.shaped.length === 0;
  }

  push(shaped: ShapedText, width: number): void {
    this.shaped.push(shaped);
    this.width += width;
  }

  take(): Measured<T>[] {
    if (this.shaped.length === 0) return [];
    const { piece } = this.slice;
    const shaped = concatShaped(this.shaped);
    this.shaped = [];
    this.width = 0;
    const width = (shaped.advance * this.size) / piece.face.unitsPerEm;
    return [{ face: piece.face, shaped, tag: piece.tag, where: piece.where, width }];
  }
}

function clusterWidth(shaped: ShapedText, face: FontFace, size: number): number {
  return (shaped.advance * size) / face.unitsPerEm;
}

// A long run as parts if it fits on one line, measured without kerning between its clusters;
// undefined, having looked no further than a line's width, if it does not.
function wholeRunParts<T>(slices: readonly Slice<T>[], size: number, maxWidth: number): Measured<T>[] | undefined {
  let width = 0;
  let trailing = 0;
  for (const { piece, text } of slices) {
    for (const cluster of graphemeClusters(text)) {
      const clusterAdvance = clusterWidth(shapeText(piece.face, cluster, piece.where), piece.face, size);
      width += clusterAdvance;
      trailing = cluster === ' ' ? trailing + clusterAdvance : 0;
      if (width - trailing > maxWidth) return undefined;
    }
  }
  return slices.flatMap((slice) => {
    const fragment = new Fragment(slice, size);
    for (const cluster of graphemeClusters(slice.text)) {
      const shaped = shapeText(slice.piece.face, cluster, slice.piece.where);
      fragment.push(shaped, clusterWidth(shaped, slice.piece.face, size));
    }
    return fragment.take();
  });
}

// Fills lines cluster by cluster; each line's clusters of one style become one piece.
function addByCharacters<T>(builder: LineBuilder<T>, slices: readonly Slice<T>[], size: number, maxWidth: number): void {
  for (const slice of slices) {
    const { face, where } = slice.piece;
    const fragment = new Fragment(slice, size);
    for (const cluster of graphemeClusters(slice.text)) {
      const shaped = shapeText(face, cluster, where);
      const width = clusterWidth(shaped, face, size);
      const visible = cluster === ' ' ? 0 : width;
      const lineEmpty = builder.isEmpty && fragment.isEmpty;
      if (!lineEmpty && builder.currentWidth + fragment.width + visible > maxWidth) {
        builder.add(fragment.take());
        builder.finish();
      }
      if (builder.isEmpty && fragment.isEmpty && cluster === ' ') continue;
      fragment.push(shaped, width);
    }
    builder.add(fragment.take());
  }
}
