import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/i18n/languages.js';
import { packageRoot } from '../../src/package-root.js';
import { createServerTranslate } from '../../src/server/server-i18n.js';
import { CODE_SETS, createPageFormats, type CodeSet } from '../../src/server/server-labels.js';

const t = createServerTranslate(join(packageRoot(), 'locales'));

describe('server labels and formats', () => {
  it('has a label for every code of every set, in every language (a missing one throws)', () => {
    for (const language of LANGUAGES) {
      const formats = createPageFormats(t, language);
      for (const [set, codes] of Object.entries(CODE_SETS) as [CodeSet, readonly string[]][]) {
        for (const code of codes) expect(formats.code(set, code).label, `${language} ${set} ${code}`).not.toBe(code);
      }
    }
  });

  it('shows a code outside the known sets as itself', () => {
    expect(createPageFormats(t, 'fr').code('state', 'some-new-state')).toEqual({ code: 'some-new-state', label: 'some-new-state' });
  });

  it('formats instants in Toronto time and days as calendar days, per language', () => {
    const en = createPageFormats(t, 'en');
    const fr = createPageFormats(t, 'fr');
    expect(en.dateTime('2026-12-01T15:00:00.000Z')).toBe('1 December 2026, 10:00');
    expect(fr.dateTime('2026-12-01T15:00:00.000Z')).toBe('1er décembre 2026, 10 h 00');
    // Summer time, and a UTC instant whose Toronto day is the day before.
    expect(en.dateTime('2026-07-02T03:05:00Z')).toBe('1 July 2026, 23:05');
    expect(fr.dateTime('2026-07-02T03:05:00Z')).toBe('1er juillet 2026, 23 h 05');
    expect(en.day('2026-12-20')).toBe('20 December 2026');
    expect(fr.day('2026-12-20')).toBe('20 décembre 2026');
    expect(fr.dateTime('not a time')).toBe('not a time');
    // Asked again (kept from the first time), the same.
    expect(fr.dateTime('2026-12-01T15:00:00.000Z')).toBe('1er décembre 2026, 10 h 00');
    expect(en.day('2026-01-01')).toBe('1 January 2026');
  });
});
