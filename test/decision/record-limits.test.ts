import { describe, expect, it } from 'vitest';
import { DATE_RANGE, DECISION_DATE_RANGE, LIST_LIMITS } from '../../src/decision/decision-schema.js';
import { LETTER_REPERTOIRE } from '../../src/decision/letter-repertoire.js';
import { MAX_REPORTED_ISSUES, parseDecision } from '../../src/decision/parse-decision.js';
import { PERSON_NAME_ROOM, WINDOW_LINE_ROOM, WINDOW_NAME_ROOM } from '../../src/decision/print-room.js';
import { findControlCharacter, printedWidth } from '../../src/decision/printable-text.js';
import { cityLine } from '../../src/decision/window-address-rules.js';
import { issuesOf } from '../support/issues.js';
import { fullRecord } from '../support/full-record.js';
import { familyMember, permit, recordWith } from '../support/records.js';

// Every limit of the record, tested on both sides: n is accepted, n + 1 is refused with its code.
// That what is accepted also renders is test/decision/print-room.test.ts's part.

const rooms = LETTER_REPERTOIRE.flatMap(([first, , widths]) => widths.map((room, i) => [first + i, room] as const));
const visible = rooms.filter(([cp]) => /[\p{L}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(cp)) && findControlCharacter(String.fromCodePoint(cp), 'line') === undefined);
/** The visible character that takes the least room (U+2044, fraction slash) and the one that takes the most (U+2E3B, three-em dash). */
const NARROW = String.fromCodePoint(visible.reduce((a, b) => (b[1] < a[1] ? b : a))[0]);
const WIDE = String.fromCodePoint(visible.reduce((a, b) => (b[1] > a[1] ? b : a))[0]);

type Edit = (r: any, value: string) => void;
const at = (path: readonly (string | number)[]): Edit => (r, value) => {
  let target = r;
  for (const key of path.slice(0, -1)) target = target[key];
  target[path.at(-1) ?? ''] = value;
};
const jsonPath = (path: readonly (string | number)[]) => `$${path.map((p) => (typeof p === 'number' ? `[${String(p)}]` : `.${p}`)).join('')}`;

describe('lengths in characters (STRING_TOO_LONG)', () => {
  const limits: [readonly (string | number)[], number][] = [
    [['office', 'id'], 40], [['officer', 'id'], 40], [['office', 'name', 'en'], 200], [['office', 'name', 'fr'], 200],
    [['officer', 'name'], 200], [['officer', 'title', 'en'], 200], [['officer', 'title', 'fr'], 200],
    [['principalApplicant', 'familyName'], 100], [['principalApplicant', 'givenNames'], 100],
    [['familyMembers', 0, 'familyName'], 100], [['familyMembers', 0, 'inadmissibility'], 40],
    [['principalApplicant', 'removalOrder', 'cbsaOffice'], 120], [['correspondence', 'representative', 'name'], 200],
    [['correspondence', 'postalAddress', 'line1'], 120], [['correspondence', 'postalAddress', 'line2'], 120],
    [['correspondence', 'postalAddress', 'city'], 80], [['office', 'address', 'line1'], 120],
    [['trp', 0, 'conditions', 0], 500], [['trp', 0, 'fee', 'receiptNumber'], 40],
    [['reasons'], 50_000], [['trp', 0, 'rationale'], 20_000], [['trp', 0, 'riskAssessment'], 10_000],
  ];

  it.each(limits.map(([path, max]) => [jsonPath(path), path, max] as const))('%s: %i characters are accepted, one more is refused', (name, path, max) => {
    // The narrowest visible character, so that no width rule of the window interferes.
    const text = (n: number) => `X${NARROW.repeat(n - 1)}`;
    expect(issuesOf(fullRecord((r) => { at(path)(r, text(max)); }))).toEqual([]);
    expect(issuesOf(fullRecord((r) => { at(path)(r, text(max + 1)); }))).toEqual([`${name} STRING_TOO_LONG`]);
  });

  it('counts the reasons per language the same way', () => {
    const edit = (n: number) => (r: any) => { r.reasons = { fr: 'x'.repeat(n) }; };
    expect(issuesOf(fullRecord(edit(50_000)))).toEqual([]);
    expect(issuesOf(fullRecord(edit(50_001)))).toEqual(['$.reasons.fr STRING_TOO_LONG']);
  });

  it('an email address: 254 characters are accepted, 255 are refused', () => {
    const address = (n: number) => `${'a'.repeat(n - 'a@example.org'.length + 1)}@example.org`;
    expect(address(254)).toHaveLength(254);
    expect(issuesOf(fullRecord((r) => { r.correspondence.email = address(254); }))).toEqual([]);
    expect(issuesOf(fullRecord((r) => { r.correspondence.email = address(255); }))).toEqual(['$.correspondence.email STRING_TOO_LONG']);
  });
});

