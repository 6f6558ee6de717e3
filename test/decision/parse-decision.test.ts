import { describe, expect, it } from 'vitest';
import { DECISION_ERROR_CODES } from '../../src/decision/error-codes.js';
import { assertDecision, formatJsonPath, InvalidDecisionError, parseDecision } from '../../src/decision/parse-decision.js';
import { issuesOf } from '../support/issues.js';
import { familyMember, permit, recordWith, removalOrder, validRecord, type Json } from '../support/records.js';

describe('parseDecision: the base record', () => {
  it('accepts the valid base record and returns it typed', () => {
    const result = parseDecision(validRecord());
    expect(result.ok ? result.record.decisionId : result.issues).toBe('HC-2026-000101');
  });

  it.each([null, [], 'text', 42, true])('rejects %j, which is not an object', (input) => {
    expect(issuesOf(input)).toEqual(['$ TYPE_INVALID']);
  });

  it('gives every issue a code from the closed list and a message in both languages', () => {
    const result = parseDecision(recordWith((r) => { delete r.reasons; r.stage = 2; r.extra = true; }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const issue of result.issues) {
      expect(DECISION_ERROR_CODES).toContain(issue.code);
      expect(issue.message.en).toMatch(/\w/);
      expect(issue.message.fr).toMatch(/\w/);
      expect(issue.message.fr).not.toBe(issue.message.en);
    }
  });

  it('never echoes a value from the record in a message (no personal data in errors)', () => {
    const secret = 'Zyxwvut-Secretname';
    const result = parseDecision(recordWith((r) => { r.principalApplicant.familyName = 42; r.principalApplicant.uci = secret; r.decisionDate = secret; }));
    expect(JSON.stringify(result)).not.toContain(secret);
  });
});

describe('parseDecision: structure', () => {
  it.each<[string, (r: any) => void, string[]]>([
    ['a missing field', (r) => { delete r.reasons; }, ['$.reasons FIELD_REQUIRED']],
    ['a missing nested field', (r) => { delete r.office.address.city; }, ['$.office.address.city FIELD_REQUIRED']],
    ['a misspelt field', (r) => { r.decisonDate = r.decisionDate; }, ['$.decisonDate UNKNOWN_FIELD']],
    ['an unknown nested field', (r) => { r.principalApplicant.middleName = 'X'; }, ['$.principalApplicant.middleName UNKNOWN_FIELD']],
    ['an unknown key that is not an identifier', (r) => { r['bad key'] = 1; }, ['$["bad key"] UNKNOWN_FIELD']],
    ['a wrong type', (r) => { r.correspondence.bilingual = 'no'; }, ['$.correspondence.bilingual TYPE_INVALID']],
    ['null where a value is required', (r) => { r.reasons = null; }, ['$.reasons TYPE_INVALID']],
    ['a value outside an enumeration', (r) => { r.outcome = 'denied'; }, ['$.outcome VALUE_INVALID']],
    ['another stage', (r) => { r.stage = 2; }, ['$.stage VALUE_INVALID']],
    ['a bad UCI', (r) => { r.principalApplicant.uci = '12345678'; }, ['$.principalApplicant.uci FORMAT_INVALID']],
    ['a bad postal code', (r) => { r.office.address.postalCode = 'D1A 1A1'; }, ['$.office.address.postalCode FORMAT_INVALID']],
    ['a bad email', (r) => { r.correspondence.email = 'not-an-email'; }, ['$.correspondence.email FORMAT_INVALID']],
    ['a decision id unsafe as a folder name', (r) => { r.decisionId = '../etc'; }, ['$.decisionId FORMAT_INVALID']],
    ['30 February', (r) => { r.decisionDate = '2026-02-30'; }, ['$.decisionDate DATE_INVALID']],
    ['29 February of a common year', (r) => { r.principalApplicant.dateOfBirth = '1983-02-29'; }, ['$.principalApplicant.dateOfBirth DATE_INVALID']],
    ['a date in another format', (r) => { r.decisionDate = '20/11/2026'; }, ['$.decisionDate DATE_INVALID']],
    ['a blank string', (r) => { r.reasons = '   '; }, ['$.reasons STRING_EMPTY']],
    ['an empty string', (r) => { r.officer.name = ''; }, ['$.officer.name STRING_EMPTY']],
    ['a string over its limit', (r) => { r.principalApplicant.familyName = 'x'.repeat(101); }, ['$.principalApplicant.familyName STRING_TOO_LONG']],
    ['no channel', (r) => { r.correspondence.channels = []; }, ['$.correspondence.channels LIST_EMPTY']],
    ['a fee with both receipt and exemption', (r) => { r.trp = [permit({ fee: { receiptNumber: 'R1', exemption: 'R298(2)(b)' } })]; }, ['$.trp[0].fee FEE_INVALID']],
    ['a fee with neither', (r) => { r.trp = [permit({ fee: {} })]; }, ['$.trp[0].fee FEE_INVALID']],
    ['a missing TRP rationale', (r) => { const p = permit(); delete p.rationale; r.trp = [p]; }, ['$.trp[0].rationale TRP_RATIONALE_MISSING']],
    ['a blank TRP rationale', (r) => { r.trp = [permit({ rationale: ' \n ' })]; }, ['$.trp[0].rationale TRP_RATIONALE_MISSING']],
  ])('rejects %s', (_name, edit, expected) => {
    expect(issuesOf(recordWith(edit))).toEqual(expected);
  });

  it('reports every structural error at once', () => {
    const issues = issuesOf(recordWith((r) => {
      delete r.reasons;
      r.decisionDate = '2026-13-01';
      r.principalApplicant.salutation = 'dr';
      r.typo = 1;
    }));
    expect(issues).toEqual(['$.decisionDate DATE_INVALID', '$.reasons FIELD_REQUIRED', '$.principalApplicant.salutation VALUE_INVALID', '$.typo UNKNOWN_FIELD']);
  });

  it.each([2, 0, '1', null])('answers schemaVersion %j with that error alone', (version) => {
    expect(issuesOf(recordWith((r) => { r.schemaVersion = version; delete r.reasons; }))).toEqual(['$.schemaVersion SCHEMA_VERSION_UNSUPPORTED']);
  });

  it.each(['schemaVersion', 'outcome', 'decisionDate'])('reports a missing %s as FIELD_REQUIRED, whatever its type', (field) => {
    expect(issuesOf(recordWith((r) => { Reflect.deleteProperty(r, field); }))).toEqual([`$.${field} FIELD_REQUIRED`]);
  });

  it('reports a missing fee as FIELD_REQUIRED, not as a bad fee', () => {
    const p = permit();
    delete p.fee;
    expect(issuesOf(recordWith((r) => { r.trp = [p]; }))).toEqual(['$.trp[0].fee FIELD_REQUIRED']);
  });

  it('accepts 29 February of a leap year and a person with a single name', () => {
    expect(issuesOf(recordWith((r) => { r.principalApplicant.dateOfBirth = '1984-02-29'; r.principalApplicant.givenNames = ''; }))).toEqual([]);
  });

  it('accepts optional parts left out or null', () => {
    expect(issuesOf(recordWith((r) => { delete r.familyMembers; delete r.trp; delete r.principalApplicant.removalOrder; r.correspondence.representative = null; }))).toEqual([]);
  });
});

describe('parseDecision: cross-field rules', () => {
  it.each<[string, (r: any) => void, string[]]>([
    ['a duplicated channel', (r) => { r.correspondence.channels = ['email', 'email']; }, ['$.correspondence.channels[1] CHANNEL_DUPLICATE']],
    ['the email channel without a client email', (r) => { r.correspondence.email = null; }, ['$.correspondence.email EMAIL_REQUIRED']],
    ['the email channel when the representative has no email', (r) => { r.correspondence.representative = { name: 'Cabinet Exemple', postalAddress: r.correspondence.postalAddress }; }, ['$.correspondence.representative.email EMAIL_REQUIRED']],
    ['the mail channel without a postal address', (r) => { delete r.correspondence.postalAddress; }, ['$.correspondence.postalAddress POSTAL_ADDRESS_REQUIRED']],
    ['a birth on the decision date', (r) => { r.principalApplicant.dateOfBirth = r.decisionDate; }, ['$.principalApplicant.dateOfBirth DATE_OF_BIRTH_AFTER_DECISION']],
    ['two people with one UCI', (r) => { r.familyMembers = [familyMember({ uci: '1234-5678' })]; }, ['$.familyMembers[0].uci UCI_DUPLICATE']],
    ['a valid status that says it ended', (r) => { r.principalApplicant.statusInCanada = { valid: true, kind: 'worker', expires: '2027-01-01', expiredOn: '2025-01-01' }; r.departure = null; }, ['$.principalApplicant.statusInCanada.expiredOn STATUS_INCONSISTENT']],
    ['a valid status of kind none', (r) => { r.principalApplicant.statusInCanada = { valid: true, kind: 'none', expires: '2027-01-01' }; r.departure = null; }, ['$.principalApplicant.statusInCanada.kind STATUS_INCONSISTENT']],
    ['an invalid status with an expiry ahead', (r) => { r.principalApplicant.statusInCanada = { valid: false, kind: 'visitor', expires: '2027-01-01' }; }, ['$.principalApplicant.statusInCanada.expires STATUS_INCONSISTENT']],
    ['a valid status without an expiry', (r) => { r.principalApplicant.statusInCanada = { valid: true, kind: 'worker' }; r.departure = null; }, ['$.principalApplicant.statusInCanada.expires STATUS_EXPIRY_REQUIRED']],
    ['a valid status that expired before the decision', (r) => { r.principalApplicant.statusInCanada = { valid: true, kind: 'student', expires: '2026-11-19' }; r.departure = null; }, ['$.principalApplicant.statusInCanada.expires STATUS_EXPIRED_BEFORE_DECISION']],
    ['a family member in Canada without a status', (r) => { const m = familyMember(); delete m.statusInCanada; r.familyMembers = [m]; }, ['$.familyMembers[0].statusInCanada STATUS_REQUIRED']],
    ['a removal order with valid status', (r) => { r.principalApplicant.statusInCanada = { valid: true, kind: 'worker', expires: '2027-05-01' }; r.principalApplicant.removalOrder = removalOrder('exclusion'); r.departure = null; }, ['$.principalApplicant.removalOrder REMOVAL_ORDER_WITH_VALID_STATUS']],
    ['an inadmissible member without the provision', (r) => { r.familyMembers = [familyMember({ admissible: false })]; }, ['$.familyMembers[0].inadmissibility INADMISSIBILITY_MISSING']],
    ['an admissible member with a provision', (r) => { r.familyMembers = [familyMember({ inadmissibility: 'A36(1)(a)' })]; }, ['$.familyMembers[0].inadmissibility INADMISSIBILITY_UNEXPECTED']],
    ['a member refused on a refusal', (r) => { r.familyMembers = [familyMember({ outcome: 'refused' })]; }, ['$.familyMembers[0].outcome MEMBER_OUTCOME_INVALID']],
    ['a member approved on a refusal', (r) => { r.familyMembers = [familyMember({ outcome: 'approved-in-principle' })]; }, ['$.familyMembers[0].outcome MEMBER_OUTCOME_INVALID']],
    ['voluntary departure without a deadline', (r) => { r.departure = { voluntaryDepartureAppropriate: true }; }, ['$.departure.deadline DEADLINE_REQUIRED']],
    ['a deadline when voluntary departure is not appropriate', (r) => { r.departure = { voluntaryDepartureAppropriate: false, deadline: '2026-12-20' }; }, ['$.departure.deadline DEADLINE_UNEXPECTED']],
    ['a deadline on the decision date', (r) => { r.departure.deadline = r.decisionDate; }, ['$.departure.deadline DEADLINE_BEFORE_DECISION']],
    ['a deadline before the decision', (r) => { r.departure.deadline = '2026-11-01'; }, ['$.departure.deadline DEADLINE_BEFORE_DECISION']],
    ['no departure decision for someone who must leave', (r) => { r.departure = null; }, ['$.departure DEPARTURE_DECISION_MISSING']],
    ['departure instructions for a client with valid status', (r) => { r.principalApplicant.statusInCanada = { valid: true, kind: 'worker', expires: '2027-05-01' }; }, ['$.departure.voluntaryDepartureAppropriate DEPARTURE_WITH_VALID_STATUS']],
    ['departure instructions when the only person has a removal order', (r) => { r.principalApplicant.removalOrder = removalOrder('departure'); }, ['$.departure.voluntaryDepartureAppropriate DEPARTURE_NOT_APPLICABLE']],
    ['departure instructions on an approval', (r) => { r.outcome = 'approved-in-principle'; }, ['$.departure.voluntaryDepartureAppropriate DEPARTURE_ON_APPROVAL']],
    ['a TRP on an approval', (r) => { r.outcome = 'approved-in-principle'; r.departure = null; r.trp = [permit()]; }, ['$.trp[0] TRP_WITHOUT_REFUSAL']],
    ['a TRP that ends before it starts', (r) => { r.trp = [permit({ validTo: '2026-11-30' })]; r.departure = null; }, ['$.trp[0].validTo TRP_VALIDITY_INVERTED']],
    ['a TRP of three years and a day', (r) => { r.trp = [permit({ validTo: '2029-12-01' })]; r.departure = null; }, ['$.trp[0].validTo TRP_VALIDITY_TOO_LONG']],
    ['a TRP from 29 February to 28 February three years later (the issue 8 regression)', (r) => { r.decisionDate = '2028-02-20'; r.trp = [permit({ validFrom: '2028-02-29', validTo: '2031-02-28' })]; r.departure = null; }, ['$.trp[0].validTo TRP_VALIDITY_TOO_LONG']],
    ['a TRP starting before the decision', (r) => { r.trp = [permit({ validFrom: '2026-11-19' })]; r.departure = null; }, ['$.trp[0].validFrom TRP_STARTS_BEFORE_DECISION']],
    ['a TRP for nobody in the record', (r) => { r.trp = [permit({ uci: '9999-0000' })]; }, ['$.trp[0].uci TRP_PERSON_UNKNOWN']],
    ['two TRPs for one person', (r) => { r.trp = [permit(), permit()]; r.departure = null; }, ['$.trp[1].uci TRP_PERSON_DUPLICATE']],
    ['a TRP for a member outside Canada', (r) => { r.familyMembers = [familyMember({ inCanada: false, statusInCanada: undefined })]; r.trp = [permit({ uci: '2345-6789' })]; }, ['$.trp[0].uci TRP_PERSON_NOT_IN_CANADA']],
    ['the A42 case claimed for the principal', (r) => { r.trp = [permit({ grounds: 'a42-family-member' })]; r.departure = null; }, ['$.trp[0].grounds TRP_A42_NOT_APPLICABLE']],
  ])('rejects %s', (_name, edit, expected) => {
    expect(issuesOf(recordWith(edit))).toEqual(expected);
  });

  it.each<[string, (r: any) => void]>([
    ['a one-day TRP (it ends the day it starts)', (r) => { r.trp = [permit({ validTo: '2026-12-01' })]; r.departure = null; }],
    ['a TRP of exactly three years', (r) => { r.trp = [permit({ validTo: '2029-11-30' })]; r.departure = null; }],
    // The anniversary of 29 February in a common year is 28 February (Interpretation Act, s. 28), so the last day is the 27th.
    ['a TRP from 29 February for three years', (r) => { r.decisionDate = '2028-02-20'; r.departure.deadline = '2028-03-20'; r.trp = [permit({ validFrom: '2028-02-29', validTo: '2031-02-27' })]; r.departure = null; }],
    ['a TRP starting on the decision date', (r) => { r.trp = [permit({ validFrom: r.decisionDate })]; r.departure = null; }],
    ['voluntary departure not appropriate, without a deadline', (r) => { r.departure = { voluntaryDepartureAppropriate: false }; }],
    ['no departure block when the client has valid status', (r) => { r.principalApplicant.statusInCanada = { valid: true, kind: 'worker', expires: '2027-05-01' }; r.departure = null; }],
    ['a "not appropriate" departure block when nobody must leave', (r) => { r.principalApplicant.statusInCanada = { valid: true, kind: 'worker', expires: '2027-05-01' }; r.departure = { voluntaryDepartureAppropriate: false }; }],
    ['a removal order and no departure block', (r) => { r.principalApplicant.removalOrder = removalOrder('deportation'); r.departure = null; }],
    ['a valid status expiring on the decision date', (r) => { r.principalApplicant.statusInCanada = { valid: true, kind: 'worker', expires: r.decisionDate }; r.departure = null; }],
    ['a representative who receives the correspondence', (r) => { r.correspondence.representative = { name: 'Cabinet Exemple', email: 'cabinet@example.org', postalAddress: r.correspondence.postalAddress }; r.correspondence.email = null; r.correspondence.postalAddress = null; }],
    ['a member outside Canada without a status', (r) => { const m = familyMember({ inCanada: false }); delete m.statusInCanada; r.familyMembers = [m]; }],
    ['the A42 case', (r) => {
      r.outcome = 'approved-in-principle';
      r.departure = null;
      r.principalApplicant.statusInCanada = { valid: true, kind: 'worker', expires: '2027-05-01' };
      r.familyMembers = [familyMember({ admissible: false, inadmissibility: 'A38(1)(c)', outcome: 'refused' })];
      r.trp = [permit({ uci: '2345-6789', grounds: 'a42-family-member', fee: { exemption: 'R298(2)(b)' } })];
    }],
  ])('accepts %s', (_name, edit) => {
    expect(issuesOf(recordWith(edit))).toEqual([]);
  });

  it('reports every rule violation at once', () => {
    const issues = issuesOf(recordWith((r) => {
      r.correspondence.email = null;
      r.departure.deadline = '2026-11-01';
      r.trp = [permit({ uci: '9999-0000', validTo: '2030-01-01' })];
    }));
    expect(issues).toEqual(['$.correspondence.email EMAIL_REQUIRED', '$.departure.deadline DEADLINE_BEFORE_DECISION', '$.trp[0].uci TRP_PERSON_UNKNOWN', '$.trp[0].validTo TRP_VALIDITY_TOO_LONG']);
  });
});

describe('assertDecision', () => {
  it('returns a valid record', () => {
    expect(assertDecision(validRecord()).decisionId).toBe('HC-2026-000101');
  });

  it('throws InvalidDecisionError carrying every issue', () => {
    const attempt = () => assertDecision(recordWith((r) => { delete r.reasons; }));
    expect(attempt).toThrow(InvalidDecisionError);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ code: 'DECISION_INVALID', issues: [{ path: '$.reasons', code: 'FIELD_REQUIRED' }] });
    }
  });
});

