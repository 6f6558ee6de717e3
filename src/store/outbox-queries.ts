import { channelOf } from './item-rows.js';
import { ITEM_STATES, isItemState, type ItemState } from './item-state.js';
import { itemStateOf } from './item-transition.js';
import type { StoreContext } from './store-context.js';
import type { ListItemsOptions, OutboxEntry } from './store.js';
import { StoreInputError } from './store-input-error.js';
import { checkPositiveInteger, checkTime } from './store-input.js';

/** `Store.outboxCounts`: how many items are in each state; every state is present. */
export async function outboxCounts(ctx: StoreContext): Promise<Record<ItemState, number>> {
  const rows = await ctx.driver.db
    .selectFrom('items')
    .select((eb) => ['state', eb.fn.countAll<number | string>().as('count')])
    .groupBy('state')
    .execute();
  const counts = Object.fromEntries(ITEM_STATES.map((s) => [s, 0])) as Record<ItemState, number>;
  for (const row of rows) if (isItemState(row.state)) counts[row.state] = Number(row.count);
  return counts;
}

/** `Store.listItems`: items in one state, longest in it first; ids, states and codes only. */
export async function listItems(ctx: StoreContext, options: ListItemsOptions): Promise<OutboxEntry[]> {
  if (!isItemState(options.state)) throw new StoreInputError('STORE_INPUT_INVALID', 'outbox', 'state is not an item state');
  const limit = checkPositiveInteger('outbox', 'limit', options.limit ?? 100, 10_000);
  const changedBefore = options.changedBefore === undefined ? undefined : checkTime('outbox', 'changedBefore', options.changedBefore).toISOString();
  const rows = await ctx.driver.db
    .selectFrom('items')
    .selectAll()
    .where('state', '=', options.state)
    .$if(options.channel !== undefined, (q) => q.where('channel', '=', options.channel ?? ''))
    .$if(changedBefore !== undefined, (q) => q.where('state_changed_at', '<', changedBefore ?? ''))
    .orderBy('state_changed_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    decisionId: row.decision_id,
    revision: row.revision,
    kind: row.kind,
    channel: channelOf(row),
    recipient: row.recipient,
    state: itemStateOf(row),
    stateChangedAt: row.state_changed_at,
    attempts: row.attempts,
    ...(row.next_attempt_at === null ? {} : { nextAttemptAt: row.next_attempt_at }),
    ...(row.lease_owner === null ? {} : { leaseOwner: row.lease_owner }),
    ...(row.last_error_code === null ? {} : { lastCode: row.last_error_code }),
    ...(row.last_smtp_code === null ? {} : { lastSmtpCode: row.last_smtp_code }),
  }));
}
