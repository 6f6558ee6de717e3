import { peopleToLeaveWithoutOrder } from '../../decision/household.js';
import type { PlanRule } from '../plan-rule.js';
import { clientDocument } from '../planned-document.js';

/**
 * Refused people without status, removal order or permit, for whom voluntary departure is
 * appropriate: one set of departure instructions naming all of them, and a follow-up on the
 * deadline that sends the CBSA no-status notice if departure is not confirmed.
 */
export const departureInstructionsRule: PlanRule = {
  id: 'departure-instructions',
  source: 'seed: "if voluntary departure is appropriate, include instructions for confirmation of departure and follow up"',
  apply(context) {
    const { departure } = context.record;
    const leaving = peopleToLeaveWithoutOrder(context.record).map((p) => p.uci);
    if (leaving.length === 0 || !departure?.voluntaryDepartureAppropriate || departure.deadline === undefined) {
      return {};
    }
    return {
      documents: [clientDocument(context, 'departure-instructions', this.id, leaving)],
      followUps: [
        {
          kind: 'departure-confirmation',
          dueOn: departure.deadline,
          persons: leaving,
          ifNotConfirmed: 'cbsa-no-status-notice',
          rule: this.id,
        },
      ],
    };
  },
};
