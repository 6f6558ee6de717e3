import type { IsoDate } from '../decision/calendar-date.js';
import type { Language } from '../decision/decision-schema.js';
import type { AuditEvent } from './audit-log.js';
import type { FollowUpKind, FollowUpState } from './follow-up-state.js';
import type { ItemState } from './item-state.js';
import type { StoreDialect } from './store-driver.js';

// The store's contract. Both drivers implement it through one implementation over Kysely; the
// contract test suite (test/store/store-contract.ts) runs against each.
//
// Ids given to the store (decision, officer, office, worker, actor) are codes, not names: they
// must match /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/ (no spaces, no "@"), so an email address or a
// name cannot slip into the audit log through them. Error and failure codes are UPPER_SNAKE_CASE.

/** One rendered file, stored once by its SHA-256 (lowercase hex) whatever refers to it. */
export interface FileInput {
  readonly sha256: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

/** The SMTP envelope of an email item. */
export interface EmailEnvelope {
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
}

interface ItemInputBase {
  /** Unique within the decision's revision, stable across runs (e.g. the file name stem `01-refusal-letter.client.fr`). */
  readonly key: string;
  /** A document kind, `client-email`, or another lowercase code. */
  readonly kind: string;
  /** The recipient's role (`client`, `representative`, `cbsa-removals-unit`, `file`…), never an address. */
  readonly recipient: string;
  /** Every language of the item, the first one first. */
  readonly languages: readonly Language[];
  /** SHA-256 of the item's bytes; must be one of the submission's files. */
  readonly fileSha256: string;
}

/** One email to send: the bytes are the whole `.eml`. */
export interface EmailItemInput extends ItemInputBase {
  readonly channel: 'email';
  readonly messageId: string;
  readonly envelope: EmailEnvelope;
}

/** One letter to print and post: the bytes are the PDF. */
export interface MailItemInput extends ItemInputBase {
  readonly channel: 'mail';
  /** The postal address block, one string a line, as printed in the window. */
  readonly addressBlock: readonly string[];
  readonly pageCount: number;
}

/** One entry of the file (the file-update PDF). */
export interface FileItemInput extends ItemInputBase {
  readonly channel: 'file';
  readonly pageCount?: number;
}

export type ItemInput = EmailItemInput | MailItemInput | FileItemInput;
export type ItemChannel = ItemInput['channel'];

/** A follow-up to watch: persons are UCIs. */
export interface FollowUpInput {
  readonly kind: FollowUpKind;
  readonly dueOn: IsoDate;
  readonly persons: readonly string[];
  /** The document kind to issue when the follow-up fires. */
  readonly ifNotConfirmed: string;
}

/** Everything intake stores for one decision record. */
export interface DecisionSubmission {
  readonly decisionId: string;
  /** The decision record as received (a JSON object); stored as canonical JSON. */
  readonly record: unknown;
  /** The officer who wrote the decision (the two-person rule compares approvers with this id). */
  readonly officerId: string;
  readonly officeId: string;
  /** The correspondence plan (JSON), stored as canonical JSON. */
  readonly plan: unknown;
  readonly files: readonly FileInput[];
  readonly items: readonly ItemInput[];
  readonly followUps: readonly FollowUpInput[];
}

/** `officer`: items wait for an officer's approval of their bytes; `auto`: approved at intake (recorded in the audit log). */
export type ApprovalPolicy = 'officer' | 'auto';

export interface SubmitOptions {
  readonly now: Date;
  /** Who or what submitted (officer or service id). */
  readonly actor: string;
  readonly approval?: ApprovalPolicy;
}

/** An item as a result names it: id, state and what it is, nothing personal. */
export interface ItemSummary {
  readonly id: string;
  readonly revision: number;
  readonly key: string;
  readonly kind: string;
  readonly channel: ItemChannel;
  readonly state: ItemState;
}

export interface SubmitResult {
  /** `created`: first revision; `revised`: a new revision; `unchanged`: same canonical record, nothing written. */
  readonly status: 'created' | 'revised' | 'unchanged';
  readonly decisionId: string;
  readonly revision: number;
  readonly recordSha256: string;
  /** The current revision's items. */
  readonly items: readonly ItemSummary[];
  /** Earlier items this submission superseded (they had not been sent). */
  readonly superseded: readonly ItemSummary[];
  /** Earlier items left as they were: sent, printed, filed, being sent, failed. Never queued again by intake. */
  readonly kept: readonly ItemSummary[];
}

export interface ApproveOptions {
  /** The approving officer. */
  readonly by: string;
  /** SHA-256 of every byte string the officer saw and approves. */
  readonly sha256s: readonly string[];
  readonly now: Date;
  readonly policy?: { readonly twoPerson?: boolean };
}

export interface ApproveResult {
  readonly decisionId: string;
  readonly revision: number;
  readonly approved: readonly ItemSummary[];
}

export interface RejectOptions {
  readonly by: string;
  /** Why: stored with the revision, never written to the audit log. */
  readonly reason: string;
  readonly now: Date;
}

export interface RejectResult {
  readonly decisionId: string;
  readonly revision: number;
  readonly rejected: readonly ItemSummary[];
}

/** One state change of one item. */
export interface ItemChange {
  readonly id: string;
  readonly from: ItemState;
  readonly state: ItemState;
}

export interface ClaimOptions {
  readonly now: Date;
  readonly limit: number;
  readonly leaseMs: number;
  /** The worker's id: the lease owner. */
  readonly worker: string;
}

interface ClaimedItemBase {
  readonly id: string;
  readonly decisionId: string;
  readonly revision: number;
  readonly kind: string;
  readonly recipient: string;
  readonly languages: readonly Language[];
  readonly sha256: string;
  readonly mediaType: string;
  /** Exactly the approved bytes (re-hashed when claimed). */
  readonly bytes: Uint8Array;
  /** Attempts including this one. */
  readonly attempts: number;
  /** When the first attempt was claimed: the retry window counts from here. */
  readonly firstAttemptAt: Date;
  readonly leaseUntil: Date;
}

export interface ClaimedEmail extends ClaimedItemBase {
  readonly messageId: string;
  readonly envelope: EmailEnvelope;
}

export interface PrintJob extends ClaimedItemBase {
  readonly addressBlock: readonly string[];
  readonly pageCount: number;
}

/** An approved file entry waiting to be put in the file. */
export interface FileEntry {
  readonly id: string;
  readonly decisionId: string;
  readonly revision: number;
  readonly kind: string;
  readonly sha256: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

export interface ItemContent {
  readonly id: string;
  readonly sha256: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

export interface WorkerReport {
  readonly worker: string;
  readonly now: Date;
}

export interface FailureReport extends WorkerReport {
  /** A stable code (UPPER_SNAKE_CASE), never a server's message text. */
  readonly code: string;
  readonly smtpCode?: number;
}

export interface TemporaryFailureReport extends FailureReport {
  readonly nextAttemptAt: Date;
}

export interface OfficerAction {
  readonly by: string;
  readonly now: Date;
}

export interface SweepResult {
  /** Items moved to technical-failure because their retry window ran out. */
  readonly technicalFailures: readonly ItemChange[];
}

export interface ConfirmDepartureOptions extends OfficerAction {
  readonly uci: string;
  /** The day the person left. */
  readonly on: IsoDate;
}

export interface TrpDecisionOptions extends OfficerAction {
  readonly uci: string;
  readonly decision: 'issued' | 'refused';
}

export interface FollowUpStatus {
  readonly id: string;
  readonly revision: number;
  readonly kind: FollowUpKind;
  readonly dueOn: IsoDate;
  /** Every person the follow-up watches (UCIs). */
  readonly persons: readonly string[];
  /** Those whose departure or TRP decision is not yet recorded. */
  readonly pendingPersons: readonly string[];
  readonly ifNotConfirmed: string;
  readonly state: FollowUpState;
}

export interface PersonOutcomeResult {
  readonly decisionId: string;
  /** `unchanged` when the same fact was already recorded. */
  readonly status: 'recorded' | 'unchanged';
  readonly outcome: 'departed' | 'issued' | 'refused';
  /** The current revision's follow-ups of that kind naming the person, after the change. */
  readonly followUps: readonly FollowUpStatus[];
}

/** A follow-up whose due day has passed with persons still unresolved. */
export interface DueFollowUp {
  readonly id: string;
  readonly decisionId: string;
  readonly revision: number;
  readonly kind: FollowUpKind;
  readonly dueOn: IsoDate;
  readonly ifNotConfirmed: string;
  /** The persons (UCIs) not confirmed. */
  readonly persons: readonly string[];
}

export interface FireFollowUpOptions {
  readonly now: Date;
  readonly actor: string;
  readonly approval?: ApprovalPolicy;
  /** The notice's files and items, added to the decision's current revision (none: only mark the follow-up fired). */
  readonly files?: readonly FileInput[];
  readonly items?: readonly ItemInput[];
}

export interface FireFollowUpResult {
  readonly followUpId: string;
  readonly decisionId: string;
  readonly revision: number;
  readonly items: readonly ItemSummary[];
}

/** One item in `status`: the field names are a contract for scripts. */
export interface ItemStatus {
  readonly id: string;
  readonly revision: number;
  readonly key: string;
  readonly kind: string;
  readonly channel: ItemChannel;
  readonly recipient: string;
  /** The first language; `languages` has them all. */
  readonly language: Language;
  readonly languages: readonly Language[];
  readonly sha256: string;
  readonly messageId?: string;
  readonly state: ItemState;
  readonly attempts: number;
  /** The last error code reported for the item. */
  readonly lastCode?: string;
  readonly lastSmtpCode?: number;
}

/** `status(decisionId)`: every item of every revision, and every follow-up. */
export interface DecisionStatus {
  readonly decisionId: string;
  /** The current revision. */
  readonly revision: number;
  /** Set once purged: items and follow-ups are then gone. */
  readonly purgedAt?: string;
  readonly items: readonly ItemStatus[];
  readonly followUps: readonly FollowUpStatus[];
}

/** A line of the outbox listing: ids, states and codes only. */
export interface OutboxEntry {
  readonly id: string;
  readonly decisionId: string;
  readonly revision: number;
  readonly kind: string;
  readonly channel: ItemChannel;
  readonly recipient: string;
  readonly state: ItemState;
  readonly stateChangedAt: string;
  readonly attempts: number;
  readonly nextAttemptAt?: string;
  readonly leaseOwner?: string;
  readonly lastCode?: string;
  readonly lastSmtpCode?: number;
}

export interface ListItemsOptions {
  readonly state: ItemState;
  readonly channel?: ItemChannel;
  /** Only items whose state is older than this (to find items stuck in a state). */
  readonly changedBefore?: Date;
  /** At most this many (default 100). */
  readonly limit?: number;
}

/** A revision's record as stored (for rendering a follow-up's notice from the record it follows). */
export interface StoredRecord {
  readonly decisionId: string;
  readonly revision: number;
  /** The record as received, parsed back from its canonical JSON. */
  readonly record: unknown;
  readonly recordSha256: string;
  readonly officerId: string;
  readonly officeId: string;
}

export interface PurgeOptions {
  /** Closed decisions whose last activity is before this time are purged. */
  readonly before: Date;
  readonly now: Date;
  /** Who runs the purge, for the audit log (default `purge`). */
  readonly actor?: string;
}

export interface PurgeResult {
  readonly purged: readonly string[];
}

/** The outbox store: intake, approval, delivery, follow-ups, queries and retention. */
export interface Store {
  readonly dialect: StoreDialect;
  /** The schema version after opening. */
  readonly schemaVersion: number;

