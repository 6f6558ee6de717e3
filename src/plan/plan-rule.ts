import type { FollowUp, PlannedDocument, PlanNote } from './correspondence-plan.js';
import type { PlanContext } from './plan-context.js';

/** What one rule adds to the plan. */
export interface PlanContribution {
  readonly documents?: readonly PlannedDocument[];
  readonly followUps?: readonly FollowUp[];
  readonly notes?: readonly PlanNote[];
}

/** One rule of the procedure: a stable id, where it comes from, and what it asks for. */
export interface PlanRule {
  readonly id: string;
  /** The procedure text the rule implements: the seed, a public source, or "inferred". */
  readonly source: string;
  readonly apply: (context: PlanContext) => PlanContribution;
}
