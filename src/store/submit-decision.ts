import { appendAudit } from './audit-log.js';
import { sha256Hex } from './canonical-json.js';
import { lockDecision } from './decision-lock.js';
import { changeFollowUpState } from './follow-up-transition.js';
import { summarizeItem } from './item-rows.js';
import { UNSENT_ITEM_STATES, type ItemState } from './item-state.js';
import { changeItemState } from './item-transition.js';
import type { StoreContext } from './store-context.js';
import type { DecisionSubmission, ItemSummary, SubmitOptions, SubmitResult } from './store.js';
import {
  checkApproval,
  checkDecisionId,
  checkId,
  checkJson,
  checkTime,
  prepareFiles,
  prepareFollowUps,
  prepareItems,
} from './store-input.js';
import { insertFollowUps, insertItems, storeFiles } from './write-correspondence.js';

/** Earlier items a new revision neither supersedes nor needs to mention again. */
const CLOSED_BY_OFFICER: readonly ItemState[] = ['superseded', 'rejected', 'cancelled'];

/**
 * Intake, in one transaction. The same canonical record again changes nothing (`unchanged`). A
 * changed record is a new revision: earlier items not yet handed over (awaiting approval,
 * approved, temporarily failed) are superseded, earlier pending follow-ups too; items sent,
 * printed, filed or in flight stay as they are and are listed in `kept`.
 */
export async function submitDecision(ctx: StoreContext, input: DecisionSubmission, options: SubmitOptions): Promise<SubmitResult> {
  const decisionId = checkDecisionId(input.decisionId);
  const now = checkTime(decisionId, 'now', options.now);
  const actor = checkId(decisionId, 'actor', options.actor);
  const approval = checkApproval(decisionId, options.approval);
  const officerId = checkId(decisionId, 'officerId', input.officerId);
  const officeId = checkId(decisionId, 'officeId', input.officeId);
  const recordJson = checkJson(decisionId, 'record', input.record, true);
  const recordSha256 = sha256Hex(recordJson);
  const planJson = checkJson(decisionId, 'plan', input.plan, false);
  const files = prepareFiles(decisionId, input.files);
  const items = prepareItems(decisionId, input.items, files);
  const followUps = prepareFollowUps(decisionId, input.followUps);
  const nowIso = now.toISOString();
  const { driver } = ctx;

  return driver.write(async (trx) => {
    await trx
      .insertInto('decisions')
      .values({ decision_id: decisionId, office_id: officeId, current_revision: 0, created_at: nowIso, purged_at: null, history_json: null })
      .onConflict((oc) => oc.column('decision_id').doNothing())
      .execute();
    const decision = await lockDecision(driver, trx, decisionId);

    if (decision.current_revision > 0) {
      const current = await trx
        .selectFrom('revisions')
        .select('record_sha256')
        .where('decision_id', '=', decisionId)
        .where('revision', '=', decision.current_revision)
        .executeTakeFirstOrThrow();
      if (current.record_sha256 === recordSha256) {
        const currentItems = await trx
          .selectFrom('items')
          .selectAll()
          .where('decision_id', '=', decisionId)
          .where('revision', '=', decision.current_revision)
          .orderBy('position')
          .execute();
        return {
          status: 'unchanged',
          decisionId,
          revision: decision.current_revision,
          recordSha256,
          items: currentItems.map(summarizeItem),
          superseded: [],
          kept: [],
        };
      }
    }

    const revision = decision.current_revision + 1;
    const superseded: ItemSummary[] = [];
    const kept: ItemSummary[] = [];
    const earlier = await trx
      .selectFrom('items')
      .selectAll()
      .where('decision_id', '=', decisionId)
      .orderBy('revision')
      .orderBy('position')
      .$if(driver.rowLocks, (q) => q.forUpdate())
      .execute();
    for (const item of earlier) {
      if ((UNSENT_ITEM_STATES as readonly string[]).includes(item.state)) {
        await changeItemState(trx, item, 'superseded', { now, actor });
        superseded.push(summarizeItem({ ...item, state: 'superseded' }));
      } else if (!(CLOSED_BY_OFFICER as readonly string[]).includes(item.state)) {
        kept.push(summarizeItem(item));
      }
    }
    const earlierFollowUps = await trx
      .selectFrom('follow_ups')
      .select(['id', 'decision_id', 'revision', 'state'])
      .where('decision_id', '=', decisionId)
      .where('state', '=', 'pending')
      .orderBy('id')
      .execute();
    for (const followUp of earlierFollowUps) {
      await changeFollowUpState(trx, followUp, 'superseded', { now, actor });
    }

    await trx
      .insertInto('revisions')
      .values({
        decision_id: decisionId,
        revision,
        record_json: recordJson,
        record_sha256: recordSha256,
        author_id: officerId,
        office_id: officeId,
        plan_json: planJson,
        received_at: nowIso,
        approval_policy: approval,
        rejected_by: null,
        rejected_at: null,
        rejection_reason: null,
      })
      .execute();
    await trx.updateTable('decisions').set({ current_revision: revision, office_id: officeId }).where('decision_id', '=', decisionId).execute();
    await appendAudit(trx, {
      at: now,
      event: 'decision.received',
      decisionId,
      revision,
      actor,
      code: revision === 1 ? 'CREATED' : 'REVISED',
      sha256: recordSha256,
      policy: approval,
    });
    await storeFiles(trx, decisionId, revision, files, now);
    const created = await insertItems(trx, { decisionId, revision, firstPosition: 1, items, now, actor, approval });
    await insertFollowUps(trx, { decisionId, revision, followUps, now, actor });
    return {
      status: revision === 1 ? 'created' : 'revised',
      decisionId,
      revision,
      recordSha256,
      items: created,
      superseded,
      kept,
    };
  });
}
