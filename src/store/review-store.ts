import type { Language } from '../decision/decision-schema.js';
import type { ItemState } from './item-state.js';
import type { AuditEvent } from './audit-log.js';
import type { FollowUpStatus, ItemChannel } from './store.js';

/** Which decisions the review queue lists: items of current revisions, in `state` (default awaiting approval). */
export interface QueueFilter {
  readonly officeId?: string;
  /** An item kind (`refusal-letter`, `client-email`…). */
  readonly kind?: string;
  readonly state?: ItemState;
  /** Received on or after this day (UTC, YYYY-MM-DD). */
  readonly receivedFrom?: string;
  /** Received on or before this day (UTC, YYYY-MM-DD). */
  readonly receivedTo?: string;
  /** At most this many decisions (default 200). */
  readonly limit?: number;
}

export interface QueueEntry {
  readonly decisionId: string;
  readonly revision: number;
  readonly officeId: string;
  readonly authorId: string;
  readonly receivedAt: string;
  /** The kinds of the matching items, sorted. */
  readonly kinds: readonly string[];
  /** How many of the revision's items match. */
  readonly items: number;
}

/** Counts of matching items by each facet; each facet counts as if its own filter were not set. */
export interface QueueCounts {
  readonly decisions: number;
  readonly items: number;
  readonly byOffice: Readonly<Record<string, number>>;
  readonly byKind: Readonly<Record<string, number>>;
  readonly byState: Readonly<Record<string, number>>;
}

export interface ReviewQueue {
  /** Oldest first: the longest waiting comes first. */
  readonly entries: readonly QueueEntry[];
  readonly counts: QueueCounts;
}

export interface ReviewItem {
  readonly id: string;
  readonly key: string;
  readonly kind: string;
  readonly channel: ItemChannel;
  readonly recipient: string;
  readonly languages: readonly Language[];
  readonly sha256: string;
  readonly mediaType: string;
  readonly size: number;
  readonly pageCount?: number;
  readonly messageId?: string;
  readonly state: ItemState;
  readonly approvedBy?: string;
  readonly approvedAt?: string;
}

/** What the decision page shows: the current revision, its plan, items and follow-ups, and the decision's audit events, read in one transaction. */
export interface DecisionReview {
  readonly decisionId: string;
  readonly revision: number;
  readonly officeId: string;
  readonly authorId: string;
  readonly receivedAt: string;
  readonly recordSha256: string;
  readonly approvalPolicy: string;
  /** The correspondence plan as stored (JSON). */
  readonly plan: unknown;
  readonly rejection?: { readonly by: string; readonly at: string; readonly reason: string };
  readonly items: readonly ReviewItem[];
  /** The current revision's follow-ups, as `Store.status` gives them. */
  readonly followUps: readonly FollowUpStatus[];
  /** Every audit event of the decision in order, as `Store.audit` gives them. */
  readonly audit: readonly AuditEvent[];
}

/** Read-only queries for officers' pages. */
export interface ReviewStore {
  queue(filter?: QueueFilter): Promise<ReviewQueue>;
  /** Throws DECISION_NOT_FOUND, DECISION_PURGED. */
  decision(decisionId: string): Promise<DecisionReview>;
  /** Is the database answering? */
  ping(): Promise<void>;
}
