import type { PlanRule } from '../plan-rule.js';
import { internalDocument } from '../planned-document.js';

/** One rationale per temporary resident permit, for the designated decision-maker. */
export const trpRationaleRule: PlanRule = {
  id: 'trp-rationale',
  source: 'seed: "the H&C application must be refused and a rationale provided before a TRP is issued"',
  apply(context) {
    return {
      documents: (context.record.trp ?? []).map((permit) =>
        internalDocument(context, 'trp-rationale', 'designated-decision-maker', this.id, [permit.uci]),
      ),
    };
  },
};