describe('formatJsonPath', () => {
  it('writes JSONPath with indexes and quoted odd keys', () => {
    expect(formatJsonPath([])).toBe('$');
    expect(formatJsonPath(['trp', 0, 'uci'])).toBe('$.trp[0].uci');
    expect(formatJsonPath(['a b'])).toBe('$["a b"]');
  });

  it('escapes and cuts keys from the record so a path prints as one safe line', () => {
    expect(formatJsonPath(['\u001b[31mred', 0])).toBe('$["\\u001b[31mred"][0]');
    expect(formatJsonPath(['a\nb"c'])).toBe('$["a\\u000ab\\"c"]');
    expect(formatJsonPath(['x'.repeat(10_000)])).toBe(`$.${'x'.repeat(64)}…`);
    expect(formatJsonPath(['\u202Eevil'])).toBe('$["\\u202eevil"]');
  });

  it('puts an escaped, cut key in the UNKNOWN_FIELD message', () => {
    const result = parseDecision(recordWith((r) => { r[`\u001b[2J${'k'.repeat(10_000)}`] = 1; }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [issue] = result.issues;
    expect(issue?.code).toBe('UNKNOWN_FIELD');
    expect(issue?.message.en).toContain(`"\\u001b[2J${'k'.repeat(60)}…"`);
    expect(issue?.message.en).not.toContain('\u001b');
    expect(issue?.path.length).toBeLessThan(80);
  });
});

describe('the contract kept (issue 7): fields added after publication are optional, with defaults', () => {
  it('accepts a TRP written to the published contract: no grounds, no risk assessment', () => {
    const record = recordWith((r) => {
      const p = permit();
      delete p.grounds;
      delete p.riskAssessment;
      r.trp = [p];
    });
    expect(issuesOf(record)).toEqual([]);
  });

  it('derives the grounds: the A42 case for an inadmissible member refused on an approval, else compelling reasons', async () => {
    const { permitGrounds } = await import('../../src/decision/record-defaults.js');
    const { assertDecision } = await import('../../src/decision/parse-decision.js');
    const a42 = assertDecision(recordWith((r) => {
      r.outcome = 'approved-in-principle';
      r.departure = null;
      r.principalApplicant.statusInCanada = { valid: true, kind: 'worker', expires: '2027-05-01' };
      r.familyMembers = [familyMember({ admissible: false, inadmissibility: 'A36(1)(a)', outcome: 'refused' })];
      const p = permit({ uci: '2345-6789' });
      delete p.grounds;
      r.trp = [p];
    }));
    const [permitOfMember] = a42.trp ?? [];
    if (!permitOfMember) throw new Error('no permit');
    expect(permitGrounds(a42, permitOfMember)).toBe('a42-family-member');
    const compelling = assertDecision(recordWith((r) => { const p = permit(); delete p.grounds; r.trp = [p]; }));
    const [permitOfPrincipal] = compelling.trp ?? [];
    if (!permitOfPrincipal) throw new Error('no permit');
    expect(permitGrounds(compelling, permitOfPrincipal)).toBe('compelling-reasons');
  });

  it('reports the real error of a TRP without grounds: an unknown person, a permit longer than three years', () => {
    const without = (overrides: Json) => recordWith((r) => {
      const p = permit(overrides);
      delete p.grounds;
      delete p.riskAssessment;
      r.trp = [p];
    });
    expect(issuesOf(without({ uci: '9999-9999' }))).toEqual(['$.trp[0].uci TRP_PERSON_UNKNOWN']);
    expect(issuesOf(without({ validTo: '2029-12-01' }))).toEqual(['$.trp[0].validTo TRP_VALIDITY_TOO_LONG']);
  });

  it('accepts a departure block for a person recommended for a TRP: it applies if the permit is refused', () => {
    const record = recordWith((r) => { r.trp = [permit()]; });
    expect(record.departure).toEqual({ voluntaryDepartureAppropriate: true, deadline: '2026-12-20' });
    expect(issuesOf(record)).toEqual([]);
  });
});

describe('reasons in the letter’s language (issue 7)', () => {
  it('takes one text in the correspondence language, or in the language reasonsLanguage names', () => {
    expect(issuesOf(validRecord())).toEqual([]);
    expect(issuesOf(recordWith((r) => { r.reasonsLanguage = 'fr'; }))).toEqual([]);
    expect(issuesOf(recordWith((r) => { r.reasonsLanguage = 'en'; }))).toEqual(['$.reasonsLanguage REASONS_LANGUAGE_MISMATCH']);
  });

  it('takes one text per language, and needs both for a bilingual letter', () => {
    const both = { en: 'I am not satisfied.', fr: 'Je ne suis pas en mesure de conclure.' };
    expect(issuesOf(recordWith((r) => { r.correspondence.bilingual = true; r.reasons = both; }))).toEqual([]);
    expect(issuesOf(recordWith((r) => { r.correspondence.bilingual = true; }))).toEqual(['$.reasons REASONS_LANGUAGE_MISMATCH']);
    expect(issuesOf(recordWith((r) => { r.correspondence.bilingual = true; r.reasons = { fr: both.fr }; }))).toEqual(['$.reasons.en REASONS_LANGUAGE_MISMATCH']);
    expect(issuesOf(recordWith((r) => { r.reasons = {}; }))).toEqual(['$.reasons.fr REASONS_LANGUAGE_MISMATCH']);
    expect(issuesOf(recordWith((r) => { r.reasons = both; r.reasonsLanguage = 'fr'; }))).toEqual(['$.reasonsLanguage REASONS_LANGUAGE_UNEXPECTED']);
  });

  it('reports the reasons’ structural errors by the branch the value takes', () => {
    expect(issuesOf(recordWith((r) => { r.reasons = 5; }))).toEqual(['$.reasons TYPE_INVALID']);
    expect(issuesOf(recordWith((r) => { r.reasons = { en: '' }; }))).toEqual(['$.reasons.en STRING_EMPTY']);
    expect(issuesOf(recordWith((r) => { r.reasons = { de: 'Gründe' }; }))).toEqual(['$.reasons.de UNKNOWN_FIELD']);
    expect(issuesOf(recordWith((r) => { r.reasons = { en: 'x', fr: 7 }; }))).toEqual(['$.reasons.fr TYPE_INVALID']);
  });

  it('does not ask for reasons in the client’s language when nobody is refused', () => {
    const approved = recordWith((r) => { r.outcome = 'approved-in-principle'; r.departure = null; r.reasonsLanguage = 'en'; });
    expect(issuesOf(approved)).toEqual([]);
  });
});
