import type { Language } from '../decision/decision-schema.js';
import type { HouseholdMember } from '../decision/household.js';
import type { DocumentKind, Occasion, PlannedDocument, Recipient } from './correspondence-plan.js';
import { householdChannels, type PlanContext } from './plan-context.js';

function concerning(persons: readonly string[]): { uci?: string; persons: readonly string[] } {
  const [only, ...rest] = persons;
  return only !== undefined && rest.length === 0 ? { uci: only, persons } : { persons };
}

function from(occasion: Occasion | undefined): { occasion?: Occasion } {
  return occasion === undefined || occasion.kind === 'decision' ? {} : { occasion };
}

/**
 * A letter for the client, or for the representative when there is one (who then reads it about
 * "your client"), by the correspondence's channels and in the client's languages.
 */
export function clientDocument(
  context: PlanContext,
  kind: DocumentKind,
  rule: string,
  persons: readonly string[],
  occasion?: Occasion,
): PlannedDocument {
  const [language] = context.clientLanguages;
  return {
    kind,
    recipient: context.clientRecipient,
    language,
    languages: context.clientLanguages,
    channels: context.clientChannels,
    ...concerning(persons),
    ...(context.hasRepresentative ? {} : { addressees: [context.record.principalApplicant.uci] }),
    ...from(occasion),
    rule,
  };
}

/**
 * A letter addressed to people of the application by name (the principal applicant first when
 * they are among them), with a copy to the representative when there is one.
 */
export function personDocument(
  context: PlanContext,
  kind: DocumentKind,
  rule: string,
  addressees: readonly HouseholdMember[],
  occasion?: Occasion,
): PlannedDocument {
  const [language] = context.clientLanguages;
  const ucis = addressees.map((p) => p.uci);
  const recipient: Recipient = addressees.some((p) => p.role === 'principal-applicant') ? 'client' : 'family-member';
  return {
    kind,
    recipient,
    language,
    languages: context.clientLanguages,
    channels: householdChannels(context, addressees),
    ...concerning(ucis),
    addressees: ucis,
    ...(context.hasRepresentative ? { copies: ['representative'] } : {}),
    ...from(occasion),
    rule,
  };
}

/** A document for a partner or the file, in one language. */
export function internalDocument(
  context: PlanContext,
  kind: DocumentKind,
  recipient: Exclude<Recipient, 'client' | 'family-member' | 'representative'>,
  rule: string,
  persons: readonly string[],
  language: Language = context.internalLanguage,
  occasion?: Occasion,
): PlannedDocument {
  return {
    kind,
    recipient,
    language,
    languages: [language],
    channels: [recipient === 'file' ? 'file' : 'internal'],
    ...concerning(persons),
    ...from(occasion),
    rule,
  };
}
