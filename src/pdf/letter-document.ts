/**
 * The letter document model: pure data that templates produce and `typesetPdf` prints.
 *
 * It maps one to one onto the letter markup: `heading`, `paragraph`, `list`, `table`,
 * `address`, `signature`, `spacer`, `pageBreak` and `section` blocks, and inline runs with
 * `bold`, `italic` and `lang`. Every word printed comes from this model: the typesetter holds
 * no sentence of its own in either official language.
 */

/** A language the letters are written in (BCP 47), as printed in the PDF `/Lang` entries. */
export type LanguageTag = 'en-CA' | 'fr-CA';

/** A stretch of text in one style. Runs of ASCII white space print as one space. */
export interface TextRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Set where the run's language differs from its block's; tagged as a `Span` with `/Lang`. */
  readonly lang?: LanguageTag;
}

/** What every block may carry: its language when it differs from the enclosing one. */
export interface BlockBase {
  readonly lang?: LanguageTag;
}

/** A heading, kept on the same page as the start of the block after it. */
export interface HeadingBlock extends BlockBase {
  readonly kind: 'heading';
  readonly level: 1 | 2;
  readonly runs: readonly TextRun[];
}

/** A paragraph of running text; never leaves a single line alone at a page end or start. */
export interface ParagraphBlock extends BlockBase {
  readonly kind: 'paragraph';
  readonly runs: readonly TextRun[];
}

/** One item of a list. */
export interface ListItem {
  readonly runs: readonly TextRun[];
}

/** A bulleted (`ordered: false`) or numbered list, printed with hanging indents. */
export interface ListBlock extends BlockBase {
  readonly kind: 'list';
  readonly ordered: boolean;
  readonly items: readonly ListItem[];
}

/** One table cell: inline runs. */
export type TableCell = readonly TextRun[];

/**
 * A table. A key/value reference table is `rowHeaders: true` with two cells a row and no
 * header; a grid has a `header` row. Column widths are fractions of the text width.
 */
export interface TableBlock extends BlockBase {
  readonly kind: 'table';
  readonly header?: readonly TableCell[];
  readonly rows: readonly (readonly TableCell[])[];
  /** The first cell of each row heads that row (`TH` with `/Scope /Row`). */
  readonly rowHeaders?: boolean;
  readonly columnWidths?: readonly number[];
}

/** The recipient's postal address; the first one on page 1 is placed for a window envelope. */
export interface AddressBlock extends BlockBase {
  readonly kind: 'address';
  readonly lines: readonly string[];
}

/** The signature block: closing, room to sign, name and title lines, never split. */
export interface SignatureBlock extends BlockBase {
  readonly kind: 'signature';
  readonly closing?: readonly TextRun[];
  readonly signatory: string;
  readonly lines: readonly string[];
}

/** Vertical space measured in body lines. */
export interface SpacerBlock extends BlockBase {
  readonly kind: 'spacer';
  readonly lines: number;
}

/** Starts a new page. */
export interface PageBreakBlock extends BlockBase {
  readonly kind: 'pageBreak';
}

/** A group of blocks, e.g. one language version of a bilingual letter (tagged `Sect`). */
export interface SectionBlock extends BlockBase {
  readonly kind: 'section';
  readonly blocks: readonly Block[];
}

/** Any block of the letter body. */
export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | TableBlock
  | AddressBlock
  | SignatureBlock
  | SpacerBlock
  | PageBreakBlock
  | SectionBlock;

/** A line of the letterhead, e.g. the department's name in one official language. */
export interface LetterheadLine {
  readonly text: string;
  readonly lang: LanguageTag;
}

/** A reference printed in the continuation header, e.g. `{ label: 'UCI:', value: '1234-5678' }`. */
export interface LetterReference {
  readonly label: string;
  readonly value: string;
}

/**
 * A whole letter. Dates are ISO 8601 with seconds and an offset (`2026-11-20T09:30:00-05:00`)
 * and become the PDF's creation and modification dates.
 */
export interface LetterDocument {
  readonly lang: LanguageTag;
  readonly title: string;
  readonly author: string;
  readonly subject?: string;
  readonly keywords?: readonly string[];
  readonly dates: { readonly created: string; readonly modified?: string };
  readonly letterhead: { readonly lines: readonly LetterheadLine[] };
  readonly references: readonly LetterReference[];
  /** The footer, with `{page}` and `{pages}` placeholders: `Page {page} de {pages}`. */
  readonly pageLabel: string;
  readonly blocks: readonly Block[];
}

/** How an attachment relates to the letter (PDF/A-3 `/AFRelationship`). */
export type AttachmentRelationship = 'Source' | 'Data' | 'Alternative' | 'Supplement' | 'Unspecified';

/** A file carried inside the PDF, e.g. the source record of the file copy. */
export interface PdfAttachment {
  readonly fileName: string;
  readonly mediaType: string;
  readonly description: string;
  readonly relationship: AttachmentRelationship;
  /** ISO 8601 with seconds and an offset. */
  readonly modified: string;
  readonly bytes: Uint8Array;
}

/** Options of `typesetPdf`. */
export interface TypesetOptions {
  readonly attachments?: readonly PdfAttachment[];
}