/** The longest run of `char` whose printed width is within `room`. */
function longest(char: string, room: number, suffix = ''): string {
  const n = Math.floor((room - printedWidth(suffix)) / printedWidth(char));
  return char.repeat(n);
}

describe('widths the window-envelope address can hold (TEXT_TOO_WIDE)', () => {
  const widthLimits: [readonly (string | number)[], number, string][] = [
    [['correspondence', 'postalAddress', 'line1'], WINDOW_LINE_ROOM, ''],
    [['correspondence', 'postalAddress', 'line2'], WINDOW_LINE_ROOM, ''],
    [['correspondence', 'representative', 'postalAddress', 'line1'], WINDOW_LINE_ROOM, ''],
    [['familyMembers', 0, 'postalAddress', 'line1'], WINDOW_LINE_ROOM, ''],
    [['office', 'address', 'line1'], WINDOW_LINE_ROOM, ''],
    [['principalApplicant', 'familyName'], PERSON_NAME_ROOM, ''],
    [['familyMembers', 0, 'familyName'], PERSON_NAME_ROOM, ''],
    [['correspondence', 'representative', 'name'], WINDOW_NAME_ROOM, ''],
  ];

  it.each(widthLimits.flatMap(([path, room]) => [WIDE, 'W', 'M'].map((char) => [jsonPath(path), char, path, room] as const)))(
    '%s in %s: as many as fit are accepted, one more is refused',
    (name, char, path, room) => {
      const fits = longest(char, room);
      expect(issuesOf(fullRecord((r) => { at(path)(r, fits); }))).toEqual([]);
      expect(issuesOf(fullRecord((r) => { at(path)(r, `${fits}${char}`); }))).toEqual([`${name} TEXT_TOO_WIDE`]);
    },
  );

  it('measures the city with the province and postal code printed after it', () => {
    const address = { line1: 'x', city: '', province: 'QC', postalCode: 'h7n2k1' } as const;
    expect(cityLine({ ...address, city: 'Laval' })).toBe('Laval QC\u00A0\u00A0H7N 2K1');
    const fits = longest('W', WINDOW_LINE_ROOM, cityLine(address));
    expect(issuesOf(fullRecord((r) => { r.correspondence.postalAddress = { ...address, city: fits }; }))).toEqual([]);
    expect(issuesOf(fullRecord((r) => { r.correspondence.postalAddress = { ...address, city: `${fits}W` }; }))).toEqual(['$.correspondence.postalAddress.city TEXT_TOO_WIDE']);
  });

  it('measures a person by the full name printed: given names, a space, the family name', () => {
    const half = longest('W', (PERSON_NAME_ROOM - printedWidth(' ')) / 2);
    expect(issuesOf(fullRecord((r) => { r.principalApplicant.givenNames = half; r.principalApplicant.familyName = half; }))).toEqual([]);
    expect(issuesOf(fullRecord((r) => { r.principalApplicant.givenNames = `${half}WW`; r.principalApplicant.familyName = half; }))).toEqual(['$.principalApplicant.familyName TEXT_TOO_WIDE']);
  });

  it('says how much room the text takes, never the text', () => {
    const result = parseDecision(fullRecord((r) => { r.correspondence.postalAddress.line1 = 'W'.repeat(40); }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.message.en).toMatch(/takes 1\d\d% of the room/);
    expect(result.issues[0]?.message.fr).toMatch(/occupe 1\d\d\u00A0% de la place|occupe 1\d\d % de la place/);
    expect(JSON.stringify(result.issues)).not.toContain('WWW');
  });

  it('accepts a real 40-character address line (Canada Post\'s limit) and a long real name', () => {
    expect(issuesOf(fullRecord((r) => {
      r.correspondence.postalAddress.line1 = '1234 BOULEVARD SAINT-LAURENT BUREAU 500';
      r.correspondence.postalAddress.line2 = 'Sainte-Catherine-de-la-Jacques-Cartier';
      r.principalApplicant.givenNames = 'Maria Guadalupe Concepción';
      r.principalApplicant.familyName = 'Fernández de Córdoba y Santisteban';
    }))).toEqual([]);
  });
});

describe('lists (LIST_TOO_LONG)', () => {
  const member = (i: number) => familyMember({ uci: `23-4567-${String(1000 + i)}` });
  it.each<[string, (r: any, n: number) => void, number]>([
    ['$.familyMembers', (r, n) => { r.familyMembers = [r.familyMembers[0], ...Array.from({ length: n - 1 }, (_, i) => familyMember({ uci: `23-4567-${String(1000 + i)}`, inCanada: false, statusInCanada: undefined }))]; }, LIST_LIMITS.familyMembers],
    ['$.trp[0].conditions', (r, n) => { r.trp[0].conditions = Array.from({ length: n }, (_, i) => `Condition ${String(i)}.`); }, LIST_LIMITS.conditions],
    ['$.correspondence.channels', (r, n) => { r.correspondence.channels = ['email', 'mail', 'email'].slice(0, n); }, LIST_LIMITS.channels],
  ])('%s: %#', (path, edit, max) => {
    expect(issuesOf(fullRecord((r) => { edit(r, max); }))).toEqual([]);
    expect(issuesOf(fullRecord((r) => { edit(r, max + 1); }))).toEqual([`${path} LIST_TOO_LONG`]);
  });

  it('$.trp: one permit per person of the largest household (31) is accepted, 32 are refused', () => {
    const household = (r: any, permits: number) => {
      r.familyMembers = Array.from({ length: 30 }, (_, i) => member(i));
      r.trp = Array.from({ length: permits }, (_, i) => permit({ uci: i === 0 ? '1234-5678' : `23-4567-${String(999 + i)}` }));
    };
    expect(issuesOf(fullRecord((r) => { household(r, 31); }))).toEqual([]);
    expect(issuesOf(fullRecord((r) => { household(r, 32); }))).toEqual(['$.trp LIST_TOO_LONG']);
  });
});

describe('dates (DATE_OUT_OF_RANGE)', () => {
  it('is 1900-01-01 to 2100-12-31, and from 2002-06-28 (IRPA in force) for the decision date', () => {
    expect(DATE_RANGE).toEqual({ earliest: '1900-01-01', latest: '2100-12-31' });
    expect(DECISION_DATE_RANGE).toEqual({ earliest: '2002-06-28', latest: '2100-12-31' });
  });

  it.each<[string, (r: any, d: string) => void, string, string]>([
    ['$.principalApplicant.dateOfBirth', (r, d) => { r.principalApplicant.dateOfBirth = d; }, '1900-01-01', '1899-12-31'],
    ['$.familyMembers[0].dateOfBirth', (r, d) => { r.familyMembers[0].dateOfBirth = d; }, '1900-01-01', '1899-12-31'],
    ['$.principalApplicant.statusInCanada.expiredOn', (r, d) => { r.principalApplicant.statusInCanada.expiredOn = d; }, '1900-01-01', '1899-12-31'],
    ['$.principalApplicant.removalOrder.enforceableOn', (r, d) => { r.principalApplicant.removalOrder.enforceableOn = d; }, '1900-01-01', '1899-12-31'],
    ['$.trp[0].validTo', (r, d) => { r.decisionDate = '2098-01-05'; r.trp[0].validFrom = '2098-01-05'; r.trp[0].validTo = d; }, '2100-12-31', '2101-01-01'],
    ['$.decisionDate (earliest)', (r, d) => { r.decisionDate = d; r.trp[0].validFrom = '2002-07-01'; r.trp[0].validTo = '2003-07-01'; }, '2002-06-28', '2002-06-27'],
  ])('%s: %s is accepted, %s is refused', (path, edit, inside, outside) => {
    expect(issuesOf(fullRecord((r) => { edit(r, inside); }))).toEqual([]);
    expect(issuesOf(fullRecord((r) => { edit(r, outside); }))).toEqual([`${path.replace(/ \(.*\)$/, '')} DATE_OUT_OF_RANGE`]);
  });

  it('refuses the year 0099, which an email Date header would read as 1999', () => {
    expect(issuesOf(fullRecord((r) => { r.decisionDate = '0099-11-20'; }))).toEqual(['$.decisionDate DATE_OUT_OF_RANGE']);
  });

  it('reports a date that is not one as DATE_INVALID only', () => {
    expect(issuesOf(fullRecord((r) => { r.decisionDate = 'zzzz'; }))).toEqual(['$.decisionDate DATE_INVALID']);
  });
});

describe('the number of issues one record reports', () => {
  it(`lists ${String(MAX_REPORTED_ISSUES)} and counts the others in one TOO_MANY_ERRORS`, () => {
    const result = parseDecision(recordWith((r) => { r.familyMembers = Array.from({ length: 30 }, () => ({})); }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(result.issues.at(-1)).toMatchObject({ path: '$', code: 'TOO_MANY_ERRORS' });
    expect(result.issues.at(-1)?.message.en).toBe('140 more problems are not listed: fix these first.');
    expect(result.issues.at(-1)?.message.fr).toContain('140 autres problèmes');
  });

  it('answers 4,900 empty family members with one LIST_TOO_LONG, without looking at each', () => {
    expect(issuesOf(recordWith((r) => { r.familyMembers = Array.from({ length: 4_900 }, () => ({})); }))).toEqual(['$.familyMembers LIST_TOO_LONG']);
  });
});