  /** Stores a decision's record, files, items and follow-ups in one transaction. */
  submitDecision(input: DecisionSubmission, options: SubmitOptions): Promise<SubmitResult>;
  /** Approves the current revision's awaiting items whose re-hashed bytes are exactly `sha256s`; throws HASH_MISMATCH, APPROVER_IS_AUTHOR, NOTHING_AWAITING_APPROVAL. */
  approve(decisionId: string, options: ApproveOptions): Promise<ApproveResult>;
  /** Rejects the current revision's awaiting items (with a reason); cancels its pending follow-ups when none of its items goes out. Throws NOTHING_AWAITING_APPROVAL. */
  reject(decisionId: string, options: RejectOptions): Promise<RejectResult>;
  /** An officer cancels one unsent item. */
  cancelItem(itemId: string, options: OfficerAction): Promise<ItemChange>;

  /** Moves due email items to `sending` under a lease and returns them with their bytes. */
  claimEmails(options: ClaimOptions): Promise<ClaimedEmail[]>;
  markSent(itemId: string, report: WorkerReport & { readonly smtpCode?: number }): Promise<ItemChange>;
  /** To temporary-failure, or to technical-failure when the next attempt falls outside the retry window. */
  markTemporaryFailure(itemId: string, report: TemporaryFailureReport): Promise<ItemChange>;
  markPermanentFailure(itemId: string, report: FailureReport): Promise<ItemChange>;
  markTechnicalFailure(itemId: string, report: FailureReport): Promise<ItemChange>;
  /** Moves items whose retry window ran out (temporary failures, abandoned sends) to technical-failure. */
  sweep(options: { readonly now: Date }): Promise<SweepResult>;
  /** Moves due letters to `sending` under a lease and returns them with their bytes and address blocks. */
  takePrintBatch(options: ClaimOptions): Promise<PrintJob[]>;
  markPrinted(itemId: string, report: WorkerReport): Promise<ItemChange>;
  /** Approved file entries, oldest first. */
  pendingFileEntries(options?: { readonly limit?: number }): Promise<FileEntry[]>;
  markFiled(itemId: string, options: OfficerAction): Promise<ItemChange>;
  /** An item's stored bytes, checked against their SHA-256 (for review before approval). */
  itemContent(itemId: string): Promise<ItemContent>;

