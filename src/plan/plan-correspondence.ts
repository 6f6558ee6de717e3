import type { DecisionRecord } from '../decision/decision-schema.js';
import type { CorrespondencePlan, PlannedDocument, PlanNote } from './correspondence-plan.js';
import { createPlanContext } from './plan-context.js';
import { PLAN_RULES } from './plan-rules.js';

/** Letters addressed to people whose own address is not on file reach them only through the representative's copy. */
function unreachableOriginals(documents: readonly PlannedDocument[]): PlanNote[] {
  const persons = documents.filter((d) => d.addressees !== undefined && d.channels.length === 0).flatMap((d) => d.addressees ?? []);
  return persons.length > 0 ? [{ code: 'ORIGINAL_ONLY_THROUGH_REPRESENTATIVE', persons: [...new Set(persons)] }] : [];
}

/** The documents, follow-ups and notes a valid decision requires. Pure: same record, same plan. */
export function planCorrespondence(record: DecisionRecord): CorrespondencePlan {
  const context = createPlanContext(record);
  const contributions = PLAN_RULES.map((rule) => rule.apply(context));
  const documents = contributions.flatMap((c) => c.documents ?? []);
  return {
    decisionId: record.decisionId,
    outcome: record.outcome,
    documents,
    followUps: contributions.flatMap((c) => c.followUps ?? []),
    notes: [...contributions.flatMap((c) => c.notes ?? []), ...unreachableOriginals(documents)],
  };
}
