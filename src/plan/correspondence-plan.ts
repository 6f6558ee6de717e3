import type { IsoDate } from '../decision/calendar-date.js';
import type { Language, Outcome } from '../decision/decision-schema.js';
import type { DocumentKind } from './document-kinds.js';
import type { Recipient } from './recipients.js';

export { DOCUMENT_KINDS, type DocumentKind } from './document-kinds.js';
export type { Recipient } from './recipients.js';

/** How a document leaves: to the client by email or mail, to a partner by internal email, or into the file. */
export type DeliveryChannel = 'email' | 'mail' | 'internal' | 'file';

/** Recipients who read a letter addressed to a person of the application (or their representative). */
export const PERSON_RECIPIENTS = ['client', 'family-member', 'representative'] as const satisfies readonly Recipient[];

/** What led to a document: the decision itself, or a follow-up that came due later. */
export type Occasion =
  | { readonly kind: 'decision' }
  | { readonly kind: 'departure-not-confirmed'; readonly on: IsoDate; readonly deadline: IsoDate }
  | { readonly kind: 'trp-refused'; readonly on: IsoDate; readonly deadline?: IsoDate };

export interface PlannedDocument {
  readonly kind: DocumentKind;
  readonly recipient: Recipient;
  /** The language the document is read in first. */
  readonly language: Language;
  /** Every language version the document carries, `language` first (two for a bilingual record). */
  readonly languages: readonly Language[];
  /** How the original reaches its recipient; empty when only the copies reach anyone (see the plan's notes). */
  readonly channels: readonly DeliveryChannel[];
  /** The person the document concerns, when it concerns exactly one. */
  readonly uci?: string;
  /** Everyone the document names (departure instructions name every person who must leave). */
  readonly persons: readonly string[];
  /** The people a letter is addressed to and speaks to as "you"; absent when it goes to the representative or a partner. */
  readonly addressees?: readonly string[];
  /** Who receives a copy of the same letter (the representative, for departure instructions). */
  readonly copies?: readonly Recipient[];
  /** Absent for documents of the decision itself. */
  readonly occasion?: Occasion;
  /** Id of the plan rule that asked for this document. */
  readonly rule: string;
}

/** A follow-up the decision schedules: a step that must happen, and what to send if it does not. */
export type FollowUp =
  | {
      readonly kind: 'departure-confirmation';
      /** The day by which departure must be confirmed. */
      readonly dueOn: IsoDate;
      readonly persons: readonly string[];
      /** The document to send for each person whose departure is not confirmed by then. */
      readonly ifNotConfirmed: DocumentKind;
      readonly rule: string;
    }
  | {
      readonly kind: 'trp-decision';
      /** The person the recommended permit is for; the designated decision-maker decides, with no set date. */
      readonly persons: readonly string[];
      /** What a refusal of the permit leads to under the no-status rules; absent for a person who has valid status. */
      readonly ifRefused?: DocumentKind;
      readonly rule: string;
    };

export const PLAN_NOTE_CODES = [
  'DEPARTURE_KEPT_FOR_PERMIT_REFUSAL',
  'DEPARTURE_ORDER_PERIOD_ENDED',
  'ORIGINAL_ONLY_THROUGH_REPRESENTATIVE',
] as const;
export type PlanNoteCode = (typeof PLAN_NOTE_CODES)[number];

/** Something an officer should know about the plan: a code (its words are in the `plan` locale) and the people it is about. */
export interface PlanNote {
  readonly code: PlanNoteCode;
  readonly persons: readonly string[];
}

/** What a decision requires: the documents to issue now, the follow-ups to schedule, and notes. */
export interface CorrespondencePlan {
  readonly decisionId: string;
  readonly outcome: Outcome;
  readonly documents: readonly PlannedDocument[];
  readonly followUps: readonly FollowUp[];
  readonly notes: readonly PlanNote[];
}
