import { appendAudit } from './audit-log.js';
import { canChangeFollowUpState, FOLLOW_UP_STATES, type FollowUpState } from './follow-up-state.js';
import type { StoreDb } from './store-driver.js';
import { FollowUpStateConflictError } from './follow-up-state-conflict-error.js';

export interface FollowUpRef {
  readonly id: string;
  readonly decision_id: string;
  readonly revision: number;
  readonly state: string;
}

export function followUpStateOf(followUp: FollowUpRef): FollowUpState {
  const state = FOLLOW_UP_STATES.find((s) => s === followUp.state);
  if (state === undefined) throw new TypeError(`${followUp.id}: unknown state in the database`);
  return state;
}

/**
 * The one way a follow-up changes state: checks the edge, updates only from the state read, and
 * appends the audit event in the caller's transaction. Throws FOLLOW_UP_STATE_CONFLICT.
 */
export async function changeFollowUpState(
  trx: StoreDb,
  followUp: FollowUpRef,
  to: FollowUpState,
  change: { readonly now: Date; readonly actor: string },
): Promise<void> {
  const from = followUpStateOf(followUp);
  if (!canChangeFollowUpState(from, to)) throw new FollowUpStateConflictError(followUp.id, from, to);
  const result = await trx
    .updateTable('follow_ups')
    .set({ state: to, state_changed_at: change.now.toISOString() })
    .where('id', '=', followUp.id)
    .where('state', '=', from)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) throw new FollowUpStateConflictError(followUp.id, from, to);
  await appendAudit(trx, {
    at: change.now,
    event: 'follow-up.state-changed',
    decisionId: followUp.decision_id,
    revision: followUp.revision,
    followUpId: followUp.id,
    from,
    to,
    actor: change.actor,
  });
}
