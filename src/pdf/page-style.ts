import type { FaceKey } from './font-faces.js';

/** Geometry of a US Letter page in points (Canadian government correspondence). */
export const PAGE_WIDTH = 612;
export const PAGE_HEIGHT = 792;
// Seven-eighths of an inch: the left edge of a #10 envelope window, and room for a two-page letter.
export const MARGIN_LEFT = 63;
export const MARGIN_RIGHT = 63;
export const TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

/** Top of the body on page 1, below the letterhead (1.5 in). */
export const FIRST_BODY_TOP = PAGE_HEIGHT - 108;
/** Top of the body on later pages, below the continuation header (1 in). */
export const CONTINUATION_BODY_TOP = PAGE_HEIGHT - 72;
/** Lowest point of the body on every page, above the footer (1 in). */
export const BODY_BOTTOM = 72;

// A #10 window envelope shows the tri-folded letter from about 2 in to 3.15 in below its top
// edge, wherever the letter settles in the envelope; the address must stay inside that band.
export const WINDOW_TOP = PAGE_HEIGHT - 144;
export const WINDOW_BOTTOM = PAGE_HEIGHT - 227;
/** The window is 4.5 in wide; address lines wrap inside it. */
export const ADDRESS_WIDTH = 4 * 72;

/** The Government of Canada red of the flag symbol (Pantone 032), as sRGB. */
export const FLAG_RED: readonly [number, number, number] = [0.922, 0.176, 0.216];
export const RULE_GREY: readonly [number, number, number] = [0.55, 0.55, 0.55];

export interface TextStyle {
  readonly face: FaceKey;
  readonly size: number;
  readonly leading: number;
  /** Space above the block, dropped at the top of a page. */
  readonly spaceBefore: number;
}

export const BODY_STYLE: TextStyle = { face: 'regular', size: 10.5, leading: 13.5, spaceBefore: 7 };
export const HEADING_STYLES: Readonly<Record<1 | 2, TextStyle>> = {
  1: { face: 'bold', size: 13.5, leading: 17, spaceBefore: 12 },
  2: { face: 'bold', size: 12, leading: 15, spaceBefore: 10 },
};
export const LIST_ITEM_SPACE = 3;
export const LIST_LABEL_INDENT = 8;
export const LIST_BODY_INDENT = 26;
export const ADDRESS_STYLE: TextStyle = { face: 'regular', size: 11, leading: 13.5, spaceBefore: 0 };
export const TABLE_STYLE: TextStyle = { face: 'regular', size: 10, leading: 13, spaceBefore: 7 };
export const TABLE_CELL_PADDING = 3.5;
export const TABLE_RULE_WIDTH = 0.5;
/** Room left blank for a handwritten signature. */
export const SIGNATURE_SPACE = 30;

export const LETTERHEAD_STYLE: TextStyle = { face: 'bold', size: 9, leading: 11, spaceBefore: 0 };
export const LETTERHEAD_TOP = PAGE_HEIGHT - 40;
export const FLAG_WIDTH = 26;
export const FLAG_HEIGHT = 13;
export const HEADER_STYLE: TextStyle = { face: 'regular', size: 9, leading: 11, spaceBefore: 0 };
export const HEADER_BASELINE = PAGE_HEIGHT - 44;
export const HEADER_GAP = 18;
export const FOOTER_BASELINE = 40;
