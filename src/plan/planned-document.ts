import type { Language } from '../decision/decision-schema.js';
import type { DocumentKind, PlannedDocument, Recipient } from './correspondence-plan.js';
import type { PlanContext } from './plan-context.js';

function concerning(persons: readonly string[]): { uci?: string; persons: readonly string[] } {
  const [only, ...rest] = persons;
  return only !== undefined && rest.length === 0 ? { uci: only, persons } : { persons };
}

/** A document for the client (or their representative), by the client's channels and languages. */
export function clientDocument(
  context: PlanContext,
  kind: DocumentKind,
  rule: string,
  persons: readonly string[],
): PlannedDocument {
  const [language] = context.clientLanguages;
  return {
    kind,
    recipient: context.clientRecipient,
    language,
    languages: context.clientLanguages,
    channels: context.clientChannels,
    ...concerning(persons),
    rule,
  };
}

/** A document for a partner or the file, in one language. */
export function internalDocument(
  context: PlanContext,
  kind: DocumentKind,
  recipient: Exclude<Recipient, 'client' | 'representative'>,
  rule: string,
  persons: readonly string[],
  language: Language = context.internalLanguage,
): PlannedDocument {
  return {
    kind,
    recipient,
    language,
    languages: [language],
    channels: [recipient === 'file' ? 'file' : 'internal'],
    ...concerning(persons),
    rule,
  };
}
