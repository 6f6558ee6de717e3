import type { UpdateObject } from 'kysely';
import { appendAudit, appendAuditMany } from './audit-log.js';
import { canChangeItemState, isItemState, type ItemState } from './item-state.js';
import type { ItemsTable, StoreDatabase } from './store-database.js';
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

/** What a state change of several items writes; the same columns for all of them. */
export interface ItemStatesChange<T extends ItemRef = ItemRef> {
  readonly now: Date;
  readonly actor: string;
  /** Other columns written in the same update, as values or as expressions over the row (`attempts + 1`). */
  readonly set?: UpdateObject<StoreDatabase, 'items'>;
  readonly code?: string;
  readonly smtpCode?: number;
  readonly policy?: string;
  /** The attempt count each item's audit event records (what the update makes of it). */
  readonly attemptsOf?: (item: T) => number;
}

/** Ids per statement: far below both databases' limits on bound parameters. */
const IDS_PER_STATEMENT = 500;

/**
 * `changeItemState` for several items at once, set-based: the edges are all checked before
 * anything is written, then one update per from-state (and per 500 items) moves the rows that are
 * still in the state read, and one multi-row insert appends their audit events, all in the
 * caller's transaction. A row that was not in its state read (a concurrent change) throws
 * `ItemStateConflictError` (ITEM_STATE_CONFLICT), which rolls the whole transaction back.
 * Returns each item's from-state, in the order given.
 */
export async function changeItemStates<T extends ItemRef>(trx: StoreDb, items: readonly T[], to: ItemState, change: ItemStatesChange<T>): Promise<ItemState[]> {
  const froms = items.map((item) => {
    const from = itemStateOf(item);
    if (!canChangeItemState(from, to)) throw new ItemStateConflictError(item.id, from, to);
    return from;
  });
  const byFrom = new Map<ItemState, T[]>();
  items.forEach((item, n) => {
    const from = froms[n] as ItemState;
    const group = byFrom.get(from);
    if (group === undefined) byFrom.set(from, [item]);
    else group.push(item);
  });
  const changedAt = change.now.toISOString();
  for (const [from, group] of byFrom) {
    for (let start = 0; start < group.length; start += IDS_PER_STATEMENT) {
      const ids = group.slice(start, start + IDS_PER_STATEMENT).map((item) => item.id);
      const updated = await trx
        .updateTable('items')
        .set(change.set ?? {})
        .set({ state: to, state_changed_at: changedAt })
        .where('id', 'in', ids)
        .where('state', '=', from)
        .returning('id')
        .execute();
      if (updated.length !== ids.length) {
        const moved = new Set(updated.map((row) => row.id));
        const missed = ids.find((id) => !moved.has(id)) ?? ids[0] ?? '';
        throw new ItemStateConflictError(missed, from, to);
      }
    }
  }
  await appendAuditMany(
    trx,
    items.map((item, n) => {
      const attempts = change.attemptsOf?.(item);
      return {
        at: change.now,
        event: 'item.state-changed' as const,
        decisionId: item.decision_id,
        revision: item.revision,
        itemId: item.id,
        from: froms[n] as ItemState,
        to,
        actor: change.actor,
        ...(change.code === undefined ? {} : { code: change.code }),
        ...(change.smtpCode === undefined ? {} : { smtpCode: change.smtpCode }),
        ...(attempts === undefined ? {} : { attempts }),
        ...(change.policy === undefined ? {} : { policy: change.policy }),
      };
    }),
  );
  return froms;
}
