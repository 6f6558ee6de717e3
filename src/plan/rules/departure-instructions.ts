import { peopleToLeaveWithoutOrder, type HouseholdMember } from '../../decision/household.js';
import type { PlannedDocument } from '../correspondence-plan.js';
import type { PlanContext } from '../plan-context.js';
import type { PlanRule } from '../plan-rule.js';
import { personDocument } from '../planned-document.js';

/**
 * The people who must leave, grouped by where their letters go: everyone at the client's address
 * together, and each family member with an address of their own apart.
 */
function byAddress(people: readonly HouseholdMember[]): HouseholdMember[][] {
  const together = people.filter((p) => !p.familyMember?.postalAddress);
  const apart = people.filter((p) => p.familyMember?.postalAddress).map((p) => [p]);
  return [...(together.length > 0 ? [together] : []), ...apart];
}

/** Departure instructions addressed to the people who must leave, with a copy to the representative. */
export function departureInstructions(context: PlanContext, rule: string, leaving: readonly HouseholdMember[]): PlannedDocument[] {
  return byAddress(leaving).map((group) => personDocument(context, 'departure-instructions', rule, group));
}

/**
 * Refused people without status, removal order or permit, for whom voluntary departure is
 * appropriate: departure instructions addressed to them (never to someone who stays), and a
 * follow-up on the deadline that sends the CBSA no-status notice for each person whose departure
 * is not confirmed by then.
 */
export const departureInstructionsRule: PlanRule = {
  id: 'departure-instructions',
  source: 'seed: "if voluntary departure is appropriate, include instructions for confirmation of departure and follow up"; inferred (DOMAIN.md): addressed to the people who must leave, copy to the representative',
  apply(context) {
    const { departure } = context.record;
    const leaving = peopleToLeaveWithoutOrder(context.record);
    if (leaving.length === 0 || !departure?.voluntaryDepartureAppropriate || departure.deadline === undefined) {
      return {};
    }
    return {
      documents: departureInstructions(context, this.id, leaving),
      followUps: [
        {
          kind: 'departure-confirmation',
          dueOn: departure.deadline,
          persons: leaving.map((p) => p.uci),
          ifNotConfirmed: 'cbsa-no-status-notice',
          rule: this.id,
        },
      ],
    };
  },
};
