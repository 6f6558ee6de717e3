import { describe, expect, it } from 'vitest';
import { assertDecision } from '../../src/decision/parse-decision.js';
import { planFollowUp } from '../../src/plan/plan-follow-up.js';
import { familyMember, permit, recordWith, removalOrder } from '../support/records.js';

const documentsOf = (plan: ReturnType<typeof planFollowUp>) =>
  plan.documents.map((d) => `${d.kind}→${d.recipient}[${d.persons.join(',')}]${d.occasion ? `@${d.occasion.kind}` : ''}`);

describe('planFollowUp: departure not confirmed by the deadline', () => {
  const record = assertDecision(recordWith((r) => { r.familyMembers = [familyMember()]; }));

  it('sends the CBSA a no-status notice for each person not confirmed, and updates the file', () => {
    const plan = planFollowUp(record, { kind: 'departure-not-confirmed', persons: ['2345-6789'], on: '2026-12-21' });
    expect(documentsOf(plan)).toEqual([
      'cbsa-no-status-notice→cbsa-inland-enforcement[2345-6789]@departure-not-confirmed',
      'file-update→file[2345-6789]@departure-not-confirmed',
    ]);
    expect(plan.documents[0]?.occasion).toEqual({ kind: 'departure-not-confirmed', on: '2026-12-21', deadline: '2026-12-20' });
  });

  it.each([
    ['before the deadline has passed', { persons: ['2345-6789'], on: '2026-12-20' }, 'FOLLOW_UP_DATE_INVALID'],
    ['for someone outside the decision', { persons: ['9999-9999'], on: '2026-12-21' }, 'FOLLOW_UP_PERSON_UNKNOWN'],
    ['for nobody', { persons: [], on: '2026-12-21' }, 'FOLLOW_UP_PERSON_UNKNOWN'],
  ])('refuses an event %s', (_name, event, code) => {
    expect(() => planFollowUp(record, { kind: 'departure-not-confirmed', ...event })).toThrow(expect.objectContaining({ code }));
  });

  it('refuses it for a decision that set no departure deadline', () => {
    const noDeadline = assertDecision(recordWith((r) => { r.departure = { voluntaryDepartureAppropriate: false }; }));
    expect(() => planFollowUp(noDeadline, { kind: 'departure-not-confirmed', persons: ['1234-5678'], on: '2026-12-21' })).toThrow(
      expect.objectContaining({ code: 'FOLLOW_UP_NOT_PLANNED' }),
    );
  });
});

describe('planFollowUp: the designated decision-maker refuses the permit', () => {
  const withPermit = (edit: (r: any) => void = () => undefined) => assertDecision(recordWith((r) => { r.trp = [permit()]; edit(r); }));

  it('puts the person under the no-status rules: departure instructions with the new deadline, and their follow-up', () => {
    const plan = planFollowUp(withPermit(), { kind: 'trp-refused', uci: '1234-5678', on: '2027-01-10', departureDeadline: '2027-02-10' });
    expect(documentsOf(plan)).toEqual(['departure-instructions→client[1234-5678]@trp-refused', 'file-update→file[1234-5678]@trp-refused']);
    expect(plan.documents[0]?.occasion).toEqual({ kind: 'trp-refused', on: '2027-01-10', deadline: '2027-02-10' });
    expect(plan.followUps).toEqual([
      { kind: 'departure-confirmation', dueOn: '2027-02-10', persons: ['1234-5678'], ifNotConfirmed: 'cbsa-no-status-notice', rule: 'trp-rationale' },
    ]);
  });

  it('keeps the record’s deadline when it has not passed, and notifies the CBSA at once when it has', () => {
    const early = planFollowUp(withPermit(), { kind: 'trp-refused', uci: '1234-5678', on: '2026-12-05' });
    expect(early.documents[0]?.occasion).toEqual({ kind: 'trp-refused', on: '2026-12-05', deadline: '2026-12-20' });
    const late = planFollowUp(withPermit(), { kind: 'trp-refused', uci: '1234-5678', on: '2027-01-10' });
    expect(documentsOf(late)).toEqual(['cbsa-no-status-notice→cbsa-inland-enforcement[1234-5678]@trp-refused', 'file-update→file[1234-5678]@trp-refused']);
  });

  it('tells the CBSA office that holds a removal order', () => {
    const ordered = withPermit((r) => { r.departure = null; r.principalApplicant.removalOrder = removalOrder('exclusion'); });
    expect(documentsOf(planFollowUp(ordered, { kind: 'trp-refused', uci: '1234-5678', on: '2027-01-10' }))[0]).toBe(
      'cbsa-removals-notice→cbsa-removals-unit[1234-5678]@trp-refused',
    );
  });

  it.each([
    ['for a person with no permit', { uci: '9999-9999', on: '2027-01-10' }, 'FOLLOW_UP_PERSON_UNKNOWN'],
    ['dated before the decision', { uci: '1234-5678', on: '2026-01-10' }, 'FOLLOW_UP_DATE_INVALID'],
    ['with a deadline not after it', { uci: '1234-5678', on: '2027-01-10', departureDeadline: '2027-01-10' }, 'FOLLOW_UP_DATE_INVALID'],
  ])('refuses an event %s', (_name, event, code) => {
    expect(() => planFollowUp(withPermit(), { kind: 'trp-refused', ...event })).toThrow(expect.objectContaining({ code }));
  });
});
