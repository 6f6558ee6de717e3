import type { PlanRule } from '../plan-rule.js';
import { internalDocument } from '../planned-document.js';

/**
 * Each refused person in Canada with an outstanding removal order (stayed or not) is reported to
 * the CBSA Removals Unit, one notice per person. A permit issued in the same decision does not
 * cancel the order, so the notice still goes.
 */
export const cbsaRemovalsNoticeRule: PlanRule = {
  id: 'cbsa-removals-notice',
  source: 'seed: "if there is an outstanding removal order, inform the CBSA Removals Unit of the negative decision"',
  apply(context) {
    return {
      documents: context.household
        .filter((p) => p.outcome === 'refused' && p.inCanada && p.removalOrder !== undefined)
        .map((p) => internalDocument(context, 'cbsa-removals-notice', 'cbsa-removals-unit', this.id, [p.uci])),
    };
  },
};
