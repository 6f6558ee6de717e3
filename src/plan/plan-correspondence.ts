import type { DecisionRecord } from '../decision/decision-schema.js';
import type { CorrespondencePlan } from './correspondence-plan.js';
import { createPlanContext } from './plan-context.js';
import { PLAN_RULES } from './plan-rules.js';

/** The documents, follow-ups and notes a valid decision requires. Pure: same record, same plan. */
export function planCorrespondence(record: DecisionRecord): CorrespondencePlan {
  const context = createPlanContext(record);
  const contributions = PLAN_RULES.map((rule) => rule.apply(context));
  return {
    decisionId: record.decisionId,
    outcome: record.outcome,
    documents: contributions.flatMap((c) => c.documents ?? []),
    followUps: contributions.flatMap((c) => c.followUps ?? []),
    notes: contributions.flatMap((c) => c.notes ?? []),
  };
}
