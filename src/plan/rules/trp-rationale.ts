import type { HouseholdMember } from '../../decision/household.js';
import type { DocumentKind, FollowUp, PlanNote } from '../correspondence-plan.js';
import type { PlanContext } from '../plan-context.js';
import type { PlanRule } from '../plan-rule.js';
import { internalDocument } from '../planned-document.js';

/** The no-status rule that applies to a person if their permit is refused. */
export function noStatusDocument(context: PlanContext, person: HouseholdMember): DocumentKind | undefined {
  if (person.status?.valid !== false) return undefined;
  if (person.removalOrder) return 'cbsa-removals-notice';
  return context.record.departure?.voluntaryDepartureAppropriate === true ? 'departure-instructions' : 'cbsa-no-status-notice';
}

/**
 * One rationale per temporary resident permit, for the designated decision-maker. The officer
 * recommends; the permit is decided later, so a `trp-decision` follow-up waits for that decision,
 * and a refusal puts the person under the no-status rules.
 */
export const trpRationaleRule: PlanRule = {
  id: 'trp-rationale',
  source: 'seed: "the H&C application must be refused and a rationale provided before a TRP is issued"; DOMAIN.md: the designated decision-maker decides',
  apply(context) {
    const permits = context.record.trp ?? [];
    const household = new Map(context.household.map((p) => [p.uci, p]));
    const followUps: FollowUp[] = [];
    const kept: string[] = [];
    for (const permit of permits) {
      const person = household.get(permit.uci);
      const ifRefused = person ? noStatusDocument(context, person) : undefined;
      followUps.push({ kind: 'trp-decision', persons: [permit.uci], ...(ifRefused ? { ifRefused } : {}), rule: this.id });
      if (ifRefused !== undefined && ifRefused !== 'cbsa-removals-notice' && context.record.departure) kept.push(permit.uci);
    }
    const notes: PlanNote[] = kept.length > 0 ? [{ code: 'DEPARTURE_KEPT_FOR_PERMIT_REFUSAL', persons: kept }] : [];
    return {
      documents: permits.map((permit) =>
        internalDocument(context, 'trp-rationale', 'designated-decision-maker', this.id, [permit.uci]),
      ),
      followUps,
      notes,
    };
  },
};
