/** `/Type /Page` as a name token, not `/Pages` or any longer name. */
const PAGE_OBJECT = /\/Type\s*\/Page(?![A-Za-z0-9#._-])/g;

/**
 * The pages of a PDF written by our typesetter, counted from the bytes: one page object per
 * page, each a plain dictionary (object streams are off and every content stream is deflated, so
 * no text can be mistaken for one). Never loads the document. 0 for bytes that hold no page
 * object (the store then refuses the item: a letter of no pages is a fault, not a letter).
 */
export function countPdfPages(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return text.match(PAGE_OBJECT)?.length ?? 0;
}
