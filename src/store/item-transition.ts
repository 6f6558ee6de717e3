import { appendAudit } from './audit-log.js';
import { canChangeItemState, isItemState, type ItemState } from './item-state.js';
import type { ItemsTable } from './store-database.js';
import type { StoreDb } from './store-driver.js';
import { ItemStateConflictError } from './item-state-conflict-error.js';

/** The columns of an item a state change needs to know. */
export interface ItemRef {
  readonly id: string;
  readonly decision_id: string;
  readonly revision: number;
  readonly state: string;
}

/** What a state change writes besides the state, and what its audit event says. */
export interface ItemStateChange {
  readonly now: Date;
  readonly actor: string;
  /** Other columns written in the same update (lease, attempts, codes…). */
  readonly set?: Partial<Omit<ItemsTable, 'id' | 'state' | 'state_changed_at'>>;
  readonly code?: string;
  readonly smtpCode?: number;
  readonly attempts?: number;
  readonly policy?: string;
}

/** The current state of a row read from the database. */
export function itemStateOf(item: ItemRef): ItemState {
  if (!isItemState(item.state)) throw new TypeError(`${item.id}: unknown state in the database`);
  return item.state;
}

/**
 * The one way an item changes state: checks the edge against the state machine, updates the row
 * only if it is still in the state read (so a concurrent change is a conflict, not a lost
 * update), and appends the audit event, all in the caller's transaction.
 * Throws `ItemStateConflictError` (ITEM_STATE_CONFLICT) when the edge is not allowed.
 */
export async function changeItemState(trx: StoreDb, item: ItemRef, to: ItemState, change: ItemStateChange): Promise<ItemState> {
  const from = itemStateOf(item);
  if (!canChangeItemState(from, to)) throw new ItemStateConflictError(item.id, from, to);
  const result = await trx
    .updateTable('items')
    .set({ ...change.set, state: to, state_changed_at: change.now.toISOString() })
    .where('id', '=', item.id)
    .where('state', '=', from)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) throw new ItemStateConflictError(item.id, from, to);
  await appendAudit(trx, {
    at: change.now,
    event: 'item.state-changed',
    decisionId: item.decision_id,
    revision: item.revision,
    itemId: item.id,
    from,
    to,
    actor: change.actor,
    ...(change.code === undefined ? {} : { code: change.code }),
    ...(change.smtpCode === undefined ? {} : { smtpCode: change.smtpCode }),
    ...(change.attempts === undefined ? {} : { attempts: change.attempts }),
    ...(change.policy === undefined ? {} : { policy: change.policy }),
  });
  return from;
}
