import type { PlanRule } from '../plan-rule.js';
import { isAdult } from '../plan-context.js';
import { clientDocument, personDocument } from '../planned-document.js';

/**
 * Every refusal gets a refusal letter: one for the application when it is refused; on an approval
 * in principle, one per refused family member (the A42 case): addressed to that member when they
 * are an adult (with the judicial review advice that is theirs to use), to the client about a
 * refused child, and to the representative when there is one.
 */
export const refusalLetterRule: PlanRule = {
  id: 'refusal-letter',
  source: 'seed: "send a refusal letter informing the applicant that the exemption will not be granted"; inferred (DOMAIN.md): a refused adult family member receives a letter of their own',
  apply(context) {
    const { record, household } = context;
    if (record.outcome === 'refused') {
      return { documents: [clientDocument(context, 'refusal-letter', this.id, [record.principalApplicant.uci])] };
    }
    const refusedMembers = household.filter((p) => p.role === 'family-member' && p.outcome === 'refused');
    return {
      documents: refusedMembers.map((p) =>
        isAdult(context, p) && !context.hasRepresentative
          ? personDocument(context, 'refusal-letter', this.id, [p])
          : clientDocument(context, 'refusal-letter', this.id, [p.uci]),
      ),
    };
  },
};
