import { CompiledQuery } from 'kysely';
import { preparedStatement } from './postgres-prepared-pool.js';
import type { ItemState } from './item-state.js';
import type { StoreDb } from './store-driver.js';
import type { ItemChannel } from './store.js';

/** A claimed item as the claim returns it, with its file's media type and bytes. */
export interface ClaimedRow {
  readonly id: string;
  readonly decision_id: string;
  readonly revision: number;
  readonly kind: string;
  readonly recipient: string;
  readonly languages: string;
  readonly sha256: string;
  readonly message_id: string | null;
  readonly envelope_json: string | null;
  readonly address_block_json: string | null;
  readonly page_count: number | null;
  readonly attempts: number;
  readonly first_attempt_at: string | null;
  readonly state: string;
  readonly media_type: string;
  readonly bytes: Uint8Array;
}

/** The edges the claim statement takes (its SQL names these from-states); a test checks each against `ITEM_TRANSITIONS`. */
export const CLAIM_EDGES: readonly (readonly [ItemState, ItemState])[] = [
  ['approved', 'sending'],
  ['temporary-failure', 'sending'],
  ['sending', 'sending'],
];

/** What one claim asks for: the due items of a channel at `now`, taken under a lease until `leaseUntil`. */
export interface ClaimWindow {
  readonly channel: ItemChannel;
  readonly worker: string;
  readonly limit: number;
  readonly nowIso: string;
  readonly leaseUntil: string;
  /** Items whose first attempt is not after this are left to the sweep. */
  readonly windowStart: string;
}

// $1 the channel, $2 now, $3 the retry window's start, $4 the limit, $5 the worker, $6 the lease's end.
const CLAIM = preparedStatement(
  'hcc_claim',
  `with due as materialized (
    select id, state, state_changed_at from items
    where channel = $1::text
      and (
        state = 'approved'
        or (state = 'temporary-failure' and next_attempt_at <= $2::text and first_attempt_at > $3::text)
        or (state = 'sending' and lease_until <= $2::text and first_attempt_at > $3::text)
      )
    order by state_changed_at, id
    limit $4::int
    for update skip locked
  ),
  moved as (
    update items
    set state = 'sending', state_changed_at = $2::text, lease_owner = $5::text, lease_until = $6::text,
      attempts = items.attempts + 1, first_attempt_at = coalesce(items.first_attempt_at, $2::text), next_attempt_at = null
    from due
    where items.id = due.id and items.state = due.state
    returning items.*, due.state as from_state, due.state_changed_at as queued_at
  ),
  audited as (
    insert into audit_events (at, event, decision_id, revision, item_id, from_state, to_state, actor, attempts)
    select $2::text, 'item.state-changed', decision_id, revision, id, from_state, 'sending', $5::text, attempts
    from moved order by queued_at, id
  )
  select moved.id, moved.decision_id, moved.revision, moved.kind, moved.recipient, moved.languages, moved.sha256, moved.message_id,
    moved.envelope_json, moved.address_block_json, moved.page_count, moved.attempts, moved.first_attempt_at, moved.state,
    files.media_type, files.bytes
  from moved join files on files.sha256 = moved.sha256
  order by moved.queued_at, moved.id`,
);

/**
 * The claim on PostgreSQL as one statement, one round trip instead of six (begin, lock, update,
 * audit, bytes, commit): the due rows, oldest first, locked and skipped when another worker holds
 * them; moved to `sending` under this worker's lease with one more attempt; one audit event each,
 * in the order taken; and returned with their bytes in that order. The from-states are the three
 * the state machine lets go to `sending` (approved, temporary-failure, an expired `sending`).
 */
export async function claimOnPostgres(db: StoreDb, w: ClaimWindow): Promise<ClaimedRow[]> {
  const { rows } = await db.executeQuery<ClaimedRow>(CompiledQuery.raw(CLAIM, [w.channel, w.nowIso, w.windowStart, w.limit, w.worker, w.leaseUntil]));
  return rows;
}
