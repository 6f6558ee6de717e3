import type { IsoDate } from '../decision/calendar-date.js';
import type { Renderer } from '../render/create-renderer.js';
import { calendarDay } from '../store/calendar-day.js';
import { DEFAULT_TIME_ZONE } from '../store/open-store.js';
import type { FireFollowUpResult, PersonOutcomeResult, Store } from '../store/store.js';
import { intakePolicy, type ApprovalConfig } from './approval-config.js';
import { followUpItems } from './follow-up-items.js';
import { logOutboxEvent } from './outbox-log.js';
import { loadStoredDecisionRecord } from './stored-decision-record.js';

export interface RecordTrpDecisionInput {
  readonly store: Store;
  readonly renderer: Pick<Renderer, 'renderFollowUp'>;
  readonly decisionId: string;
  readonly uci: string;
  readonly decision: 'issued' | 'refused';
  /** The officer who records it. */
  readonly by: string;
  readonly now: Date;
  /** The day of the permit decision (default: today in `timeZone`). */
  readonly on?: IsoDate;
  readonly approval: ApprovalConfig;
  readonly timeZone?: string;
}

export interface RecordTrpDecisionResult {
  readonly outcome: PersonOutcomeResult;
  /** For a refusal: the notice queued (the no-status correspondence the plan calls for), once. */
  readonly fired?: FireFollowUpResult;
  /**
   * Follow-ups the refusal's plan schedules that could not be stored (a new departure
   * confirmation when departure instructions are sent): the store adds items to a fired
   * follow-up, not follow-ups. Counted so that nobody believes they are watched.
   */
  readonly followUpsNotStored: number;
}

/**
 * Records the designated decision-maker's decision on one person's permit. An issued permit
 * resolves the person's `trp-decision` follow-up. A refused one first queues the correspondence
 * the plan's no-status rules call for (`planFollowUp` with a `trp-refused` event: departure
 * instructions, the CBSA no-status or removals notice, and a file update), rendered from the
 * stored record and awaiting approval like any item, then records the refusal. Running it again
 * after an interruption completes what is missing and queues nothing twice.
 */
export async function recordTrpDecision(input: RecordTrpDecisionInput): Promise<RecordTrpDecisionResult> {
  const { store, decisionId, uci, now, by } = input;
  let fired: FireFollowUpResult | undefined;
  let followUpsNotStored = 0;
  if (input.decision === 'refused') {
    const status = await store.status(decisionId);
    const followUp = status.followUps.find((f) => f.kind === 'trp-decision' && f.revision === status.revision && f.state === 'pending' && f.pendingPersons.includes(uci));
    // Only a person still waiting for their decision gets the refusal's notice; anything else is for the store to judge (unchanged, conflict, unknown).
    if (followUp !== undefined && followUp.persons.length === 1) {
      const record = await loadStoredDecisionRecord(store, decisionId, status.revision);
      const on = input.on ?? calendarDay(now, input.timeZone ?? DEFAULT_TIME_ZONE);
      const rendered = await input.renderer.renderFollowUp(record, { kind: 'trp-refused', uci, on });
      followUpsNotStored = rendered.plan.followUps.length;
      const { files, items } = followUpItems(followUp.id, rendered);
      fired = await store.fireFollowUp(followUp.id, { now, actor: by, approval: intakePolicy(input.approval), files, items });
      logOutboxEvent({ event: 'follow-up.fired', decisionId, revision: fired.revision, followUpId: followUp.id, itemIds: fired.items.map((i) => i.id), code: 'TRP_REFUSED' });
    }
  }
  const outcome = await store.recordTrpDecision(decisionId, { uci, decision: input.decision, by, now });
  logOutboxEvent({ event: 'person.trp-decision', decisionId, status: outcome.status, code: input.decision.toUpperCase(), actor: by });
  return { outcome, ...(fired === undefined ? {} : { fired }), followUpsNotStored };
}
