import { describe, expect, it } from 'vitest';
import { parseDecision } from '../../src/decision/parse-decision.js';
import { countCharacters, findControlCharacter, formatCodePoint, hasVisibleCharacter } from '../../src/decision/printable-text.js';
import { issuesOf } from '../support/issues.js';
import { permit, recordWith } from '../support/records.js';

/** One character of each class the list in src/decision/printable-text.ts names. */
const CONTROLS: [string, string][] = [
  ['NUL', '\u0000'], ['BEL', '\u0007'], ['TAB', '\t'], ['VT', '\u000B'], ['CR', '\r'], ['ESC', '\u001B'], ['DEL', '\u007F'],
  ['C1 CSI', '\u009B'], ['NEL', '\u0085'], ['soft hyphen', '\u00AD'], ['combining grapheme joiner', '\u034F'],
  ['Arabic letter mark', '\u061C'], ['Mongolian vowel separator', '\u180E'], ['zero-width space', '\u200B'], ['ZWNJ', '\u200C'],
  ['ZWJ', '\u200D'], ['LRM', '\u200E'], ['RLM', '\u200F'], ['line separator', '\u2028'], ['paragraph separator', '\u2029'],
  ['LRE', '\u202A'], ['RLO', '\u202E'], ['word joiner', '\u2060'], ['invisible times', '\u2062'], ['LRI', '\u2066'],
  ['PDI', '\u2069'], ['Hangul filler', '\u3164'], ['variation selector', '\uFE0F'], ['BOM', '\uFEFF'],
  ['interlinear annotation', '\uFFF9'], ['replacement character', '\uFFFD'], ['private use', '\uE000'],
  ['supplementary private use', '\u{F0000}'], ['noncharacter U+FDD0', '\uFDD0'], ['noncharacter U+FFFE', '\uFFFE'],
  ['noncharacter U+1FFFF', '\u{1FFFF}'], ['noncharacter U+10FFFF', '\u{10FFFF}'], ['lone high surrogate', '\uD800'],
  ['lone low surrogate', '\uDC00'], ['tag character', '\u{E0041}'],
];

