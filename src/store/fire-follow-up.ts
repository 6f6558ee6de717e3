import { calendarDay } from './calendar-day.js';
import { lockDecision } from './decision-lock.js';
import { changeFollowUpState, followUpStateOf } from './follow-up-transition.js';
import type { StoreContext } from './store-context.js';
import type { FireFollowUpOptions, FireFollowUpResult } from './store.js';
import { DecisionStateError } from './decision-state-error.js';
import { FollowUpStateConflictError } from './follow-up-state-conflict-error.js';
import { StoreNotFoundError } from './store-not-found-error.js';
import { checkApproval, checkId, checkTime, prepareFiles, prepareFollowUps, prepareItems } from './store-input.js';
import { insertFollowUps, insertItems, storeFiles } from './write-correspondence.js';

/**
 * Queues a due follow-up's notice and marks the follow-up fired, in one transaction: the notice's
 * items join the decision's current revision (positions after its last item) awaiting approval,
 * or approved under the `auto` policy; the follow-ups its notice schedules (a new departure
 * confirmation after a refused permit) join the revision as pending. A follow-up fires once: a second call is
 * FOLLOW_UP_STATE_CONFLICT; one whose day is not over is FOLLOW_UP_NOT_DUE.
 */
export async function fireFollowUp(ctx: StoreContext, followUpId: string, options: FireFollowUpOptions): Promise<FireFollowUpResult> {
  const now = checkTime(followUpId, 'now', options.now);
  const actor = checkId(followUpId, 'actor', options.actor);
  const approval = checkApproval(followUpId, options.approval);
  const files = prepareFiles(followUpId, options.files ?? []);
  const followUps = prepareFollowUps(followUpId, options.followUps ?? []);
  const today = calendarDay(now, ctx.timeZone);
  const { driver } = ctx;

  return driver.write(async (trx) => {
    const found = await trx.selectFrom('follow_ups').select('decision_id').where('id', '=', followUpId).executeTakeFirst();
    if (found === undefined) throw new StoreNotFoundError('FOLLOW_UP_NOT_FOUND', followUpId);
    const decision = await lockDecision(driver, trx, found.decision_id);
    const followUp = await trx.selectFrom('follow_ups').selectAll().where('id', '=', followUpId).executeTakeFirstOrThrow();
    const state = followUpStateOf(followUp);
    if (state !== 'pending') throw new FollowUpStateConflictError(followUpId, state, 'fired');
    if (!(followUp.due_on < today)) throw new DecisionStateError('FOLLOW_UP_NOT_DUE', decision.decision_id);

    const revision = decision.current_revision;
    const existing = await trx
      .selectFrom('items')
      .select(['item_key', 'position'])
      .where('decision_id', '=', decision.decision_id)
      .where('revision', '=', revision)
      .execute();
    const items = prepareItems(followUpId, options.items ?? [], files, new Set(existing.map((i) => i.item_key)));
    const firstPosition = Math.max(0, ...existing.map((i) => i.position)) + 1;
    await storeFiles(trx, decision.decision_id, revision, files, now);
    const created = await insertItems(trx, { decisionId: decision.decision_id, revision, firstPosition, items, now, actor, approval });
    await changeFollowUpState(trx, followUp, 'fired', { now, actor });
    if (followUps.length > 0) {
      const positions = await trx.selectFrom('follow_ups').select('position').where('decision_id', '=', decision.decision_id).where('revision', '=', revision).execute();
      const firstFollowUp = Math.max(0, ...positions.map((p) => p.position)) + 1;
      await insertFollowUps(trx, { decisionId: decision.decision_id, revision, followUps, now, actor, firstPosition: firstFollowUp });
    }
    return { followUpId, decisionId: decision.decision_id, revision, items: created };
  });
}
