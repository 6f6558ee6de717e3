import { describe, expect, it } from 'vitest';
import { startsWithEnglishVowelSound, withEnglishArticle } from '../../src/i18n/english-article.js';
import { frenchJoin, startsWithFrenchVowelSound, withFrenchArticle } from '../../src/i18n/french-elision.js';
import { formatCitation, parseProvision } from '../../src/i18n/legal-citation.js';
import { defaultTranslator } from '../../src/i18n/default-translators.js';

describe('French elision', () => {
  it.each([
    ['étudiant', 'd’étudiant'],
    ['Ayşe', 'd’Ayşe'],
    ['enfant à charge', 'd’enfant à charge'],
    ['Hélène', 'd’Hélène'],
    ['Yves', 'd’Yves'],
    ['Œdipe', 'd’Œdipe'],
    ['Marc', 'de Marc'],
    ['Yasmine', 'de Yasmine'],
    ['hollandais', 'de hollandais'],
    ['11 décembre', 'de 11 décembre'],
    ['« Avis »', 'de « Avis »'],
  ])('de + %s → %s', (word, expected) => {
    expect(frenchJoin('de', word)).toBe(expected);
  });

  it('elides que and la, and keeps them before a consonant', () => {
    expect(frenchJoin('que', 'Ana-Maria')).toBe('qu’Ana-Maria');
    expect(frenchJoin('que', 'Mihai')).toBe('que Mihai');
    expect(frenchJoin('la', 'interdiction')).toBe('l’interdiction');
    expect(startsWithFrenchVowelSound('  ibrahim')).toBe(true);
  });

  it('contracts the definite article with de and à by the noun’s gender and first sound', () => {
    expect(withFrenchArticle('du', 'paragraphe 25(1)', 'm')).toBe('du paragraphe 25(1)');
    expect(withFrenchArticle('du', 'alinéa 72(2)b)', 'm')).toBe('de l’alinéa 72(2)b)');
    expect(withFrenchArticle('au', 'paragraphe 24(1)', 'm')).toBe('au paragraphe 24(1)');
    expect(withFrenchArticle('au', 'alinéa 298(2)b)', 'm')).toBe('à l’alinéa 298(2)b)');
    expect(withFrenchArticle('le', 'division 34(1)a)(i)(A)', 'f')).toBe('la division 34(1)a)(i)(A)');
    expect(withFrenchArticle('du', 'division 34(1)a)(i)(A)', 'f')).toBe('de la division 34(1)a)(i)(A)');
    expect(withFrenchArticle('bare', 'article 42', 'm')).toBe('article 42');
  });
});

describe('English indefinite article', () => {
  it.each([
    ['exclusion order', 'an exclusion order'],
    ['departure order', 'a departure order'],
    ['deportation order', 'a deportation order'],
    ['visitor', 'a visitor'],
    ['worker', 'a worker'],
    ['student', 'a student'],
    ['temporary resident permit holder', 'a temporary resident permit holder'],
    ['spouse', 'a spouse'],
    ['common-law partner', 'a common-law partner'],
    ['user', 'a user'],
    ['one-day permit', 'a one-day permit'],
    ['hour', 'an hour'],
    ['H&C application', 'an H&C application'],
    ['inadmissible person', 'an inadmissible person'],
  ])('%s → %s', (words, expected) => {
    expect(withEnglishArticle(words)).toBe(expected);
    expect(startsWithEnglishVowelSound(words)).toBe(expected.startsWith('an '));
  });
});

describe('legal citations', () => {
  it.each([
    ['A36(1)(a)', 'paragraph 36(1)(a) of the Act', 'alinéa 36(1)a) de la Loi'],
    ['R298(2)(b)', 'paragraph 298(2)(b) of the Regulations', 'alinéa 298(2)b) du Règlement'],
    ['A42', 'section 42 of the Act', 'article 42 de la Loi'],
    ['A25(1)', 'subsection 25(1) of the Act', 'paragraphe 25(1) de la Loi'],
    ['R224(2)', 'subsection 224(2) of the Regulations', 'paragraphe 224(2) du Règlement'],
    ['A36(1)(a)(ii)', 'subparagraph 36(1)(a)(ii) of the Act', 'sous-alinéa 36(1)a)(ii) de la Loi'],
    ['A34(1)(a)(i)(A)', 'clause 34(1)(a)(i)(A) of the Act', 'division 34(1)a)(i)(A) de la Loi'],
    ['A40.1(1)', 'subsection 40.1(1) of the Act', 'paragraphe 40.1(1) de la Loi'],
  ])('%s reads "%s" and "%s"', (code, en, fr) => {
    expect(formatCitation(code, 'en')).toBe(en);
    expect(formatCitation(code, 'fr')).toBe(fr);
  });

  it('names the instrument in full on request', () => {
    expect(formatCitation('A72(2)(b)', 'en', { long: true })).toBe('paragraph 72(2)(b) of the Immigration and Refugee Protection Act');
    expect(formatCitation('A72(2)(b)', 'fr', { article: 'le', long: true })).toBe('l’alinéa 72(2)b) de la Loi sur l’immigration et la protection des réfugiés');
    expect(formatCitation('R63', 'fr', { long: true })).toBe('article 63 du Règlement sur l’immigration et la protection des réfugiés');
  });

  it('cites text that is not a code as written, after a generic noun', () => {
    expect(parseProvision('s. 36 IRPA')).toBeUndefined();
    expect(parseProvision('A36(1)(q)(zz)')).toBeUndefined();
    expect(formatCitation('R298(2)(..)', 'en')).toBe('provision R298(2)(..)');
    expect(formatCitation('s. 36 IRPA', 'fr', { article: 'du' })).toBe('de la disposition s. 36 IRPA');
  });

  it('is what the cite, de, que and a formatters of the locales write', () => {
    // The formatters are reached through real locale strings, as templates reach them.
    const fr = defaultTranslator('fr');
    const en = defaultTranslator('en');
    expect(fr('trp-rationale:feeExempt', { exemption: 'R298(2)(b)' })).toBe('Non exigibles\u00A0: dispense prévue à l’alinéa 298(2)b) du Règlement');
    expect(en('trp-rationale:feeExempt', { exemption: 'R298(2)(b)' })).toBe('Not payable: exempt under paragraph 298(2)(b) of the Regulations');
    expect(fr('refusal-letter:next.none', { name: 'Ayşe Kılıç' })).toBe('Cette décision n’exige aucune autre démarche de la part d’Ayşe Kılıç.');
    expect(en('letter:personStatus.expired', { kind: 'exclusion order', date: 'x' })).toBe('No valid status; status as an exclusion order ended on x');
  });
});
