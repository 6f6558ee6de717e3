import { describe, expect, it } from 'vitest';
import { formatLongDate } from '../../src/compose/format-date.js';
import { joinNames, windowName } from '../../src/compose/letter-view.js';
import { LANGUAGES } from '../../src/decision/decision-schema.js';
import { OTHERS_ROOM, PERSON_NAME_ROOM, WINDOW_LINE_ROOM, WINDOW_NAME_ROOM } from '../../src/decision/print-room.js';
import { countCharacters, printedWidth } from '../../src/decision/printable-text.js';
import { cityLine } from '../../src/decision/window-address-rules.js';
import { defaultTranslator } from '../../src/i18n/default-translators.js';
import { loadFontFaces } from '../../src/pdf/font-faces.js';
import * as style from '../../src/pdf/page-style.js';
import { validateAndRender } from '../support/render-check.js';
import { familyMember, permit, recordWith, type Json } from '../support/records.js';

// The rooms of src/decision/print-room.ts come from the typesetter's page style, which
// src/decision may not import: this test holds them together, and renders records at every limit.

const WIDE = '\u2E3B';

describe('the rooms agree with the page style', () => {
  it('a window line is the address width at the address size, in thousandths of an em of a 1000-unit face', async () => {
    expect(WINDOW_LINE_ROOM).toBe(Math.floor((style.ADDRESS_WIDTH / style.ADDRESS_STYLE.size) * 1000));
    expect((await loadFontFaces()).regular.unitsPerEm).toBe(1000);
  });

  it('the window shows six lines: three for the name, one for each of three address lines', () => {
    expect(Math.floor((style.WINDOW_TOP - style.WINDOW_BOTTOM) / style.ADDRESS_STYLE.leading)).toBe(6);
    expect(WINDOW_NAME_ROOM).toBe(2 * WINDOW_LINE_ROOM);
  });

  it.each(LANGUAGES)('the others after the first name fit their room in %s, for every count a household has', (language) => {
    const t = defaultTranslator(language);
    for (let count = 1; count <= 30; count += 1) {
      expect(printedWidth(t('letter:windowNameOthers', { name: '', count }))).toBeLessThanOrEqual(OTHERS_ROOM);
    }
    expect(PERSON_NAME_ROOM + OTHERS_ROOM).toBe(WINDOW_NAME_ROOM);
  });

  it.each(LANGUAGES)('the date line above the window stays on one line in %s, whatever city fits an address', (language) => {
    const t = defaultTranslator(language);
    const city = WIDE.repeat(Math.floor(WINDOW_LINE_ROOM / printedWidth(WIDE)));
    const longest = ['2026-09-30', '2026-02-28', '2026-12-01', '2026-11-30'].map((d) => t('letter:dateLine', { city, date: formatLongDate(d, language, t) }));
    for (const line of longest) expect(printedWidth(line)).toBeLessThanOrEqual((style.TEXT_WIDTH / style.BODY_STYLE.size) * 1000);
    expect(style.FIRST_BODY_TOP - style.BODY_STYLE.leading - style.BODY_STYLE.spaceBefore).toBeGreaterThanOrEqual(style.WINDOW_TOP);
  });
});

describe('windowName: the name line of the window address', () => {
  const t = defaultTranslator('fr');
  it('prints every name when they fit, as before', () => {
    expect(windowName(['Céline Tremblay-Essai', 'Marc Tremblay-Essai', 'Léa Tremblay-Essai'], t, 'fr')).toBe('Céline Tremblay-Essai, Marc Tremblay-Essai et Léa Tremblay-Essai');
  });

  it('prints the first name and how many others when they do not, always within its room', () => {
    const longName = 'W'.repeat(Math.floor(PERSON_NAME_ROOM / printedWidth('W')));
    const names = Array.from({ length: 31 }, () => longName);
    for (const count of [2, 3, 31]) {
      const line = windowName(names.slice(0, count), t, 'fr');
      expect(printedWidth(joinNames(names.slice(0, count), 'fr'))).toBeGreaterThan(WINDOW_NAME_ROOM);
      expect(line).toBe(`${longName} et ${String(count - 1)} autre${count > 2 ? 's personnes' : ' personne'}`);
      expect(printedWidth(line)).toBeLessThanOrEqual(WINDOW_NAME_ROOM);
    }
  });
});

/**
 * A bilingual record whose letters put every kind of name line in a window: the representative's
 * (the refusal letter), two people joined (departure instructions at the client's address) and one
 * person alone (departure instructions at a family member's own address).
 */
