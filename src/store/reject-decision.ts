import { appendAudit } from './audit-log.js';
import { lockDecision } from './decision-lock.js';
import { changeFollowUpState } from './follow-up-transition.js';
import { summarizeItem } from './item-rows.js';
import { changeItemState } from './item-transition.js';
import type { StoreContext } from './store-context.js';
import type { RejectOptions, RejectResult } from './store.js';
import { DecisionStateError } from './decision-state-error.js';
import { checkDecisionId, checkId, checkNonBlank, checkTime } from './store-input.js';

/**
 * An officer rejects the current revision's correspondence: its awaiting items become
 * `rejected`; when nothing of the revision is left to go out, its pending follow-ups become
 * `cancelled`. The reason is kept with the revision and never
 * written to the audit log. Throws NOTHING_AWAITING_APPROVAL when no item awaits.
 */
export async function rejectDecision(ctx: StoreContext, decisionIdInput: string, options: RejectOptions): Promise<RejectResult> {
  const decisionId = checkDecisionId(decisionIdInput);
  const by = checkId(decisionId, 'by', options.by);
  const now = checkTime(decisionId, 'now', options.now);
  const reason = checkNonBlank(decisionId, 'reason', options.reason, 4000);
  const { driver } = ctx;

  return driver.write(async (trx) => {
    const decision = await lockDecision(driver, trx, decisionId);
    const revision = decision.current_revision;
    const awaiting = await trx
      .selectFrom('items')
      .selectAll()
      .where('decision_id', '=', decisionId)
      .where('revision', '=', revision)
      .where('state', '=', 'awaiting-approval')
      .orderBy('position')
      .execute();
    if (awaiting.length === 0) throw new DecisionStateError('NOTHING_AWAITING_APPROVAL', decisionId);
    for (const item of awaiting) await changeItemState(trx, item, 'rejected', { now, actor: by });
    // The follow-ups go with the correspondence only when none of the revision's items goes out
    // (rejecting a follow-up's notice later must not cancel the revision's other follow-ups).
    const goingOut = await trx
      .selectFrom('items')
      .select('id')
      .where('decision_id', '=', decisionId)
      .where('revision', '=', revision)
      .where('state', 'not in', ['rejected', 'cancelled'])
      .executeTakeFirst();
    if (goingOut === undefined) {
      const followUps = await trx
        .selectFrom('follow_ups')
        .select(['id', 'decision_id', 'revision', 'state'])
        .where('decision_id', '=', decisionId)
        .where('revision', '=', revision)
        .where('state', '=', 'pending')
        .orderBy('position')
        .execute();
      for (const followUp of followUps) await changeFollowUpState(trx, followUp, 'cancelled', { now, actor: by });
    }
    await trx
      .updateTable('revisions')
      .set({ rejected_by: by, rejected_at: now.toISOString(), rejection_reason: reason })
      .where('decision_id', '=', decisionId)
      .where('revision', '=', revision)
      .execute();
    await appendAudit(trx, { at: now, event: 'decision.rejected', decisionId, revision, actor: by });
    return { decisionId, revision, rejected: awaiting.map((i) => summarizeItem({ ...i, state: 'rejected' })) };
  });
}
