import { addYears, compareDates } from '../decision/calendar-date.js';
import type { DecisionRecord, Language } from '../decision/decision-schema.js';
import { languagesFrom } from '../decision/language-order.js';
import { listHousehold, permitHolders, type HouseholdMember } from '../decision/household.js';
import type { DeliveryChannel, Recipient } from './correspondence-plan.js';

/** What every plan rule reads, worked out once from the record. */
export interface PlanContext {
  readonly record: DecisionRecord;
  readonly household: readonly HouseholdMember[];
  readonly permits: ReadonlySet<string>;
  /** Client documents: the client's language first, then the other for a bilingual record. */
  readonly clientLanguages: readonly [Language, ...Language[]];
  /** Internal documents: the office's working language unless the record asks for another. */
  readonly internalLanguage: Language;
  /** Correspondence goes to the representative when there is one. */
  readonly clientRecipient: Extract<Recipient, 'client' | 'representative'>;
  /** The channels of the correspondence: the representative's when there is one, else the client's. */
  readonly clientChannels: readonly DeliveryChannel[];
  readonly hasRepresentative: boolean;
}

export function createPlanContext(record: DecisionRecord): PlanContext {
  const c = record.correspondence;
  return {
    record,
    household: listHousehold(record),
    permits: permitHolders(record),
    clientLanguages: languagesFrom(c.language, c.bilingual),
    internalLanguage: c.internalLanguage ?? record.office.workingLanguage,
    clientRecipient: c.representative ? 'representative' : 'client',
    clientChannels: [...new Set(c.channels)],
    hasRepresentative: c.representative != null,
  };
}

/** Eighteen or older on the day of the decision: old enough to receive a letter of one's own. */
export function isAdult(context: PlanContext, person: HouseholdMember): boolean {
  const born = person.familyMember?.dateOfBirth ?? context.record.principalApplicant.dateOfBirth;
  return compareDates(addYears(born, 18), context.record.decisionDate) <= 0;
}

/**
 * How a letter addressed to people of the household reaches them. A family member with an address
 * of their own gets it there by mail. Otherwise it goes where the client's correspondence goes:
 * the client's channels, or, when a representative receives the correspondence, the client's own
 * email and postal address when the record has them (the representative then gets a copy).
 */
export function householdChannels(context: PlanContext, people: readonly HouseholdMember[]): DeliveryChannel[] {
  if (people.some((p) => p.familyMember?.postalAddress)) return ['mail'];
  if (!context.hasRepresentative) return [...context.clientChannels];
  const c = context.record.correspondence;
  return [...(c.email ? (['email'] as const) : []), ...(c.postalAddress ? (['mail'] as const) : [])];
}
