import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectProperty } from '../support/property.js';
import type { DecisionRecord } from '../../src/decision/decision-schema.js';
import { parseDecision } from '../../src/decision/parse-decision.js';
import { planCorrespondence } from '../../src/plan/plan-correspondence.js';
import { familyMember, permit, removalOrder, validRecord, type Json } from '../support/records.js';

const INVALID_STATUS = { valid: false, kind: 'visitor', expiredOn: '2025-01-31' };
const VALID_STATUS = { valid: true, kind: 'worker', expires: '2027-05-01' };
const ORDER_TYPES = ['departure', 'exclusion', 'deportation'] as const;

const personArb = fc.record({
  validStatus: fc.boolean(),
  order: fc.option(fc.constantFrom(...ORDER_TYPES), { nil: undefined }),
  stayed: fc.boolean(),
  inCanada: fc.boolean(),
  admissible: fc.boolean(),
  refusedAlone: fc.boolean(),
  permit: fc.constantFrom('none', 'compelling-reasons', 'a42-family-member'),
});

const decisionArb = fc.record({
  approved: fc.boolean(),
  province: fc.constantFrom('QC', 'ON', 'BC'),
  principal: personArb,
  members: fc.array(personArb, { maxLength: 3 }),
  voluntaryDeparture: fc.boolean(),
  language: fc.constantFrom('en', 'fr'),
  bilingual: fc.boolean(),
  channels: fc.constantFrom(['email'], ['mail'], ['email', 'mail']),
  representative: fc.boolean(),
});

type Shape = typeof decisionArb extends fc.Arbitrary<infer T> ? T : never;

/** Builds a record from a generated shape, then drops the parts the rules forbid for it. */
function buildRecord(shape: Shape): DecisionRecord | undefined {
  const r: any = validRecord();
  r.outcome = shape.approved ? 'approved-in-principle' : 'refused';
  r.destinationProvince = shape.province;
  r.correspondence.language = shape.language;
  r.correspondence.bilingual = shape.bilingual;
  r.reasons = { en: 'I am not satisfied that an exemption is justified.', fr: 'Je ne suis pas en mesure de conclure qu’une dispense est justifiée.' };
  r.correspondence.channels = shape.channels;
  if (shape.representative) {
    r.correspondence.representative = { name: 'Cabinet Exemple', email: 'cabinet@example.org', postalAddress: r.correspondence.postalAddress };
  }
  const status = (p: Shape['principal']) => (p.validStatus ? VALID_STATUS : INVALID_STATUS);
  const order = (p: Shape['principal']) => (p.order && !p.validStatus ? removalOrder(p.order, p.stayed) : null);
  r.principalApplicant.statusInCanada = status(shape.principal);
  r.principalApplicant.removalOrder = order(shape.principal);
  r.familyMembers = shape.members.map((m, i) =>
    familyMember({
      uci: `${String(i + 2).repeat(4)}-000${i}`,
      inCanada: m.inCanada,
      statusInCanada: m.inCanada ? status(m) : undefined,
      removalOrder: m.inCanada ? order(m) : null,
      admissible: m.admissible,
      ...(m.admissible ? {} : { inadmissibility: 'A38(1)(c)' }),
      ...(shape.approved && m.refusedAlone ? { outcome: 'refused' } : {}),
    }),
  );
  const people = [{ uci: r.principalApplicant.uci, p: shape.principal }, ...r.familyMembers.map((m: Json, i: number) => ({ uci: m.uci, p: shape.members[i] }))];
  r.trp = people.filter(({ p }) => p && p.permit !== 'none').map(({ uci, p }) => permit({ uci, grounds: p?.permit }));
  r.departure = { voluntaryDepartureAppropriate: shape.voluntaryDeparture, ...(shape.voluntaryDeparture ? { deadline: '2026-12-20' } : {}) };
  // Repair what the shape got wrong, using the validator's own verdicts, until the record holds.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const result = parseDecision(r);
    if (result.ok) return result.record;
    for (const issue of result.issues) {
      const trpIndex = /^\$\.trp\[(\d+)\]/.exec(issue.path)?.[1];
      if (trpIndex !== undefined) r.trp[Number(trpIndex)] = undefined;
      else if (issue.code.startsWith('DEPARTURE_') && issue.code !== 'DEPARTURE_DECISION_MISSING') r.departure = null;
      else if (issue.code === 'DEPARTURE_DECISION_MISSING') r.departure = { voluntaryDepartureAppropriate: shape.voluntaryDeparture, ...(shape.voluntaryDeparture ? { deadline: '2026-12-20' } : {}) };
      else return undefined;
    }
    r.trp = r.trp.filter(Boolean);
  }
  return undefined;
}

const validDecisionArb = decisionArb.map(buildRecord).filter((r): r is DecisionRecord => r !== undefined);

interface Person {
  uci: string;
  refused: boolean;
  inCanada: boolean;
  validStatus: boolean;
  order: boolean;
}

