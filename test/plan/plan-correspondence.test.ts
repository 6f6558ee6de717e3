import { describe, expect, it } from 'vitest';
import { assertDecision } from '../../src/decision/parse-decision.js';
import { planCorrespondence } from '../../src/plan/plan-correspondence.js';
import { PLAN_RULES } from '../../src/plan/plan-rules.js';
import { familyMember, permit, recordWith, removalOrder, validRecord, type Json } from '../support/records.js';

const VALID_STATUS = { valid: true, kind: 'worker', expires: '2027-05-01' };

function plan(record: Json) {
  return planCorrespondence(assertDecision(record));
}

/** `kind→recipient[persons]` for each document, compact enough to read in an assertion. */
function documentsOf(record: Json): string[] {
  return plan(record).documents.map((d) => `${d.kind}→${d.recipient}[${d.persons.join(',')}]`);
}

describe('planCorrespondence: the negative path', () => {
  it('voluntary departure: refusal letter, departure instructions, file update, and a follow-up on the deadline', () => {
    const p = plan(validRecord());
    expect(documentsOf(validRecord())).toEqual([
      'refusal-letter→client[1234-5678]',
      'departure-instructions→client[1234-5678]',
      'file-update→file[1234-5678]',
    ]);
    expect(p.followUps).toEqual([
      { kind: 'departure-confirmation', dueOn: '2026-12-20', persons: ['1234-5678'], ifNotConfirmed: 'cbsa-no-status-notice', rule: 'departure-instructions' },
    ]);
    expect(p.notes).toEqual([]);
  });

  it('voluntary departure not appropriate: the CBSA no-status notice goes at once, no instructions, no follow-up', () => {
    const record = recordWith((r) => { r.departure = { voluntaryDepartureAppropriate: false }; });
    expect(documentsOf(record)).toEqual([
      'refusal-letter→client[1234-5678]',
      'cbsa-no-status-notice→cbsa-inland-enforcement[1234-5678]',
      'file-update→file[1234-5678]',
    ]);
    expect(plan(record).followUps).toEqual([]);
  });

  it.each(['departure', 'exclusion', 'deportation'])('a %s order: a notice to the CBSA Removals Unit instead of instructions', (type) => {
    const record = recordWith((r) => { r.principalApplicant.removalOrder = removalOrder(type); r.departure = null; });
    expect(documentsOf(record)).toEqual([
      'refusal-letter→client[1234-5678]',
      'cbsa-removals-notice→cbsa-removals-unit[1234-5678]',
      'file-update→file[1234-5678]',
    ]);
    expect(plan(record).followUps).toEqual([]);
  });

  it('a stayed removal order is still outstanding, so the Removals Unit is told', () => {
    const record = recordWith((r) => { r.principalApplicant.removalOrder = removalOrder('deportation', true); r.departure = null; });
    expect(documentsOf(record)).toContain('cbsa-removals-notice→cbsa-removals-unit[1234-5678]');
  });

  it('valid status: only the refusal letter and the file update', () => {
    const record = recordWith((r) => { r.principalApplicant.statusInCanada = VALID_STATUS; r.departure = null; });
    expect(documentsOf(record)).toEqual(['refusal-letter→client[1234-5678]', 'file-update→file[1234-5678]']);
  });

  it('departure instructions name every person who must leave, and no one with status or outside Canada', () => {
    const record = recordWith((r) => {
      r.familyMembers = [
        familyMember(),
        familyMember({ uci: '3456-7890', relationship: 'dependent-child', statusInCanada: { valid: true, kind: 'student', expires: '2027-06-30' } }),
        familyMember({ uci: '4567-8901', relationship: 'dependent-child', inCanada: false, statusInCanada: undefined }),
      ];
    });
    const p = plan(record);
    expect(p.documents.find((d) => d.kind === 'departure-instructions')).toMatchObject({ persons: ['1234-5678', '2345-6789'] });
    expect(p.documents.find((d) => d.kind === 'departure-instructions')).not.toHaveProperty('uci');
    expect(p.followUps[0]?.persons).toEqual(['1234-5678', '2345-6789']);
    expect(p.documents.find((d) => d.kind === 'file-update')?.persons).toEqual(['1234-5678', '2345-6789', '3456-7890', '4567-8901']);
  });

  it('a family member under a removal order gets a removals notice while the rest leave voluntarily', () => {
    const record = recordWith((r) => { r.familyMembers = [familyMember({ removalOrder: removalOrder('exclusion') })]; });
    expect(documentsOf(record)).toEqual([
      'refusal-letter→client[1234-5678]',
      'departure-instructions→client[1234-5678]',
      'cbsa-removals-notice→cbsa-removals-unit[2345-6789]',
      'file-update→file[1234-5678,2345-6789]',
    ]);
  });

  it('a person recommended for a TRP stays for now: no departure instructions and no no-status notice for them', () => {
    const record = recordWith((r) => { r.familyMembers = [familyMember()]; r.trp = [permit()]; });
    expect(documentsOf(record)).toEqual([
      'refusal-letter→client[1234-5678]',
      'departure-instructions→family-member[2345-6789]',
      'trp-rationale→designated-decision-maker[1234-5678]',
      'file-update→file[1234-5678,2345-6789]',
    ]);
  });

  it('departure instructions are addressed to the people who must leave, never to someone who stays', () => {
    const record = recordWith((r) => {
      r.principalApplicant.statusInCanada = VALID_STATUS;
      r.familyMembers = [familyMember()];
    });
    const instructions = plan(record).documents.find((d) => d.kind === 'departure-instructions');
    expect(instructions).toMatchObject({ recipient: 'family-member', addressees: ['2345-6789'], persons: ['2345-6789'], channels: ['email', 'mail'] });
    expect(instructions).not.toHaveProperty('copies');
  });

  it('a family member with an address of their own gets instructions of their own, by mail there', () => {
    const own = { line1: '12, rue Essai', city: 'Sherbrooke', province: 'QC', postalCode: 'J1H 4Z5' };
    const record = recordWith((r) => { r.familyMembers = [familyMember({ postalAddress: own })]; });
    expect(documentsOf(record)).toEqual([
      'refusal-letter→client[1234-5678]',
      'departure-instructions→client[1234-5678]',
      'departure-instructions→family-member[2345-6789]',
      'file-update→file[1234-5678,2345-6789]',
    ]);
    expect(plan(record).documents[2]?.channels).toEqual(['mail']);
    expect(plan(record).followUps[0]?.persons).toEqual(['1234-5678', '2345-6789']);
  });

  it('with a representative, the instructions still go to the people who leave, with a copy to the representative', () => {
    const record = recordWith((r) => {
      r.correspondence.representative = { name: 'Cabinet Exemple', email: 'cabinet@example.org', postalAddress: null };
      r.correspondence.channels = ['email'];
    });
    const [letter, instructions] = plan(record).documents;
    expect(letter).toMatchObject({ kind: 'refusal-letter', recipient: 'representative', channels: ['email'] });
    expect(letter).not.toHaveProperty('addressees');
    expect(instructions).toMatchObject({ kind: 'departure-instructions', recipient: 'client', addressees: ['1234-5678'], copies: ['representative'] });
    // The client's own email and address are on file, so the original reaches them too.
    expect(instructions?.channels).toEqual(['email', 'mail']);
  });

  it('notes an original that only the representative’s copy can carry', () => {
    const record = recordWith((r) => {
      r.correspondence.representative = { name: 'Cabinet Exemple', email: 'cabinet@example.org', postalAddress: null };
      r.correspondence.channels = ['email'];
      r.correspondence.email = null;
      r.correspondence.postalAddress = null;
    });
    const p = plan(record);
    expect(p.documents.find((d) => d.kind === 'departure-instructions')?.channels).toEqual([]);
    expect(p.notes).toEqual([{ code: 'ORIGINAL_ONLY_THROUGH_REPRESENTATIVE', persons: ['1234-5678'] }]);
  });

  it('a TRP is recommended, not issued: a trp-decision follow-up waits for the decision-maker, with the no-status rule that a refusal calls for', () => {
    const record = recordWith((r) => { r.trp = [permit()]; });
    const p = plan(record);
    expect(p.followUps).toEqual([{ kind: 'trp-decision', persons: ['1234-5678'], ifRefused: 'departure-instructions', rule: 'trp-rationale' }]);
    // The departure block is kept for that case, not an error, and the plan says so.
    expect(p.notes).toEqual([{ code: 'DEPARTURE_KEPT_FOR_PERMIT_REFUSAL', persons: ['1234-5678'] }]);
    expect(p.documents.map((d) => d.kind)).toEqual(['refusal-letter', 'trp-rationale', 'file-update']);
  });

  it.each<[string, (r: any) => void, string | undefined]>([
    ['no departure block: the CBSA is told at once', (r) => { r.departure = null; }, 'cbsa-no-status-notice'],
    ['voluntary departure not appropriate', (r) => { r.departure = { voluntaryDepartureAppropriate: false }; }, 'cbsa-no-status-notice'],
    ['a removal order', (r) => { r.departure = null; r.principalApplicant.removalOrder = removalOrder('exclusion'); }, 'cbsa-removals-notice'],
    ['valid status: nothing', (r) => { r.departure = null; r.principalApplicant.statusInCanada = VALID_STATUS; }, undefined],
  ])('a refused permit leads, for %s, to the matching no-status document', (_name, edit, expected) => {
    const record = recordWith((r) => { r.trp = [permit()]; edit(r); });
    const [followUp] = plan(record).followUps;
    expect(followUp?.kind === 'trp-decision' ? followUp.ifRefused : 'not a trp-decision').toBe(expected);
  });

  it('notes a departure order whose 30 days of R224(2) ran out before the decision', () => {
    const lapsed = recordWith((r) => { r.principalApplicant.removalOrder = { ...removalOrder('departure'), enforceableOn: '2026-10-01' }; r.departure = null; });
    const running = recordWith((r) => { r.principalApplicant.removalOrder = { ...removalOrder('departure'), enforceableOn: '2026-11-01' }; r.departure = null; });
    const stayed = recordWith((r) => { r.principalApplicant.removalOrder = { ...removalOrder('departure', true), enforceableOn: '2026-10-01' }; r.departure = null; });
    expect(plan(lapsed).notes).toEqual([{ code: 'DEPARTURE_ORDER_PERIOD_ENDED', persons: ['1234-5678'] }]);
    expect(plan(running).notes).toEqual([]);
    expect(plan(stayed).notes).toEqual([]);
  });

  it('one TRP rationale per permit, in the internal language', () => {
    const record = recordWith((r) => {
      r.familyMembers = [familyMember()];
      r.trp = [permit(), permit({ uci: '2345-6789' })];
      r.departure = null;
      r.correspondence.language = 'en';
    });
    const rationales = plan(record).documents.filter((d) => d.kind === 'trp-rationale');
    expect(rationales.map((d) => [d.uci, d.language, d.channels])).toEqual([
      ['1234-5678', 'fr', ['internal']],
      ['2345-6789', 'fr', ['internal']],
    ]);
  });
});

