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

/** A date of the document model that is not ISO 8601 with seconds and an offset. */
export class InvalidPdfDateError extends HccError {
  readonly where: string;

  constructor(value: string, where: string) {
    super('PDF_INVALID_DATE', `${where} must look like 2026-11-20T09:30:00-05:00, got "${value}"`);
    this.name = 'InvalidPdfDateError';
    this.where = where;
  }
}

/** An address block that does not fit the envelope window on page 1. */
export class AddressPlacementError extends HccError {
  readonly where: string;

  constructor(where: string, reason: string) {
    super('PDF_ADDRESS_OUT_OF_WINDOW', `${where}: ${reason}`);
    this.name = 'AddressPlacementError';
    this.where = where;
  }
}

/** A part of the document model that cannot be laid out (e.g. a table row taller than a page). */
export class LayoutError extends HccError {
  readonly where: string;

  constructor(where: string, reason: string) {
    super('PDF_LAYOUT_IMPOSSIBLE', `${where}: ${reason}`);
    this.name = 'LayoutError';
    this.where = where;
  }
}
