import { calendarDay } from './calendar-day.js';
import { loadFollowUps } from './follow-up-rows.js';
import type { StoreContext } from './store-context.js';
import type { DueFollowUp } from './store.js';
import { checkTime } from './store-input.js';

/**
 * Pending follow-ups whose due day is over (today, in the store's time zone, is after `dueOn`:
 * a person may still leave on the deadline itself), each with the persons not yet accounted for.
 */
export async function dueFollowUps(ctx: StoreContext, nowInput: Date): Promise<DueFollowUp[]> {
  const now = checkTime('follow-ups', 'now', nowInput);
  const today = calendarDay(now, ctx.timeZone);
  return ctx.driver.read(async (trx) => {
    const due = await trx
      .selectFrom('follow_ups')
      .select(['id', 'decision_id', 'revision'])
      .where('state', '=', 'pending')
      .where('due_on', '<', today)
      .orderBy('due_on')
      .orderBy('id')
      .execute();
    const result: DueFollowUp[] = [];
    const byDecision = new Map<string, Awaited<ReturnType<typeof loadFollowUps>>>();
    for (const row of due) {
      const key = `${row.decision_id}\u0000${row.revision}`;
      let followUps = byDecision.get(key);
      if (followUps === undefined) {
        followUps = await loadFollowUps(trx, row.decision_id, row.revision);
        byDecision.set(key, followUps);
      }
      const followUp = followUps.find((f) => f.id === row.id);
      if (followUp === undefined || followUp.pendingPersons.length === 0) continue;
      result.push({
        id: followUp.id,
        decisionId: row.decision_id,
        revision: row.revision,
        kind: followUp.kind,
        dueOn: followUp.dueOn,
        ifNotConfirmed: followUp.ifNotConfirmed,
        persons: followUp.pendingPersons,
      });
    }
    return result;
  });
}
