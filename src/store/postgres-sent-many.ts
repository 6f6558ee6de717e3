import { CompiledQuery } from 'kysely';
import { preparedStatement } from './postgres-prepared-pool.js';
import type { ItemState } from './item-state.js';
import type { StoreDb } from './store-driver.js';
import type { ItemChange, SentManyResult } from './store.js';
import { StoreInputError } from './store-input-error.js';
import { StoreNotFoundError } from './store-not-found-error.js';

interface SentManyRow {
  readonly id: string;
  readonly channel: string;
  readonly moved: boolean;
}

/** The edge the group commit statement takes; a test checks it against `ITEM_TRANSITIONS`. */
export const SENT_EDGES: readonly (readonly [ItemState, ItemState])[] = [['sending', 'sent']];

// $1 the ids, $2 their SMTP codes (same order), $3 now, $4 the worker, $5 how many ids.
const MARK_SENT_MANY = preparedStatement(
  'hcc_mark_sent_many',
  `with given as (
    select g.id, g.smtp_code, g.ord from unnest($1::text[], $2::int[]) with ordinality as g(id, smtp_code, ord)
  ),
  locked as materialized (
    select id, channel from items where id = any($1::text[]) order by id for update
  ),
  moved as (
    update items
    set state = 'sent', state_changed_at = $3::text, lease_owner = null, lease_until = null, last_smtp_code = given.smtp_code
    from given
    where items.id = given.id
      and items.state = 'sending'
      and items.lease_owner = $4::text
      and items.id in (select id from locked)
      and (select count(*) from locked where channel = 'email') = $5::int
    returning items.id, items.decision_id, items.revision, given.smtp_code, given.ord
  ),
  audited as (
    insert into audit_events (at, event, decision_id, revision, item_id, from_state, to_state, actor, smtp_code)
    select $3::text, 'item.state-changed', decision_id, revision, id, 'sending', 'sent', $4::text, smtp_code
    from moved order by ord
  )
  select locked.id, locked.channel, moved.id is not null as moved from locked left join moved on moved.id = locked.id`,
);

/**
 * `markSentMany` on PostgreSQL as one statement, so a group commit is one round trip instead of
 * five (begin, lock, update, audit, commit): the rows are locked in id order, those still
 * `sending` under this worker's lease become `sent`, and their audit events are inserted in the
 * order given, all or nothing. Nothing moves unless every id is a known email item; the error is
 * then the one the other drivers' transaction throws (ITEM_NOT_FOUND, ITEM_CHANNEL_MISMATCH).
 */
export async function markSentManyOnPostgres(
  db: StoreDb,
  codes: ReadonlyMap<string, number | undefined>,
  worker: string,
  now: Date,
): Promise<SentManyResult> {
  const ids = [...codes.keys()];
  const smtpCodes = [...codes.values()].map((code) => code ?? null);
  const { rows } = await db.executeQuery<SentManyRow>(CompiledQuery.raw(MARK_SENT_MANY, [ids, smtpCodes, now.toISOString(), worker, ids.length]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const changes: ItemChange[] = [];
  const notHeld: string[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (row === undefined) throw new StoreNotFoundError('ITEM_NOT_FOUND', id);
    if (row.channel !== 'email') throw new StoreInputError('ITEM_CHANNEL_MISMATCH', id, `the item goes by ${row.channel}, not email`);
    if (row.moved) changes.push({ id, from: 'sending', state: 'sent' });
    else notHeld.push(id);
  }
  return { changes, notHeld };
}
