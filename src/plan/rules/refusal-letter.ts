import type { PlanRule } from '../plan-rule.js';
import { clientDocument } from '../planned-document.js';

/**
 * Every refusal gets a refusal letter: one for the application when it is refused, or one per
 * family member refused while the rest of the family is approved in principle (the A42 case).
 */
export const refusalLetterRule: PlanRule = {
  id: 'refusal-letter',
  source: 'seed: "send a refusal letter informing the applicant that the exemption will not be granted"',
  apply(context) {
    const { record, household } = context;
    if (record.outcome === 'refused') {
      return { documents: [clientDocument(context, 'refusal-letter', this.id, [record.principalApplicant.uci])] };
    }
    const refusedMembers = household.filter((p) => p.role === 'family-member' && p.outcome === 'refused');
    return { documents: refusedMembers.map((p) => clientDocument(context, 'refusal-letter', this.id, [p.uci])) };
  },
};
