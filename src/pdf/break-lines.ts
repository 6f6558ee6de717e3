import LineBreaker from 'linebreak';
import type { FontFace } from './font-faces.js';
import { graphemeClusters } from './graphemes.js';
import { shapeText } from './shape-text.js';
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
  readonly text: string;
  readonly shaped: ShapedText;
  readonly tag: T;
  readonly where: string;
  readonly width: number;
}

/** Collapses runs of ASCII white space to one space; U+00A0 and U+202F are kept as they are. */
export function normalizeSpaces(text: string): string {
  return text.normalize('NFC').replace(/[ \t\n\r\f]+/g, ' ');
}

function measure<T>(piece: StyledText<T>, text: string, size: number): Measured<T> {
  const shaped = shapeText(piece.face, text, piece.where);
  return {
    face: piece.face,
    text,
    shaped,
    tag: piece.tag,
    where: piece.where,
    width: (shaped.advance * size) / piece.face.unitsPerEm,
  };
}

function trailingWidth<T>(parts: readonly Measured<T>[], size: number): number {
  let width = 0;
  for (let index = parts.length - 1; index >= 0; index -= 1) {
    const part = parts[index];
    if (part === undefined) break;
    const trailing = (part.shaped.trailingSpace * size) / part.face.unitsPerEm;
    width += trailing;
    if (trailing < part.width) break;
  }
  return width;
}

class LineBuilder<T> {
  readonly lines: Line<T>[] = [];
  private parts: Measured<T>[] = [];
  private width = 0;

  constructor(private readonly size: number) {}

  get currentWidth(): number {
    return this.width;
  }

  get isEmpty(): boolean {
    return this.parts.length === 0;
  }

  add(parts: readonly Measured<T>[]): void {
    for (const part of parts) {
      this.parts.push(part);
      this.width += part.width;
    }
  }

  // Spaces at a line end stay in the text, so that extracted and read-aloud text keeps its word
  // boundaries, but the line measures only what it shows.
  finish(): void {
    if (this.parts.length === 0) return;
    const pieces: LinePiece<T>[] = [];
    let x = 0;
    for (const part of this.parts) {
      pieces.push({ face: part.face, shaped: part.shaped, tag: part.tag, x });
      x += part.width;
    }
    this.lines.push({ pieces, width: x - trailingWidth(this.parts, this.size) });
    this.parts = [];
    this.width = 0;
  }
}

function splitAt<T>(pieces: readonly StyledText<T>[], starts: readonly number[], from: number, to: number): { piece: StyledText<T>; text: string }[] {
  const slices: { piece: StyledText<T>; text: string }[] = [];
  pieces.forEach((piece, index) => {
    const start = starts[index] ?? 0;
    const end = start + piece.text.length;
    const sliceStart = Math.max(start, from);
    const sliceEnd = Math.min(end, to);
    if (sliceStart < sliceEnd) slices.push({ piece, text: piece.text.slice(sliceStart - start, sliceEnd - start) });
  });
  return slices;
}

/**
 * Breaks styled text into lines no wider than `maxWidth` points at the break opportunities of
 * the Unicode line-breaking algorithm (UAX #14), so never at U+00A0 or U+202F. A word wider
 * than a line is broken between characters rather than overflowing.
 */
export function breakLines<T>(pieces: readonly StyledText<T>[], size: number, maxWidth: number): Line<T>[] {
  const starts: number[] = [];
  let full = '';
  for (const piece of pieces) {
    starts.push(full.length);
    full += piece.text;
  }
  const builder = new LineBuilder<T>(size);
  const breaker = new LineBreaker(full);
  let segmentStart = 0;
  for (let opportunity = breaker.nextBreak(); opportunity !== null; opportunity = breaker.nextBreak()) {
    const parts = splitAt(pieces, starts, segmentStart, opportunity.position).map(({ piece, text }) =>
      measure(piece, text, size),
    );
    segmentStart = opportunity.position;
    const width = parts.reduce((sum, part) => sum + part.width, 0);
    const visible = width - trailingWidth(parts, size);
    if (builder.currentWidth + visible <= maxWidth) {
      builder.add(parts);
    } else if (visible <= maxWidth) {
      builder.finish();
      builder.add(parts);
    } else {
      addByCharacters(builder, parts, size, maxWidth);
    }
    if (opportunity.required) builder.finish();
  }
  builder.finish();
  return builder.lines;
}

function addByCharacters<T>(builder: LineBuilder<T>, parts: readonly Measured<T>[], size: number, maxWidth: number): void {
  for (const part of parts) {
    for (const segment of graphemeClusters(part.text)) {
      const unit = measure(part, segment, size);
      const visible = segment === ' ' ? 0 : unit.width;
      if (!builder.isEmpty && builder.currentWidth + visible > maxWidth) builder.finish();
      if (builder.isEmpty && segment === ' ') continue;
      builder.add([unit]);
    }
  }
}
