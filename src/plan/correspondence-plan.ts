import type { IsoDate } from '../decision/calendar-date.js';
import type { Language, Outcome } from '../decision/decision-schema.js';

/** The document kinds of the procedure (ids fixed by DOMAIN.md). */
export const DOCUMENT_KINDS = [
  'refusal-letter',
  'departure-instructions',
  'cbsa-no-status-notice',
  'cbsa-removals-notice',
  'trp-rationale',
  'csq-request',
  'file-update',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export type Recipient =
  | 'client'
  | 'representative'
  | 'cbsa-inland-enforcement'
  | 'cbsa-removals-unit'
  | 'designated-decision-maker'
  | 'mifi'
  | 'file';

/** How a document leaves: to the client by email or mail, to a partner by internal email, or into the file. */
export type DeliveryChannel = 'email' | 'mail' | 'internal' | 'file';

export interface PlannedDocument {
  readonly kind: DocumentKind;
  readonly recipient: Recipient;
  /** The language the document is read in first. */
  readonly language: Language;
  /** Every language version the document carries, `language` first (two for a bilingual record). */
  readonly languages: readonly Language[];
  readonly channels: readonly DeliveryChannel[];
  /** The person the document concerns, when it concerns exactly one. */
  readonly uci?: string;
  /** Everyone the document names (departure instructions name every person who must leave). */
  readonly persons: readonly string[];
  /** Id of the plan rule that asked for this document. */
  readonly rule: string;
}

export interface FollowUp {
  readonly kind: 'departure-confirmation';
  /** The day by which departure must be confirmed. */
  readonly dueOn: IsoDate;
  readonly persons: readonly string[];
  /** The document to send if the follow-up finds departure unconfirmed. */
  readonly ifNotConfirmed: DocumentKind;
  readonly rule: string;
}

/** Something an officer should know about the plan, for example that no rule produced a letter. */
export interface PlanNote {
  readonly code: 'APPROVAL_OUTSIDE_QUEBEC';
  readonly message: { readonly en: string; readonly fr: string };
}

/** What a decision requires: the documents to issue now, the follow-ups to schedule, and notes. */
export interface CorrespondencePlan {
  readonly decisionId: string;
  readonly outcome: Outcome;
  readonly documents: readonly PlannedDocument[];
  readonly followUps: readonly FollowUp[];
  readonly notes: readonly PlanNote[];
}
