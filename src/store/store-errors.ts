import { HccError } from '../errors.js';
import type { FollowUpState } from './follow-up-state.js';
import type { ItemState } from './item-state.js';

// Messages name ids, states and codes only: never a name, an address, an email, a UCI or a reason.

/** The database has a migration this code does not know: it was written by a newer release. */
export class StoreSchemaTooNewError extends HccError {
  constructor(readonly unknownVersions: readonly number[], readonly knownVersion: number) {
    super(
      'STORE_SCHEMA_TOO_NEW',
      `the database has migration ${unknownVersions.join(', ')} but this release knows migrations up to ${knownVersion}: upgrade hcc`,
    );
    this.name = 'StoreSchemaTooNewError';
  }
}

/** The store could not be opened with what it was given (location, time zone, retry window). */
export class StoreConfigError extends HccError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super('STORE_CONFIG_INVALID', `store configuration: ${detail}`, options);
    this.name = 'StoreConfigError';
  }
}

/** What was handed to the store breaks its contract; `code` says which rule. */
export class StoreInputError extends HccError {
  constructor(
    code:
      | 'STORE_INPUT_INVALID'
      | 'RECORD_NOT_JSON'
      | 'FILE_HASH_MISMATCH'
      | 'ITEM_FILE_MISSING'
      | 'ITEM_KEY_DUPLICATE'
      | 'ITEM_CHANNEL_MISMATCH'
      | 'FOLLOW_UP_PERSON_UNKNOWN',
    readonly subject: string,
    detail: string,
  ) {
    super(code, `${subject}: ${code}: ${detail}`);
    this.name = 'StoreInputError';
  }
}

/** No decision, item or follow-up with that id. */
export class StoreNotFoundError extends HccError {
  constructor(code: 'DECISION_NOT_FOUND' | 'ITEM_NOT_FOUND' | 'FOLLOW_UP_NOT_FOUND', readonly id: string) {
    super(code, `${id}: ${code}`);
    this.name = 'StoreNotFoundError';
  }
}

/** An item is not in a state from which the requested change is allowed. */
export class ItemStateConflictError extends HccError {
  constructor(readonly itemId: string, readonly from: ItemState, readonly to: ItemState) {
    super('ITEM_STATE_CONFLICT', `${itemId}: cannot go from ${from} to ${to}`);
    this.name = 'ItemStateConflictError';
  }
}

/** A follow-up is not in a state from which the requested change is allowed. */
export class FollowUpStateConflictError extends HccError {
  constructor(readonly followUpId: string, readonly from: FollowUpState, readonly to: FollowUpState) {
    super('FOLLOW_UP_STATE_CONFLICT', `${followUpId}: cannot go from ${from} to ${to}`);
    this.name = 'FollowUpStateConflictError';
  }
}

/** A decision-level action that does not fit the decision as it stands. */
export class DecisionStateError extends HccError {
  constructor(
    code: 'NOTHING_AWAITING_APPROVAL' | 'DECISION_PURGED' | 'PERSON_OUTCOME_CONFLICT' | 'FOLLOW_UP_NOT_DUE',
    readonly decisionId: string,
  ) {
    super(code, `${decisionId}: ${code}`);
    this.name = 'DecisionStateError';
  }
}

/** The approved hashes and the awaiting items' bytes do not match one to one; nothing was approved. */
export class HashMismatchError extends HccError {
  constructor(
    readonly decisionId: string,
    readonly unmatchedHashes: readonly string[],
    readonly unmatchedItemIds: readonly string[],
  ) {
    super(
      'HASH_MISMATCH',
      `${decisionId}: ${unmatchedHashes.length} given hash(es) match no awaiting item, ${unmatchedItemIds.length} awaiting item(s) left unmatched`,
    );
    this.name = 'HashMismatchError';
  }
}

/** Two-person rule: the officer who wrote the decision may not approve its correspondence. */
export class ApproverIsAuthorError extends HccError {
  constructor(readonly decisionId: string) {
    super('APPROVER_IS_AUTHOR', `${decisionId}: the approver is the decision's author`);
    this.name = 'ApproverIsAuthorError';
  }
}

/** A worker reported on an item whose lease it does not hold (another worker took it over). */
export class LeaseNotHeldError extends HccError {
  constructor(readonly itemId: string) {
    super('LEASE_NOT_HELD', `${itemId}: the lease is held by another worker or by none`);
    this.name = 'LeaseNotHeldError';
  }
}

/** Stored bytes no longer hash to the SHA-256 recorded for them. */
export class StoredBytesCorruptError extends HccError {
  constructor(readonly itemId: string) {
    super('STORED_BYTES_CORRUPT', `${itemId}: stored bytes do not match their SHA-256`);
    this.name = 'StoredBytesCorruptError';
  }
}
