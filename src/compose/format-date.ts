import type { IsoDate } from '../decision/calendar-date.js';
import type { Language } from '../decision/decision-schema.js';
import { LANGUAGE_TAGS, type Translate } from '../i18n/translator.js';

// Twelve names a language, asked of Intl once each.
const monthNames = new Map<string, string>();

function monthName(date: IsoDate, language: Language): string {
  const key = `${language}${date.slice(5, 7)}`;
  let name = monthNames.get(key);
  if (name === undefined) {
    const format = new Intl.DateTimeFormat(LANGUAGE_TAGS[language], { month: 'long', timeZone: 'UTC' });
    name = format.format(Date.UTC(2001, Number(date.slice(5, 7)) - 1, 15));
    monthNames.set(key, name);
  }
  return name;
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
