import { InvalidPdfDateError } from './invalid-pdf-date-error.js';

/** A date of the model in the two spellings a PDF needs. */
export interface PdfDate {
  /** `D:20261120093000-05'00'` for the document information dictionary. */
  readonly pdf: string;
  /** `2026-11-20T09:30:00-05:00` for XMP. */
  readonly xmp: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|([+-])(\d{2}):(\d{2}))$/;

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Reads an ISO 8601 date-time with seconds and an offset; throws `InvalidPdfDateError`. */
export function parsePdfDate(value: string, where: string): PdfDate {
  const match = ISO.exec(value);
  if (match === null) throw new InvalidPdfDateError(value, where);
  const [, year = '', month = '', day = '', hour = '', minute = '', second = '', zone = '', sign = '', zoneHour = '', zoneMinute = ''] = match;
  const numbers = [year, month, day, hour, minute, second].map(Number);
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = numbers;
  const valid =
    mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) && h <= 23 && mi <= 59 && s <= 59 &&
    (zone === 'Z' || (Number(zoneHour) <= 14 && Number(zoneMinute) <= 59));
  if (!valid) throw new InvalidPdfDateError(value, where);
  const stamp = `${year}${month}${day}${hour}${minute}${second}`;
  return zone === 'Z'
    ? { pdf: `D:${stamp}Z`, xmp: `${year}-${month}-${day}T${hour}:${minute}:${second}Z` }
    : { pdf: `D:${stamp}${sign}${zoneHour}'${zoneMinute}'`, xmp: value };
}
