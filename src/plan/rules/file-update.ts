import type { PlanRule } from '../plan-rule.js';
import { internalDocument } from '../planned-document.js';

/** Every decision updates the file (paper file and GCMS); it comes last because it lists the others. */
export const fileUpdateRule: PlanRule = {
  id: 'file-update',
  source: 'seed: "update the paper file, GCMS and, with the refusal information"',
  apply(context) {
    const everyone = context.household.map((p) => p.uci);
    return { documents: [internalDocument(context, 'file-update', 'file', this.id, everyone)] };
  },
};
