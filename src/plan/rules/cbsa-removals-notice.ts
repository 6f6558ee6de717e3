import { addDays, compareDates } from '../../decision/calendar-date.js';
import type { PlanRule } from '../plan-rule.js';
import { internalDocument } from '../planned-document.js';

/** R224(2): a departure order must be complied with within 30 days after it becomes enforceable. */
export const DEPARTURE_ORDER_DAYS = 30;

/**
 * Each refused person in Canada with an outstanding removal order (stayed or not) is reported to
 * the CBSA office that holds the order, one notice per person. A permit recommended in the same
 * decision does not cancel the order, so the notice still goes. A departure order whose 30 days
 * ran out before the decision (unless a stay or detention paused them) gets a note for the officer.
 */
export const cbsaRemovalsNoticeRule: PlanRule = {
  id: 'cbsa-removals-notice',
  source: 'seed: "if there is an outstanding removal order, inform the CBSA Removals Unit of the negative decision"; IRPR s. 224(2)',
  apply(context) {
    const ordered = context.household.filter((p) => p.outcome === 'refused' && p.inCanada && p.removalOrder !== undefined);
    const lapsed = ordered.filter((p) => {
      const order = p.removalOrder;
      return order?.type === 'departure' && !order.stayed &&
        compareDates(addDays(order.enforceableOn, DEPARTURE_ORDER_DAYS), context.record.decisionDate) < 0;
    });
    return {
      documents: ordered.map((p) => internalDocument(context, 'cbsa-removals-notice', 'cbsa-removals-unit', this.id, [p.uci])),
      notes: lapsed.length > 0 ? [{ code: 'DEPARTURE_ORDER_PERIOD_ENDED', persons: lapsed.map((p) => p.uci) }] : [],
    };
  },
};