function windowRecord(text: (room: number) => string): Json {
  return recordWith((r) => {
    r.correspondence.bilingual = true;
    r.reasons = { en: 'Reasons.', fr: 'Motifs.' };
    const address = (line2: boolean) => {
      const a: Record<string, string> = { line1: text(WINDOW_LINE_ROOM), city: '', province: 'QC', postalCode: 'H7N 2K1' };
      if (line2) a.line2 = text(WINDOW_LINE_ROOM);
      a.city = text(WINDOW_LINE_ROOM - printedWidth(cityLine({ ...a, city: '' } as never)));
      return a;
    };
    r.correspondence.postalAddress = address(true);
    r.office.address = address(true);
    r.correspondence.representative = { name: text(WINDOW_NAME_ROOM), email: 'counsel@example.org', postalAddress: address(true) };
    r.principalApplicant.givenNames = '';
    r.principalApplicant.familyName = text(PERSON_NAME_ROOM);
    r.familyMembers = [
      familyMember({ givenNames: '', familyName: text(PERSON_NAME_ROOM) }),
      familyMember({ uci: '3456-7890', relationship: 'dependent-child', dateOfBirth: '2010-04-04', givenNames: '', familyName: text(PERSON_NAME_ROOM), postalAddress: address(true) }),
    ];
  });
}

/** The longest text of `unit` repeated (then cut to a whole unit) that fits `room`. */
const filled = (unit: string) => (room: number) => {
  let out = '';
  while (printedWidth(out + unit) <= room && countCharacters(out + unit) <= 100) out += unit;
  return out.trim() === '' ? 'x' : out.trimEnd();
};

describe('what validation accepts at every limit renders', () => {
  it.each([
    ['the widest character', (room: number) => WIDE.repeat(Math.min(100, Math.floor(room / printedWidth(WIDE))))],
    ['capital W', (room: number) => 'W'.repeat(Math.min(100, Math.floor(room / printedWidth('W'))))],
    ['a short word, then one as wide as the rest, the way that fills the most lines', (room: number) => {
      const rest = WIDE.repeat(Math.floor((room - printedWidth('a  a')) / printedWidth(WIDE)));
      return countCharacters(`a ${rest} a`) <= 100 ? `a ${rest} a` : `a ${rest.slice(0, 96)} a`;
    }],
    ['words just over half a line', filled('MMMMMMMMMMMMMMMMMM ')],
    ['French punctuation that gains spaces', filled('Ha! Ha? «Oui»: ')],
  ])('window names and addresses in %s', async (_name, text) => {
    expect(await validateAndRender(windowRecord(text))).toEqual({ kind: 'rendered' });
  }, 120_000);

  it('every text field at its length in the widest character, with 20 conditions and two permits', async () => {
    const record = recordWith((r) => {
      r.departure = null;
      const at = (n: number) => WIDE.repeat(n);
      r.office.id = at(40);
      r.officer.id = at(40);
      r.office.name = { en: at(200), fr: at(200) };
      r.officer.name = at(200);
      r.officer.title = { en: at(200), fr: at(200) };
      r.reasons = at(50_000);
      r.familyMembers = [familyMember({ admissible: false, inadmissibility: at(40), removalOrder: { type: 'exclusion', enforceableOn: '2026-06-01', stayed: false, cbsaOffice: 'ASFC, bureau d’exécution de la loi du Grand Montréal' } })];
      const trp = (uci: string) => permit({ uci, rationale: at(20_000), riskAssessment: at(10_000), conditions: Array.from({ length: 20 }, () => at(500)), fee: { exemption: at(40) } });
      r.trp = [trp('1234-5678'), trp('2345-6789')];
    });
    expect(await validateAndRender(record)).toEqual({ kind: 'rendered' });
  }, 240_000);

  it('30 family members leaving together, each with the widest name a window allows', async () => {
    const name = WIDE.repeat(Math.floor(PERSON_NAME_ROOM / printedWidth(WIDE)));
    const record = recordWith((r) => {
      r.principalApplicant.givenNames = '';
      r.principalApplicant.familyName = name;
      r.familyMembers = Array.from({ length: 30 }, (_, i) => familyMember({ uci: `23-4567-${String(1000 + i)}`, givenNames: '', familyName: name }));
    });
    expect(await validateAndRender(record)).toEqual({ kind: 'rendered' });
  }, 120_000);

  it('the first and last dates the record allows', async () => {
    const first = recordWith((r) => {
      r.decisionDate = '2002-06-28';
      r.principalApplicant.dateOfBirth = '1900-01-01';
      r.principalApplicant.statusInCanada.expiredOn = '1900-01-01';
      r.departure.deadline = '2002-07-28';
    });
    const last = recordWith((r) => {
      r.decisionDate = '2100-12-30';
      r.departure.deadline = '2100-12-31';
    });
    expect(await validateAndRender(first)).toEqual({ kind: 'rendered' });
    expect(await validateAndRender(last)).toEqual({ kind: 'rendered' });
  }, 120_000);
});
