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

  it('a person given a TRP is allowed to stay: no departure instructions and no no-status notice for them', () => {
    const record = recordWith((r) => { r.familyMembers = [familyMember()]; r.trp = [permit()]; });
    expect(documentsOf(record)).toEqual([
      'refusal-letter→client[1234-5678]',
      'departure-instructions→client[2345-6789]',
      'trp-rationale→designated-decision-maker[1234-5678]',
      'file-update→file[1234-5678,2345-6789]',
    ]);
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
    const record = recordWith((r) => { r.correspondence.language = 'en'; r.departure = { voluntaryDepartureAppropriate: false }; });
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
    const record = recordWith((r) => { r.correspondence.bilingual = true; r.correspondence.language = 'en'; });
    const client = plan(record).documents.filter((d) => d.recipient === 'client');
    expect(client.map((d) => [d.language, d.languages])).toEqual([
      ['en', ['en', 'fr']],
      ['en', ['en', 'fr']],
    ]);
    expect(plan(record).documents.find((d) => d.kind === 'file-update')?.languages).toEqual(['fr']);
  });

  it('a representative receives the client documents', () => {
    const record = recordWith((r) => {
      r.correspondence.representative = { name: 'Cabinet Exemple', email: 'cabinet@example.org', postalAddress: r.correspondence.postalAddress };
    });
    expect(plan(record).documents.filter((d) => d.kind !== 'file-update').map((d) => d.recipient)).toEqual(['representative', 'representative']);
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

  it('an approval outside Quebec fits no correspondence rule: the plan says so', () => {
    const p = plan(approved((r) => { r.destinationProvince = 'ON'; }));
    expect(p.documents.map((d) => d.kind)).toEqual(['file-update']);
    expect(p.notes.map((n) => n.code)).toEqual(['APPROVAL_OUTSIDE_QUEBEC']);
    expect(p.notes[0]?.message.fr).toContain('Québec');
  });

  it('the A42 case: the inadmissible member is refused with a TRP while the family goes on to the CSQ', () => {
    const record = approved((r) => {
      r.principalApplicant.statusInCanada = VALID_STATUS;
      r.familyMembers = [familyMember({ admissible: false, inadmissibility: 'A38(1)(c)', outcome: 'refused' })];
      r.trp = [permit({ uci: '2345-6789', grounds: 'a42-family-member' })];
    });
    expect(documentsOf(record)).toEqual([
      'refusal-letter→client[2345-6789]',
      'trp-rationale→designated-decision-maker[2345-6789]',
      'csq-request→mifi[1234-5678]',
      'csq-request→client[1234-5678]',
      'file-update→file[1234-5678,2345-6789]',
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
    expect(p.documents.map((d) => d.kind)).toEqual(['refusal-letter', 'departure-instructions', 'file-update']);
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