describe('planCorrespondence: recipients, languages and channels', () => {
  it('client documents follow the client language; internal ones the office working language', () => {
    const record = recordWith((r) => { r.correspondence.language = 'en'; r.reasonsLanguage = 'fr'; r.reasons = { en: 'Reasons.' }; delete r.reasonsLanguage; r.departure = { voluntaryDepartureAppropriate: false }; });
    expect(plan(record).documents.map((d) => `${d.kind}:${d.languages.join('+')}`)).toEqual([
      'refusal-letter:en',
      'cbsa-no-status-notice:fr',
      'file-update:fr',
    ]);
  });

  it('a record may ask for another internal language', () => {
    const record = recordWith((r) => { r.correspondence.internalLanguage = 'en'; });
    expect(plan(record).documents.find((d) => d.kind === 'file-update')?.language).toBe('en');
  });

  it('a bilingual record gets each client document in both languages, the client language first', () => {
    const record = recordWith((r) => {
      r.correspondence.bilingual = true;
      r.correspondence.language = 'en';
      r.reasons = { en: 'I am not satisfied that an exemption is justified.', fr: r.reasons };
    });
    const client = plan(record).documents.filter((d) => d.recipient === 'client');
    expect(client).toHaveLength(2);
    expect(client.map((d) => [d.language, d.languages])).toEqual([
      ['en', ['en', 'fr']],
      ['en', ['en', 'fr']],
    ]);
    expect(plan(record).documents.find((d) => d.kind === 'file-update')?.languages).toEqual(['fr']);
  });

  it('a representative receives the client’s letters, and a copy of those addressed to the people who leave', () => {
    const record = recordWith((r) => {
      r.correspondence.representative = { name: 'Cabinet Exemple', email: 'cabinet@example.org', postalAddress: r.correspondence.postalAddress };
    });
    expect(plan(record).documents.filter((d) => d.kind !== 'file-update').map((d) => [d.recipient, d.copies ?? []])).toEqual([
      ['representative', []],
      ['client', ['representative']],
    ]);
  });

  it.each([[['email']], [['mail']], [['email', 'mail']]])('client documents go by the channels asked for: %j', (channels) => {
    const record = recordWith((r) => { r.correspondence.channels = channels; });
    expect(plan(record).documents.find((d) => d.kind === 'refusal-letter')?.channels).toEqual(channels);
  });
});

