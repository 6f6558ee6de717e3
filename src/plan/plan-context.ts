import type { DecisionRecord, Language } from '../decision/decision-schema.js';
import { languagesFrom } from '../i18n/language-order.js';
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
  readonly clientChannels: readonly DeliveryChannel[];
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
  };
}
