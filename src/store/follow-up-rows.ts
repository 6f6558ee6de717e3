import type { FollowUpKind } from './follow-up-state.js';
import { followUpStateOf } from './follow-up-transition.js';
import type { StoreDb } from './store-driver.js';
import type { FollowUpStatus } from './store.js';

/**
 * The decision's follow-ups (all revisions, or one), each with its persons and those whose fact
 * (departure, TRP decision) is not recorded yet. Person outcomes belong to the decision, so a
 * confirmation recorded under one revision counts for the next.
 */
export async function loadFollowUps(trx: StoreDb, decisionId: string, revision?: number): Promise<FollowUpStatus[]> {
  const followUps = await trx
    .selectFrom('follow_ups')
    .selectAll()
    .where('decision_id', '=', decisionId)
    .$if(revision !== undefined, (q) => q.where('revision', '=', revision ?? 0))
    .orderBy('revision')
    .orderBy('position')
    .execute();
  if (followUps.length === 0) return [];
  const persons = await trx
    .selectFrom('follow_up_persons')
    .select(['follow_up_id', 'uci'])
    .where(
      'follow_up_id',
      'in',
      followUps.map((f) => f.id),
    )
    .orderBy('follow_up_id')
    .orderBy('position')
    .execute();
  const outcomes = await trx.selectFrom('person_outcomes').select(['uci', 'kind']).where('decision_id', '=', decisionId).execute();
  const resolved = new Set(outcomes.map((o) => `${o.kind}\u0000${o.uci}`));
  return followUps.map((f) => {
    const ucis = persons.filter((p) => p.follow_up_id === f.id).map((p) => p.uci);
    return {
      id: f.id,
      revision: f.revision,
      kind: f.kind as FollowUpKind,
      dueOn: f.due_on,
      persons: ucis,
      pendingPersons: ucis.filter((uci) => !resolved.has(`${f.kind}\u0000${uci}`)),
      ifNotConfirmed: f.if_not_confirmed,
      state: followUpStateOf(f),
    };
  });
}