describe('control characters (TEXT_CONTROL_CHARACTER)', () => {
  it.each(CONTROLS)('refuses %s in a name, naming its code point and never the value', (_name, char) => {
    const result = parseDecision(recordWith((r) => { r.principalApplicant.familyName = `Sample${char}Name`; }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const codePoint = formatCodePoint(char.codePointAt(0) ?? 0);
    expect(result.issues.map((i) => `${i.path} ${i.code}`)).toEqual(['$.principalApplicant.familyName TEXT_CONTROL_CHARACTER']);
    expect(result.issues[0]?.message.en).toContain(codePoint);
    expect(result.issues[0]?.message.fr).toContain(codePoint);
    expect(JSON.stringify(result.issues)).not.toContain('SampleName');
  });

  it.each(CONTROLS.filter(([name]) => name !== 'CR'))('refuses %s in the reasons too', (_name, char) => {
    expect(issuesOf(recordWith((r) => { r.reasons = `Motifs.${char}Suite.`; }))).toEqual(['$.reasons TEXT_CONTROL_CHARACTER']);
  });

  it('allows a line feed in reasons, rationales and risk assessments, and nowhere else', () => {
    expect(issuesOf(recordWith((r) => {
      r.reasons = 'Premier paragraphe.\n\nSecond paragraphe.';
      r.trp = [permit({ rationale: 'Un.\nDeux.', riskAssessment: 'Trois.\n\nQuatre.' })];
      r.departure = null;
    }))).toEqual([]);
    for (const [path, edit] of [
      ['$.principalApplicant.familyName', (r: any) => { r.principalApplicant.familyName = 'Sample\nName'; }],
      ['$.principalApplicant.givenNames', (r: any) => { r.principalApplicant.givenNames = 'Alex\n'; }],
      ['$.correspondence.postalAddress.line1', (r: any) => { r.correspondence.postalAddress.line1 = '1 Rue\nX'; }],
      ['$.office.name.fr', (r: any) => { r.office.name.fr = 'Bureau\nX'; }],
      ['$.officer.title.en', (r: any) => { r.officer.title.en = 'Officer\n'; }],
    ] as const) {
      expect(issuesOf(recordWith(edit))).toEqual([`${path} TEXT_CONTROL_CHARACTER`]);
    }
  });

  it('reads CRLF as a line feed (Windows text), and refuses a CR alone', () => {
    const result = parseDecision(recordWith((r) => { r.reasons = 'Un.\r\n\r\nDeux.'; }));
    expect(result.ok && result.record.reasons).toBe('Un.\n\nDeux.');
    expect(issuesOf(recordWith((r) => { r.reasons = 'Un.\rDeux.'; }))).toEqual(['$.reasons TEXT_CONTROL_CHARACTER']);
    expect(issuesOf(recordWith((r) => { r.principalApplicant.givenNames = 'Alex\r\nBcc: x@example.org'; }))).toEqual(['$.principalApplicant.givenNames TEXT_CONTROL_CHARACTER']);
  });

  it('finds the first control character of a text', () => {
    expect(findControlCharacter('ab\u202Ec\u0007', 'line')).toBe(0x202e);
    expect(findControlCharacter('a\nb', 'paragraphs')).toBeUndefined();
    expect(findControlCharacter('a\nb', 'line')).toBe(0x0a);
    expect(findControlCharacter('Ça va ? « Oui » — 100 %', 'line')).toBeUndefined();
  });
});

describe('normalisation (NFC) before anything else', () => {
  it('hands on the composed form of a decomposed name, and checks its length after', () => {
    const decomposed = 'Ce\u0301line E\u0301loi\u0308se';
    // 80 code points as sent, 40 once composed: within the 40 characters of an office id.
    const result = parseDecision(recordWith((r) => { r.principalApplicant.givenNames = decomposed; r.office.id = 'e\u0301'.repeat(40); }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record.principalApplicant.givenNames).toBe('Céline Éloïse');
    expect(result.record.office.id).toBe('é'.repeat(40));
  });

  it('normalises every text field, the reasons per language included', () => {
    const result = parseDecision(recordWith((r) => {
      r.correspondence.language = 'fr';
      r.reasons = { fr: 'Re\u0301sume\u0301.' };
      r.office.address.city = 'Montre\u0301al';
      r.officer.name = 'Rene\u0301e';
    }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record.reasons).toEqual({ fr: 'Résumé.' });
    expect(result.record.office.address.city).toBe('Montréal');
    expect(result.record.officer.name).toBe('Renée');
  });
});

describe('names that show nothing (STRING_EMPTY)', () => {
  it.each([
    ['spaces', '   '],
    ['no-break and thin spaces', '\u00A0\u2009'],
    ['combining marks alone', '\u0301\u0302'],
  ])('refuses a family name of %s', (_name, value) => {
    expect(issuesOf(recordWith((r) => { r.principalApplicant.familyName = value; }))).toEqual(['$.principalApplicant.familyName STRING_EMPTY']);
  });

  it('refuses a zero-width space as a control character, so "Dear Mr. :" is never printed', () => {
    expect(issuesOf(recordWith((r) => { r.principalApplicant.familyName = '\u200B\u200B'; }))).toEqual(['$.principalApplicant.familyName TEXT_CONTROL_CHARACTER']);
  });

  it('lets given names be empty or blank (a single name), but not marks alone', () => {
    expect(issuesOf(recordWith((r) => { r.principalApplicant.givenNames = ''; }))).toEqual([]);
    expect(issuesOf(recordWith((r) => { r.principalApplicant.givenNames = '  '; }))).toEqual([]);
    expect(issuesOf(recordWith((r) => { r.principalApplicant.givenNames = '\u0301'; }))).toEqual(['$.principalApplicant.givenNames STRING_EMPTY']);
  });

  it('sees letters, digits, punctuation and symbols as visible', () => {
    expect(['A', '7', '.', '€', 'ß', 'Ω'].every(hasVisibleCharacter)).toBe(true);
    expect(['', ' ', '\u0301', '\u00A0'].some(hasVisibleCharacter)).toBe(false);
  });
});

describe('lengths count characters (code points), as JSON Schema does', () => {
  it('counts a character outside the BMP once, and a lone surrogate once', () => {
    expect(countCharacters('a\u{1F4A9}b')).toBe(3);
    expect(countCharacters('\uD800x')).toBe(2);
  });

  it('accepts 40 characters of a symbol outside the BMP in a 40-character field, and refuses 41', () => {
    expect(issuesOf(recordWith((r) => { r.office.id = '\u{1F4A9}'.repeat(40); }))).toEqual([]);
    expect(issuesOf(recordWith((r) => { r.office.id = '\u{1F4A9}'.repeat(41); }))).toEqual(['$.office.id STRING_TOO_LONG']);
  });
});
