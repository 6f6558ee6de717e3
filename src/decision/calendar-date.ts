/** An ISO calendar date, YYYY-MM-DD, already checked by the schema to exist. */
export type IsoDate = string;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Negative, zero or positive as `a` is before, on or after `b` (ISO dates sort as strings). */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The same day `years` later; 29 February becomes 1 March in a year without one. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(5);
  const rest = monthDay === '02-29' && !isLeapYear(year) ? '03-01' : monthDay;
  return `${String(year).padStart(4, '0')}-${rest}`;
}

/**
 * The same day `years` later, where 29 February becomes 28 February in a year without one: the
 * last day of the month, as the Interpretation Act (s. 28) counts a period of months. A permit
 * valid "for three years" ends the day before this anniversary.
 */
export function anniversary(date: IsoDate, years: number): IsoDate {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(5);
  const rest = monthDay === '02-29' && !isLeapYear(year) ? '02-28' : monthDay;
  return `${String(year).padStart(4, '0')}-${rest}`;
}

/** The day `days` after `date` (negative for before), in the proleptic Gregorian calendar. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const day = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  day.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(day.getUTCFullYear(), 4)}-${pad(day.getUTCMonth() + 1, 2)}-${pad(day.getUTCDate(), 2)}`;
}
