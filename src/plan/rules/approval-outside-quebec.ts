import { createTranslator } from '../../i18n/translator.js';
import type { PlanRule } from '../plan-rule.js';

const en = createTranslator('en');
const fr = createTranslator('fr');

/**
 * The procedure has no correspondence for an approval in principle outside Quebec: the plan says
 * so in a note instead of inventing a letter.
 */
export const approvalOutsideQuebecRule: PlanRule = {
  id: 'approval-outside-quebec',
  source: 'inferred: the seed only describes the Quebec approval path',
  apply({ record, household }) {
    if (record.outcome !== 'approved-in-principle' || record.destinationProvince === 'QC') return {};
    // A refused family member already gets a letter, so the note would be wrong.
    if (household.some((p) => p.outcome === 'refused')) return {};
    const key = 'plan:APPROVAL_OUTSIDE_QUEBEC';
    return { notes: [{ code: 'APPROVAL_OUTSIDE_QUEBEC', message: { en: en(key), fr: fr(key) } }] };
  },
};
