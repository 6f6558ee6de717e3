import { compareDates, type IsoDate } from '../decision/calendar-date.js';
import type { DecisionRecord } from '../decision/decision-schema.js';
import { HccError } from '../errors.js';
import type { CorrespondencePlan, FollowUp, Occasion, PlannedDocument } from './correspondence-plan.js';
import { createPlanContext, type PlanContext } from './plan-context.js';
import { internalDocument } from './planned-document.js';
import { departureInstructions } from './rules/departure-instructions.js';
import { noStatusDocument } from './rules/trp-rationale.js';

/** Something that happened after the decision and calls for correspondence. */
export type FollowUpEvent =
  /** The departure deadline passed and these people's departure was not confirmed. */
  | { readonly kind: 'departure-not-confirmed'; readonly persons: readonly string[]; readonly on: IsoDate }
  /**
   * The designated decision-maker refused the recommended permit. `departureDeadline` is the new
   * deadline when voluntary departure is appropriate; without one (or with the record's deadline
   * already past) the CBSA is notified at once.
   */
  | { readonly kind: 'trp-refused'; readonly uci: string; readonly on: IsoDate; readonly departureDeadline?: IsoDate };

/** A follow-up event that does not fit the decision it is recorded against. */
export class FollowUpEventError extends HccError {
  constructor(code: 'FOLLOW_UP_PERSON_UNKNOWN' | 'FOLLOW_UP_NOT_PLANNED' | 'FOLLOW_UP_DATE_INVALID', decisionId: string, detail: string) {
    super(code, `${decisionId}: ${code}: ${detail}`);
    this.name = 'FollowUpEventError';
  }
}

function fileUpdate(context: PlanContext, persons: readonly string[], occasion: Occasion): PlannedDocument {
  return internalDocument(context, 'file-update', 'file', 'file-update', persons, context.internalLanguage, occasion);
}

function departureNotConfirmed(context: PlanContext, event: Extract<FollowUpEvent, { kind: 'departure-not-confirmed' }>): CorrespondencePlan {
  const { record } = context;
  const planned = (record.departure?.voluntaryDepartureAppropriate === true && record.departure.deadline) || undefined;
  if (planned === undefined) throw new FollowUpEventError('FOLLOW_UP_NOT_PLANNED', record.decisionId, 'the decision set no departure deadline');
  if (compareDates(event.on, planned) <= 0) {
    throw new FollowUpEventError('FOLLOW_UP_DATE_INVALID', record.decisionId, 'the departure deadline has not passed on that date');
  }
  const household = new Set(context.household.map((p) => p.uci));
  const unknown = event.persons.filter((uci) => !household.has(uci));
  if (unknown.length > 0 || event.persons.length === 0) {
    throw new FollowUpEventError('FOLLOW_UP_PERSON_UNKNOWN', record.decisionId, 'a person is not part of the decision');
  }
  const occasion: Occasion = { kind: 'departure-not-confirmed', on: event.on, deadline: planned };
  return {
    decisionId: record.decisionId,
    outcome: record.outcome,
    documents: [
      ...event.persons.map((uci) =>
        internalDocument(context, 'cbsa-no-status-notice', 'cbsa-inland-enforcement', 'departure-instructions', [uci], context.internalLanguage, occasion),
      ),
      fileUpdate(context, event.persons, occasion),
    ],
    followUps: [],
    notes: [],
  };
}

function trpRefused(context: PlanContext, event: Extract<FollowUpEvent, { kind: 'trp-refused' }>): CorrespondencePlan {
  const { record } = context;
  const person = context.household.find((p) => p.uci === event.uci);
  if (!person || !context.permits.has(event.uci)) {
    throw new FollowUpEventError('FOLLOW_UP_PERSON_UNKNOWN', record.decisionId, 'no permit was recommended for that person');
  }
  if (compareDates(event.on, record.decisionDate) < 0) {
    throw new FollowUpEventError('FOLLOW_UP_DATE_INVALID', record.decisionId, 'the permit decision is dated before the decision');
  }
  const stillOpen = record.departure?.deadline !== undefined && compareDates(record.departure.deadline, event.on) > 0 ? record.departure.deadline : undefined;
  const deadline = event.departureDeadline ?? stillOpen;
  if (event.departureDeadline !== undefined && compareDates(event.departureDeadline, event.on) <= 0) {
    throw new FollowUpEventError('FOLLOW_UP_DATE_INVALID', record.decisionId, 'the new departure deadline is not after the permit decision');
  }
  let kind = noStatusDocument(context, person);
  if (kind === 'departure-instructions' && deadline === undefined) kind = 'cbsa-no-status-notice';
  const occasion: Occasion = { kind: 'trp-refused', on: event.on, ...(deadline === undefined ? {} : { deadline }) };
  const documents: PlannedDocument[] = [];
  const followUps: FollowUp[] = [];
  if (kind === 'departure-instructions' && deadline !== undefined) {
    documents.push(...departureInstructions(context, 'trp-rationale', [person]).map((d) => ({ ...d, occasion })));
    followUps.push({ kind: 'departure-confirmation', dueOn: deadline, persons: [person.uci], ifNotConfirmed: 'cbsa-no-status-notice', rule: 'trp-rationale' });
  } else if (kind === 'cbsa-no-status-notice') {
    documents.push(internalDocument(context, kind, 'cbsa-inland-enforcement', 'trp-rationale', [person.uci], context.internalLanguage, occasion));
  } else if (kind === 'cbsa-removals-notice') {
    documents.push(internalDocument(context, kind, 'cbsa-removals-unit', 'trp-rationale', [person.uci], context.internalLanguage, occasion));
  }
  documents.push(fileUpdate(context, [person.uci], occasion));
  return { decisionId: record.decisionId, outcome: record.outcome, documents, followUps, notes: [] };
}

/**
 * The correspondence a follow-up event calls for, planned like the decision's own: the CBSA
 * no-status notice for each person whose departure was not confirmed; for a refused permit, the
 * no-status rules for that person. Each ends with a file update. Throws `FollowUpEventError`
 * when the event does not fit the decision.
 */
export function planFollowUp(record: DecisionRecord, event: FollowUpEvent): CorrespondencePlan {
  const context = createPlanContext(record);
  return event.kind === 'departure-not-confirmed' ? departureNotConfirmed(context, event) : trpRefused(context, event);
}