describe('planCorrespondence: the positive path', () => {
  const approved = (edit: (r: any) => void = () => undefined) =>
    recordWith((r) => {
      r.outcome = 'approved-in-principle';
      r.departure = null;
      edit(r);
    });

  it('an approval destined to Quebec: a CSQ request to MIFI in French and a letter to the client', () => {
    const record = approved((r) => { r.correspondence.language = 'en'; });
    expect(plan(record).documents.map((d) => `${d.kind}→${d.recipient}:${d.language}`)).toEqual([
      'csq-request→mifi:fr',
      'csq-request→client:en',
      'file-update→file:fr',
    ]);
    expect(plan(record).notes).toEqual([]);
  });

  it('an approval outside Quebec: a letter tells the client of the approval in principle and the next stage (inferred)', () => {
    const p = plan(approved((r) => { r.destinationProvince = 'ON'; }));
    expect(p.documents.map((d) => `${d.kind}→${d.recipient}`)).toEqual(['approval-letter→client', 'file-update→file']);
    expect(p.notes).toEqual([]);
  });

  it('the A42 case: the inadmissible member is refused with a TRP while the family goes on to the CSQ', () => {
    const record = approved((r) => {
      r.principalApplicant.statusInCanada = VALID_STATUS;
      r.familyMembers = [familyMember({ admissible: false, inadmissibility: 'A38(1)(c)', outcome: 'refused' })];
      r.trp = [permit({ uci: '2345-6789', grounds: 'a42-family-member' })];
    });
    expect(documentsOf(record)).toEqual([
      'refusal-letter→family-member[2345-6789]',
      'trp-rationale→designated-decision-maker[2345-6789]',
      'csq-request→mifi[1234-5678]',
      'csq-request→client[1234-5678]',
      'file-update→file[1234-5678,2345-6789]',
    ]);
  });

  it('a refused adult member gets a refusal letter of their own; a refused child’s goes to the client', () => {
    const member = familyMember({ admissible: false, inadmissibility: 'A38(1)(c)', outcome: 'refused' });
    const child = familyMember({ uci: '3456-7890', relationship: 'dependent-child', dateOfBirth: '2012-02-02', admissible: false, inadmissibility: 'A38(1)(c)', outcome: 'refused', statusInCanada: VALID_STATUS });
    const record = approved((r) => { r.principalApplicant.statusInCanada = VALID_STATUS; r.familyMembers = [member, child]; r.departure = { voluntaryDepartureAppropriate: true, deadline: '2026-12-20' }; });
    const letters = plan(record).documents.filter((d) => d.kind === 'refusal-letter');
    expect(letters.map((d) => [d.recipient, d.persons, d.addressees])).toEqual([
      ['family-member', ['2345-6789'], ['2345-6789']],
      ['client', ['3456-7890'], ['1234-5678']],
    ]);
  });

  it('a refused member on an approval outside Quebec gets the letter, and no misleading note', () => {
    const record = approved((r) => {
      r.destinationProvince = 'BC';
      r.principalApplicant.statusInCanada = VALID_STATUS;
      r.familyMembers = [familyMember({ admissible: false, inadmissibility: 'A38(1)(c)', outcome: 'refused' })];
      r.departure = { voluntaryDepartureAppropriate: true, deadline: '2026-12-20' };
    });
    const p = plan(record);
    expect(p.documents.map((d) => d.kind)).toEqual(['refusal-letter', 'approval-letter', 'departure-instructions', 'file-update']);
    expect(p.notes).toEqual([]);
  });

  it('never requests a CSQ on the negative path, even for Quebec', () => {
    expect(plan(validRecord()).documents.map((d) => d.kind)).not.toContain('csq-request');
  });
});

describe('plan rules', () => {
  it('each rule has a unique id and names its source', () => {
    const ids = PLAN_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of PLAN_RULES) expect(rule.source).toMatch(/^(seed|inferred|public)/);
  });

  it('every document names the rule that asked for it', () => {
    const ids = new Set(PLAN_RULES.map((r) => r.id));
    for (const d of plan(validRecord()).documents) expect(ids).toContain(d.rule);
  });
});
