import type { IsoDate } from '../decision/calendar-date.js';
import type { Language } from '../decision/decision-schema.js';
import { LANGUAGE_TAGS, type Translate } from '../i18n/translator.js';

const monthFormats = new Map<Language, Intl.DateTimeFormat>();

function monthName(date: IsoDate, language: Language): string {
  let format = monthFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LANGUAGE_TAGS[language], { month: 'long', timeZone: 'UTC' });
    monthFormats.set(language, format);
  }
  return format.format(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, 15));
}

/**
 * A date written out for a letter, with no-break spaces: "December 1, 2026", "1er décembre 2026". The pattern and the
 * way the first of the month is written come from the `format` locale; month names from Intl.
 */
export function formatLongDate(date: IsoDate, language: Language, t: Translate): string {
  const day = Number(date.slice(8, 10));
  // A date is never split across two lines.
  return t('format:longDate', {
    day: day === 1 ? t('format:firstOfMonth') : String(day),
    month: monthName(date, language),
    year: date.slice(0, 4),
  }).replace(/ /g, '\u00A0');
}
