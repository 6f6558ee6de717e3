import type { Renderer } from '../render/create-renderer.js';
import { HccError } from '../errors.js';
import { calendarDay } from '../store/calendar-day.js';
import { DEFAULT_TIME_ZONE } from '../store/open-store.js';
import type { DueFollowUp, FireFollowUpResult, Store } from '../store/store.js';
import { intakePolicy, type ApprovalConfig } from './approval-config.js';
import { followUpItems } from './follow-up-items.js';
import { logOutboxEvent } from './outbox-log.js';
import { loadStoredDecisionRecord } from './stored-decision-record.js';

export interface FireDueFollowUpsInput {
  readonly store: Store;
  readonly renderer: Pick<Renderer, 'renderFollowUp'>;
  readonly now: Date;
  /** Who fires (a worker or service id). */
  readonly actor: string;
  readonly approval: ApprovalConfig;
  /** The calendar of the follow-ups' days: the store's (default America/Toronto). */
  readonly timeZone?: string;
}

export interface FireDueFollowUpsResult {
  readonly fired: readonly FireFollowUpResult[];
  /** Follow-ups that could not be fired this time (their code); they stay pending and are tried again. */
  readonly failed: readonly { readonly followUpId: string; readonly decisionId: string; readonly code: string }[];
}

/**
 * Follow-ups that fire by date: a departure deadline passed. A `trp-decision` follow-up waits for
 * the designated decision-maker and fires only when a refusal is recorded (`recordTrpDecision`).
 */
export function firesByDate(followUp: Pick<DueFollowUp, 'kind'>): boolean {
  return followUp.kind === 'departure-confirmation';
}

/**
 * Fires every due follow-up: for the persons whose departure was not confirmed by the deadline,
 * renders the notice the plan calls for (the CBSA no-status notice, and a file update) from the
 * stored record, and queues its items like any others (awaiting approval unless the policy is
 * `auto`), marking the follow-up fired in the same transaction. Idempotent: a fired follow-up is
 * no longer due, so a second call fires nothing. One that fails is reported and stays pending.
 */
export async function fireDueFollowUps(input: FireDueFollowUpsInput): Promise<FireDueFollowUpsResult> {
  const { store, now } = input;
  const today = calendarDay(now, input.timeZone ?? DEFAULT_TIME_ZONE);
  const fired: FireFollowUpResult[] = [];
  const failed: { followUpId: string; decisionId: string; code: string }[] = [];
  for (const due of (await store.dueFollowUps(now)).filter(firesByDate)) {
    try {
      const record = await loadStoredDecisionRecord(store, due.decisionId, due.revision);
      const rendered = await input.renderer.renderFollowUp(record, { kind: 'departure-not-confirmed', persons: due.persons, on: today });
      const { files, items } = followUpItems(due.id, rendered);
      const result = await store.fireFollowUp(due.id, { now, actor: input.actor, approval: intakePolicy(input.approval), files, items });
      fired.push(result);
      logOutboxEvent({ event: 'follow-up.fired', decisionId: result.decisionId, revision: result.revision, followUpId: due.id, itemIds: result.items.map((i) => i.id) });
    } catch (error) {
      if (!(error instanceof HccError)) throw error;
      // Fired meanwhile by another process: nothing left to do.
      if (error.code === 'FOLLOW_UP_STATE_CONFLICT') continue;
      failed.push({ followUpId: due.id, decisionId: due.decisionId, code: error.code });
      logOutboxEvent({ event: 'follow-up.fire-failed', decisionId: due.decisionId, followUpId: due.id, code: error.code }, 'error');
    }
  }
  return { fired, failed };
}
