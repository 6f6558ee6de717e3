import { itemStateOf, changeItemState } from './item-transition.js';
import type { StoreContext } from './store-context.js';
import type { SweepResult } from './store.js';
import { checkTime } from './store-input.js';

/** The actor the audit log names for changes the sweep makes. */
export const SWEEP_ACTOR = 'sweep';

/**
 * Moves to technical-failure the items whose retry window (counted from the first attempt) has
 * run out: temporary failures still waiting, and sends whose worker vanished (lease expired).
 */
export async function sweepItems(ctx: StoreContext, options: { readonly now: Date }): Promise<SweepResult> {
  const now = checkTime('sweep', 'now', options.now);
  const nowIso = now.toISOString();
  const windowStart = new Date(now.getTime() - ctx.retryWindowMs).toISOString();
  const { driver } = ctx;
  return driver.write(async (trx) => {
    const stuck = await trx
      .selectFrom('items')
      .select(['id', 'decision_id', 'revision', 'state'])
      .where('first_attempt_at', '<=', windowStart)
      .where((eb) => eb.or([eb('state', '=', 'temporary-failure'), eb.and([eb('state', '=', 'sending'), eb('lease_until', '<=', nowIso)])]))
      .orderBy('id')
      .$if(driver.rowLocks, (q) => q.forUpdate().skipLocked())
      .execute();
    const technicalFailures = [];
    for (const item of stuck) {
      await changeItemState(trx, item, 'technical-failure', {
        now,
        actor: SWEEP_ACTOR,
        code: 'RETRY_WINDOW_EXPIRED',
        set: { lease_owner: null, lease_until: null, next_attempt_at: null, last_error_code: 'RETRY_WINDOW_EXPIRED' },
      });
      technicalFailures.push({ id: item.id, from: itemStateOf(item), state: 'technical-failure' as const });
    }
    return { technicalFailures };
  });
}
