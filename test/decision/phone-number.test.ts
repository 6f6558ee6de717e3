import { describe, expect, it } from 'vitest';
import { formatPhone } from '../../src/compose/format-phone.js';
import { parsePhone, phoneUri } from '../../src/decision/phone-number.js';
import { defaultTranslator } from '../../src/i18n/default-translators.js';
import { issuesOf } from '../support/issues.js';
import { recordWith } from '../support/records.js';
import { validateAndRender } from '../support/render-check.js';

describe('office telephone numbers with an extension, as case systems send them', () => {
  it.each([
    ['+1 514-555-0101 ext. 1234', '+1 514-555-0101', '1234'],
    ['+1 514-555-0101 Ext 1234', '+1 514-555-0101', '1234'],
    ['514 555-0101, poste 1234', '514 555-0101', '1234'],
    ['514-555-0101 x1234', '514-555-0101', '1234'],
    ['514-555-0101 extension 12', '514-555-0101', '12'],
    ['(514) 555-0101 POSTE 123456', '(514) 555-0101', '123456'],
    ['+1 514-555-0101', '+1 514-555-0101', undefined],
  ])('accepts %s', (phone, number, extension) => {
    expect(issuesOf(recordWith((r) => { r.office.phone = phone; }))).toEqual([]);
    expect(parsePhone(phone)).toEqual(extension === undefined ? { number } : { number, extension });
  });

  it.each(['514-555-0101 ext. 1234567', '514-555-0101 ext.', '514-555-0101 #1234', 'ext. 1234', '+1 514-555-0101 poste 12 34'])('refuses %s', (phone) => {
    expect(issuesOf(recordWith((r) => { r.office.phone = phone; }))).toEqual(['$.office.phone FORMAT_INVALID']);
  });

  it('prints the extension in the reader\'s language, the number unbroken in a letter, and a tel: URI with ;ext=', () => {
    const phone = '+1 514-555-0101 ext. 1234';
    expect(formatPhone(phone, defaultTranslator('en'))).toBe('+1 514-555-0101, ext. 1234');
    expect(formatPhone(phone, defaultTranslator('fr'), true)).toBe('+1\u00A0514-555-0101, poste 1234');
    expect(phoneUri(phone)).toBe('+15145550101;ext=1234');
    expect(phoneUri('+1 (514) 555-0101')).toBe('+15145550101');
  });

  it('renders a record whose office number has an extension', async () => {
    expect(await validateAndRender(recordWith((r) => { r.office.phone = '+1 514-555-0101 poste 1234'; }))).toEqual({ kind: 'rendered' });
  });
});
