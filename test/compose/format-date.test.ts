import { describe, expect, it } from 'vitest';
import { formatLongDate } from '../../src/compose/format-date.js';
import { defaultTranslator } from '../../src/i18n/default-translators.js';

describe('formatLongDate', () => {
  it.each([
    ['2026-12-01', 'en', 'December 1, 2026'],
    ['2026-11-26', 'en', 'November 26, 2026'],
    ['2026-12-01', 'fr', '1er décembre 2026'],
    ['2026-11-26', 'fr', '26 novembre 2026'],
    ['2027-02-01', 'fr', '1er février 2027'],
    ['2028-02-29', 'fr', '29 février 2028'],
  ] as const)('%s in %s is "%s"', (date, language, expected) => {
    expect(formatLongDate(date, language, defaultTranslator(language))).toBe(expected.replace(/ /g, '\u00A0'));
  });

  it('does not depend on the host time zone', () => {
    // Midnight UTC on the 1st is still the 30th in Vancouver: the formatter must not shift it.
    const saved = process.env.TZ;
    process.env.TZ = 'America/Vancouver';
    try {
      expect(formatLongDate('2026-12-01', 'en', defaultTranslator('en'))).toBe('December\u00A01,\u00A02026');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
