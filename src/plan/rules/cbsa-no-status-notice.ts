import { peopleToLeaveWithoutOrder } from '../../decision/household.js';
import type { PlanRule } from '../plan-rule.js';
import { internalDocument } from '../planned-document.js';

/**
 * When voluntary departure is not appropriate, CBSA is told at once, one notice per person, that
 * the person is believed to be in Canada without status. (The seed is silent on this case.)
 */
export const cbsaNoStatusNoticeRule: PlanRule = {
  id: 'cbsa-no-status-notice-at-once',
  source: 'inferred: the seed only covers the notice after an unconfirmed voluntary departure',
  apply(context) {
    if (context.record.departure?.voluntaryDepartureAppropriate !== false) return {};
    return {
      documents: peopleToLeaveWithoutOrder(context.record).map((p) =>
        internalDocument(context, 'cbsa-no-status-notice', 'cbsa-inland-enforcement', this.id, [p.uci]),
      ),
    };
  },
};
