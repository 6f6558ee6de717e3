import { appendAudit } from './audit-log.js';
import { canonicalJson } from './canonical-json.js';
import { lockDecision } from './decision-lock.js';
import { TERMINAL_ITEM_STATES } from './item-state.js';
import type { StoreContext } from './store-context.js';
import type { StoreDb } from './store-driver.js';
import type { PurgeOptions, PurgeResult } from './store.js';
import { checkId, checkTime } from './store-input.js';

/**
 * Decisions that are closed (every item in a terminal state, no follow-up pending) and saw no
 * activity (revision, item or follow-up change, person outcome) at or after `before`.
 */
async function closedDecisions(db: StoreDb, beforeIso: string, decisionId?: string): Promise<string[]> {
  const rows = await db
    .selectFrom('decisions as d')
    .select('d.decision_id')
    .where('d.purged_at', 'is', null)
    .$if(decisionId !== undefined, (q) => q.where('d.decision_id', '=', decisionId ?? ''))
    .where((eb) =>
      eb.and([
        eb.not(
          eb.exists(
            eb
              .selectFrom('items as i')
              .select('i.id')
              .whereRef('i.decision_id', '=', 'd.decision_id')
              .where((e) => e.or([e('i.state', 'not in', TERMINAL_ITEM_STATES), e('i.state_changed_at', '>=', beforeIso)])),
          ),
        ),
        eb.not(
          eb.exists(
            eb
              .selectFrom('follow_ups as f')
              .select('f.id')
              .whereRef('f.decision_id', '=', 'd.decision_id')
              .where((e) => e.or([e('f.state', '=', 'pending'), e('f.state_changed_at', '>=', beforeIso)])),
          ),
        ),
        eb.not(
          eb.exists(
            eb.selectFrom('revisions as r').select('r.revision').whereRef('r.decision_id', '=', 'd.decision_id').where('r.received_at', '>=', beforeIso),
          ),
        ),
        eb.not(
          eb.exists(
            eb.selectFrom('person_outcomes as p').select('p.uci').whereRef('p.decision_id', '=', 'd.decision_id').where('p.recorded_at', '>=', beforeIso),
          ),
        ),
      ]),
    )
    .orderBy('d.decision_id')
    .execute();
  return rows.map((r) => r.decision_id);
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

/**
 * Retention: for each closed decision older than `before`, deletes the record, plan, rejection
 * reason, items (envelopes, address blocks), follow-ups, persons and outcomes, and the bytes no
 * other decision uses; keeps the decision's row with a summary (counts by state, nothing
 * personal) and its audit log. One transaction per decision, closure re-checked inside it.
 */
export async function purgeDecisions(ctx: StoreContext, options: PurgeOptions): Promise<PurgeResult> {
  const before = checkTime('purge', 'before', options.before).toISOString();
  const now = checkTime('purge', 'now', options.now);
  const actor = checkId('purge', 'actor', options.actor ?? 'purge');
  const { driver } = ctx;
  const purged: string[] = [];
  for (const candidate of await closedDecisions(driver.db, before)) {
    const done = await driver.write(async (trx) => {
      const decision = await lockDecision(driver, trx, candidate, true);
      if (decision.purged_at !== null) return false;
      if ((await closedDecisions(trx, before, candidate)).length === 0) return false;
      const items = await trx.selectFrom('items').select('state').where('decision_id', '=', candidate).execute();
      const followUps = await trx.selectFrom('follow_ups').select('state').where('decision_id', '=', candidate).execute();
      const hashes = await trx.selectFrom('revision_files').select('sha256').where('decision_id', '=', candidate).execute();
      const history = {
        revisions: decision.current_revision,
        items: countBy(items.map((i) => i.state)),
        followUps: countBy(followUps.map((f) => f.state)),
      };
      await trx
        .deleteFrom('follow_up_persons')
        .where('follow_up_id', 'in', trx.selectFrom('follow_ups').select('id').where('decision_id', '=', candidate))
        .execute();
      await trx.deleteFrom('person_outcomes').where('decision_id', '=', candidate).execute();
      await trx.deleteFrom('follow_ups').where('decision_id', '=', candidate).execute();
      await trx.deleteFrom('items').where('decision_id', '=', candidate).execute();
      await trx.deleteFrom('revision_files').where('decision_id', '=', candidate).execute();
      await trx.deleteFrom('revisions').where('decision_id', '=', candidate).execute();
      const shaList = [...new Set(hashes.map((h) => h.sha256))];
      if (shaList.length > 0) {
        await trx
          .deleteFrom('files')
          .where('sha256', 'in', shaList)
          .where((eb) => eb.not(eb.exists(eb.selectFrom('revision_files as rf').select('rf.sha256').whereRef('rf.sha256', '=', 'files.sha256'))))
          .execute();
      }
      await trx
        .updateTable('decisions')
        .set({ purged_at: now.toISOString(), history_json: canonicalJson(history) })
        .where('decision_id', '=', candidate)
        .execute();
      await appendAudit(trx, { at: now, event: 'decision.purged', decisionId: candidate, revision: decision.current_revision, actor });
      return true;
    });
    if (done) purged.push(candidate);
  }
  return { purged };
}