  confirmDeparture(decisionId: string, options: ConfirmDepartureOptions): Promise<PersonOutcomeResult>;
  recordTrpDecision(decisionId: string, options: TrpDecisionOptions): Promise<PersonOutcomeResult>;
  /** Pending follow-ups whose due day is over (today > dueOn in the store's time zone), with the persons not confirmed. */
  dueFollowUps(now: Date): Promise<DueFollowUp[]>;
  /** Queues a due follow-up's notice (its items) and marks the follow-up fired, once. */
  fireFollowUp(followUpId: string, options: FireFollowUpOptions): Promise<FireFollowUpResult>;

  status(decisionId: string): Promise<DecisionStatus>;
  /** Number of items in each state (every state present). */
  outboxCounts(): Promise<Record<ItemState, number>>;
  listItems(options: ListItemsOptions): Promise<OutboxEntry[]>;
  /** The decision's audit events in order. */
  audit(decisionId: string): Promise<AuditEvent[]>;
  /** A revision's stored record (the current revision by default). Throws DECISION_NOT_FOUND, DECISION_PURGED. */
  storedRecord(decisionId: string, revision?: number): Promise<StoredRecord>;
  /** Removes personal data and bytes of closed decisions; keeps a history row and the audit log. */
  purge(options: PurgeOptions): Promise<PurgeResult>;

  close(): Promise<void>;
}
