import { appendAudit } from './audit-log.js';
import { lockDecision } from './decision-lock.js';
import type { FollowUpKind } from './follow-up-state.js';
import { loadFollowUps } from './follow-up-rows.js';
import type { StoreContext } from './store-context.js';
import type { ConfirmDepartureOptions, PersonOutcomeResult, TrpDecisionOptions } from './store.js';
import { DecisionStateError } from './decision-state-error.js';
import { StoreInputError } from './store-input-error.js';
import { checkDecisionId, checkId, checkIsoDate, checkNonBlank, checkTime } from './store-input.js';
import { resolveFollowUps } from './write-correspondence.js';

type Outcome = PersonOutcomeResult['outcome'];

/**
 * Records one fact about one person of the decision (departure, TRP decision) and resolves the
 * current revision's follow-ups whose every person is now accounted for. The same fact again is
 * `unchanged`; a different fact for the same person is PERSON_OUTCOME_CONFLICT. The audit event
 * names the follow-up and the outcome, never the person.
 */
async function recordPersonOutcome(
  ctx: StoreContext,
  decisionIdInput: string,
  args: { readonly kind: FollowUpKind; readonly uci: unknown; readonly outcome: Outcome; readonly onDate: string | null; readonly by: unknown; readonly now: unknown },
): Promise<PersonOutcomeResult> {
  const decisionId = checkDecisionId(decisionIdInput);
  const uci = checkNonBlank(decisionId, 'uci', args.uci, 64);
  const by = checkId(decisionId, 'by', args.by);
  const now = checkTime(decisionId, 'now', args.now);
  const { driver } = ctx;

  return driver.write(async (trx) => {
    const decision = await lockDecision(driver, trx, decisionId);
    const revision = decision.current_revision;
    const mentions = await trx
      .selectFrom('follow_up_persons')
      .innerJoin('follow_ups', 'follow_ups.id', 'follow_up_persons.follow_up_id')
      .select('follow_ups.id')
      .where('follow_ups.decision_id', '=', decisionId)
      .where('follow_ups.revision', '=', revision)
      .where('follow_ups.kind', '=', args.kind)
      .where('follow_up_persons.uci', '=', uci)
      .orderBy('follow_ups.position')
      .execute();
    const first = mentions[0];
    if (first === undefined) {
      throw new StoreInputError('FOLLOW_UP_PERSON_UNKNOWN', decisionId, `no ${args.kind} follow-up of the current revision watches this person`);
    }
    const existing = await trx
      .selectFrom('person_outcomes')
      .select(['outcome', 'on_date'])
      .where('decision_id', '=', decisionId)
      .where('uci', '=', uci)
      .where('kind', '=', args.kind)
      .executeTakeFirst();
    let status: PersonOutcomeResult['status'] = 'recorded';
    if (existing !== undefined) {
      if (existing.outcome !== args.outcome || existing.on_date !== args.onDate) throw new DecisionStateError('PERSON_OUTCOME_CONFLICT', decisionId);
      status = 'unchanged';
    } else {
      await trx
        .insertInto('person_outcomes')
        .values({ decision_id: decisionId, uci, kind: args.kind, outcome: args.outcome, on_date: args.onDate, recorded_by: by, recorded_at: now.toISOString() })
        .execute();
      await appendAudit(trx, {
        at: now,
        event: 'person.outcome-recorded',
        decisionId,
        revision,
        followUpId: first.id,
        actor: by,
        code: args.outcome.toUpperCase(),
      });
      await resolveFollowUps(trx, decisionId, revision, now, by);
    }
    const followUps = (await loadFollowUps(trx, decisionId, revision)).filter((f) => f.kind === args.kind && f.persons.includes(uci));
    return { decisionId, status, outcome: args.outcome, followUps };
  });
}

/** `Store.confirmDeparture`: one person of a departure follow-up left on `on`. */
export async function confirmDeparture(ctx: StoreContext, decisionId: string, options: ConfirmDepartureOptions): Promise<PersonOutcomeResult> {
  const on = checkIsoDate(decisionId, 'on', options.on);
  return recordPersonOutcome(ctx, decisionId, { kind: 'departure-confirmation', uci: options.uci, outcome: 'departed', onDate: on, by: options.by, now: options.now });
}

/** `Store.recordTrpDecision`: the designated decision-maker issued or refused one person's permit. */
export async function recordTrpDecision(ctx: StoreContext, decisionId: string, options: TrpDecisionOptions): Promise<PersonOutcomeResult> {
  const decision: unknown = options.decision;
  if (decision !== 'issued' && decision !== 'refused') throw new StoreInputError('STORE_INPUT_INVALID', decisionId, 'decision is not issued or refused');
  return recordPersonOutcome(ctx, decisionId, { kind: 'trp-decision', uci: options.uci, outcome: decision, onDate: null, by: options.by, now: options.now });
}