/** The household as DOMAIN.md describes it, written independently of src/decision/household.ts. */
function peopleOf(r: DecisionRecord): Person[] {
  const pa = r.principalApplicant;
  return [
    { uci: pa.uci, refused: r.outcome === 'refused', inCanada: true, validStatus: pa.statusInCanada.valid, order: pa.removalOrder != null },
    ...(r.familyMembers ?? []).map((m) => ({
      uci: m.uci,
      refused: (m.outcome ?? r.outcome) === 'refused',
      inCanada: m.inCanada,
      validStatus: m.statusInCanada?.valid ?? false,
      order: m.removalOrder != null,
    })),
  ];
}

describe('plan invariants over generated valid records', () => {
  it('generates a useful variety of records', () => {
    const sample = fc.sample(validDecisionArb, { numRuns: 300, seed: 7 });
    const kinds = new Set(sample.flatMap((r) => planCorrespondence(r).documents.map((d) => d.kind)));
    expect([...kinds].sort()).toEqual([
      'approval-letter', 'cbsa-no-status-notice', 'cbsa-removals-notice', 'csq-request', 'departure-instructions', 'file-update', 'refusal-letter', 'trp-rationale',
    ]);
  });

  it('holds every rule of the procedure', () => {
    expectProperty(
      fc.property(validDecisionArb, (record) => {
        const before = JSON.stringify(record);
        const plan = planCorrespondence(record);
        expect(JSON.stringify(record)).toBe(before);
        expect(planCorrespondence(record)).toEqual(plan);

        const people = new Map(peopleOf(record).map((p) => [p.uci, p]));
        const permits = new Map((record.trp ?? []).map((t) => [t.uci, t]));
        const docs = plan.documents;
        const concerning = (kind: string) => docs.filter((d) => d.kind === kind).flatMap((d) => d.persons);

        // Departure instructions never go to someone with status, a permit, an order, or outside Canada.
        for (const uci of concerning('departure-instructions')) {
          const p = people.get(uci);
          expect(p && p.refused && p.inCanada && !p.validStatus && !p.order && !permits.has(uci)).toBe(true);
        }
        // Every TRP rationale concerns a refused person whose permit has a rationale.
        for (const uci of concerning('trp-rationale')) {
          expect(people.get(uci)?.refused).toBe(true);
          expect(permits.get(uci)?.rationale.trim()).not.toBe('');
        }
        expect(concerning('trp-rationale')).toHaveLength(permits.size);
        // Each refused person in Canada without status or permit is handled exactly once.
        for (const p of people.values()) {
          const handled = ['departure-instructions', 'cbsa-no-status-notice', 'cbsa-removals-notice'].filter((k) => concerning(k).includes(p.uci));
          const mustLeave = p.refused && p.inCanada && !p.validStatus && !permits.has(p.uci);
          if (mustLeave) expect(handled).toHaveLength(1);
          if (!p.refused || !p.inCanada || p.validStatus) expect(handled).toEqual([]);
        }
        // A refusal letter exactly when someone is refused; a CSQ only on a Quebec approval.
        expect(docs.some((d) => d.kind === 'refusal-letter')).toBe([...people.values()].some((p) => p.refused));
        const csq = docs.some((d) => d.kind === 'csq-request');
        expect(csq).toBe(record.outcome === 'approved-in-principle' && record.destinationProvince === 'QC');
        // One file update, last.
        expect(docs.filter((d) => d.kind === 'file-update')).toHaveLength(1);
        expect(docs.at(-1)?.kind).toBe('file-update');
        // A departure follow-up exactly with departure instructions, due on the deadline, after the decision.
        const instructions = docs.filter((d) => d.kind === 'departure-instructions');
        const departures = plan.followUps.filter((f) => f.kind === 'departure-confirmation');
        expect(departures.length).toBe(instructions.length > 0 ? 1 : 0);
        for (const f of departures) {
          expect(f.dueOn).toBe(record.departure?.deadline);
          expect(f.dueOn > record.decisionDate).toBe(true);
        }
        // One trp-decision follow-up per permit: the permit is recommended, its decision awaited.
        expect(plan.followUps.filter((f) => f.kind === 'trp-decision').flatMap((f) => f.persons).sort()).toEqual([...permits.keys()].sort());
        // Departure instructions are addressed to the people who must leave, and to no one else.
        for (const d of instructions) expect(d.addressees).toEqual(d.persons);
        // Client documents in the client's language first, both languages when bilingual.
        const rep = record.correspondence.representative != null;
        for (const d of docs.filter((x) => ['client', 'family-member', 'representative'].includes(x.recipient))) {
          expect(d.languages[0]).toBe(record.correspondence.language);
          expect(d.languages).toHaveLength(record.correspondence.bilingual ? 2 : 1);
          // With a representative, letters go to them, except those addressed to people, which they get a copy of.
          if (d.recipient === 'representative') expect(rep && d.addressees === undefined).toBe(true);
          else expect(d.copies ?? []).toEqual(rep ? ['representative'] : []);
        }
      }),
      { numRuns: 400, seed: 20261126 },
    );
  });
});
