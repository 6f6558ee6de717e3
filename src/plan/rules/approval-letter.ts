import type { PlanRule } from '../plan-rule.js';
import { clientDocument } from '../planned-document.js';

/**
 * An approval in principle for an applicant not destined to Quebec: the client is told of it and
 * that the application goes on to the second stage. (Quebec's path has its own letter, the CSQ
 * request, which says the same and more.)
 */
export const approvalLetterRule: PlanRule = {
  id: 'approval-letter',
  source: 'inferred (DOMAIN.md): the seed describes only the Quebec approval path',
  apply(context) {
    const { record, household } = context;
    if (record.outcome !== 'approved-in-principle' || record.destinationProvince === 'QC') return {};
    const approved = household.filter((p) => p.outcome === 'approved-in-principle').map((p) => p.uci);
    return { documents: [clientDocument(context, 'approval-letter', this.id, approved)] };
  },
};
