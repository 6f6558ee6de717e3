import type {
  DecisionRecord,
  FamilyMember,
  Outcome,
  RemovalOrder,
  StatusInCanada,
} from './decision-schema.js';

/** One person of a decision, principal applicant or family member, seen the same way. */
export interface HouseholdMember {
  readonly uci: string;
  readonly role: 'principal-applicant' | 'family-member';
  /** JSON path of the person in the record, for error paths. */
  readonly path: readonly (string | number)[];
  readonly inCanada: boolean;
  readonly status: StatusInCanada | undefined;
  readonly removalOrder: RemovalOrder | undefined;
  /** The outcome for this person: the record's, unless a family member is refused on an approval. */
  readonly outcome: Outcome;
  readonly familyMember: FamilyMember | undefined;
}

/** The principal applicant first, then the family members in record order. */
export function listHousehold(record: DecisionRecord): [HouseholdMember, ...HouseholdMember[]] {
  const pa = record.principalApplicant;
  const principal: HouseholdMember = {
    uci: pa.uci,
    role: 'principal-applicant',
    path: ['principalApplicant'],
    // An in-Canada H&C applicant is in Canada by definition.
    inCanada: true,
    status: pa.statusInCanada,
    removalOrder: pa.removalOrder ?? undefined,
    outcome: record.outcome,
    familyMember: undefined,
  };
  const members = (record.familyMembers ?? []).map(
    (m, i): HouseholdMember => ({
      uci: m.uci,
      role: 'family-member',
      path: ['familyMembers', i],
      inCanada: m.inCanada,
      status: m.statusInCanada,
      removalOrder: m.removalOrder ?? undefined,
      outcome: m.outcome ?? record.outcome,
      familyMember: m,
    }),
  );
  return [principal, ...members];
}

/** UCIs of the people who receive a temporary resident permit in this decision. */
export function permitHolders(record: DecisionRecord): ReadonlySet<string> {
  return new Set((record.trp ?? []).map((p) => p.uci));
}

/** Refused, in Canada, without valid status: the people the procedure tells to leave one way or another. */
export function isRefusedWithoutStatus(person: HouseholdMember, permits: ReadonlySet<string>): boolean {
  return (
    person.outcome === 'refused' &&
    person.inCanada &&
    person.status?.valid === false &&
    !permits.has(person.uci)
  );
}

/** Refused people without status and without a removal order: departure instructions or a CBSA notice. */
export function peopleToLeaveWithoutOrder(record: DecisionRecord): HouseholdMember[] {
  const permits = permitHolders(record);
  return listHousehold(record).filter((p) => isRefusedWithoutStatus(p, permits) && !p.removalOrder);
}

/** The A42 case: a family member who is not admissible is refused while the rest of the family is approved in principle. */
export function isA42Case(record: DecisionRecord, person: HouseholdMember | undefined): boolean {
  const m = person?.familyMember;
  return record.outcome === 'approved-in-principle' && m !== undefined && !m.admissible && m.outcome === 'refused';
}
