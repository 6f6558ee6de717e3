import type { DecisionRecord, Language, TemporaryResidentPermit, TrpGrounds } from './decision-schema.js';
import { isA42Case, listHousehold } from './household.js';

/**
 * Values of optional contract fields, derived from the record when the upstream system left them
 * out. Fields added after the contract was published are optional, so every reader asks here
 * rather than reading the field itself.
 */

/** A permit's grounds: as given, else the A42 case for an inadmissible family member refused on an approval, else compelling reasons. */
export function permitGrounds(record: DecisionRecord, permit: TemporaryResidentPermit): TrpGrounds {
  if (permit.grounds !== undefined) return permit.grounds;
  const person = listHousehold(record).find((p) => p.uci === permit.uci);
  return isA42Case(record, person) ? 'a42-family-member' : 'compelling-reasons';
}

/** The language a single reasons text is written in: as given, else the correspondence language. */
export function reasonsLanguage(record: DecisionRecord): Language {
  return record.reasonsLanguage ?? record.correspondence.language;
}

/** The officer's reasons in one language, or undefined when the record has none in it. */
export function reasonsIn(record: DecisionRecord, language: Language): string | undefined {
  const { reasons } = record;
  if (typeof reasons === 'string') return reasonsLanguage(record) === language ? reasons : undefined;
  return reasons[language];
}
