import type { Language } from '../../decision/decision-schema.js';
import type { PlanRule } from '../plan-rule.js';
import { clientDocument, internalDocument } from '../planned-document.js';

/** Quebec's immigration ministry (MIFI) works in French, whatever the client's language. */
const MIFI_LANGUAGE: Language = 'fr';

/**
 * An approval in principle for an applicant destined to Quebec: the file is referred to MIFI for
 * a CSQ, and the client is told to wait for MIFI's invitation. Never on the negative path.
 */
export const csqRequestRule: PlanRule = {
  id: 'csq-request',
  source: 'seed: "Stage 1 approval in Canada: Request for Certificat de sélection du Québec (CSQ)"',
  apply(context) {
    const { record } = context;
    if (record.outcome !== 'approved-in-principle' || record.destinationProvince !== 'QC') return {};
    const applicant = [record.principalApplicant.uci];
    return {
      documents: [
        internalDocument(context, 'csq-request', 'mifi', this.id, applicant, MIFI_LANGUAGE),
        clientDocument(context, 'csq-request', this.id, applicant),
      ],
    };
  },
};
