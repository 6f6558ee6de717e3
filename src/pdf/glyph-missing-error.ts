import { HccError } from '../errors.js';

function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A character that the embedded font cannot draw; `where` is the model path (`blocks[3].runs[0]`). */
export class GlyphMissingError extends HccError {
  readonly codePoint: number;
  readonly where: string;

  constructor(codePoint: number, fontName: string, where: string) {
    super(
      'PDF_GLYPH_MISSING',
      `${formatCodePoint(codePoint)} cannot be drawn with ${fontName} (at ${where})`,
    );
    this.name = 'GlyphMissingError';
    this.codePoint = codePoint;
    this.where = where;
  }
}
