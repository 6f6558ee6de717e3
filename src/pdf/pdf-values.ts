import { PDFDict, PDFName, PDFNumber } from 'pdf-lib';
import type { PDFContext, PDFObject } from 'pdf-lib';

// pdf-lib parses every name it is given (PDFName.of) and formats every number it is given
// (PDFNumber.of) each time; the structure tree and the width arrays ask for the same few
// thousand values in every letter. Both kinds of value are immutable, so they are shared.
const names = new Map<string, PDFName>();
const MAX_CACHED_INTEGER = 0xffff;
const integers: (PDFNumber | undefined)[] = [];

/** The PDF name `/name`. */
export function pdfName(name: string): PDFName {
  let value = names.get(name);
  if (value === undefined) {
    value = PDFName.of(name);
    names.set(name, value);
  }
  return value;
}

/** The PDF number `value`; small non-negative integers are made once per process. */
export function pdfNumber(value: number): PDFNumber {
  if (!Number.isInteger(value) || value < 0 || value > MAX_CACHED_INTEGER) return PDFNumber.of(value);
  let cached = integers[value];
  if (cached === undefined) {
    cached = PDFNumber.of(value);
    integers[value] = cached;
  }
  return cached;
}

/** A dictionary of the given entries (undefined ones left out), keys through `pdfName`. */
export function pdfDict(context: PDFContext, entries: Readonly<Record<string, PDFObject | undefined>>): PDFDict {
  const dict = PDFDict.withContext(context);
  for (const [key, value] of Object.entries(entries)) if (value !== undefined) dict.set(pdfName(key), value);
  return dict;
}
