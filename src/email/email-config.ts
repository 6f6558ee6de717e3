import type { Recipient } from '../plan/correspondence-plan.js';

/** The partners that receive internal notices by email (the file is not one: it is stored, not mailed). */
export const INTERNAL_EMAIL_RECIPIENTS = [
  'cbsa-inland-enforcement',
  'cbsa-removals-unit',
  'designated-decision-maker',
  'mifi',
] as const satisfies readonly Recipient[];
/** A recipient whose notices go out by internal email. */
export type InternalEmailRecipient = (typeof INTERNAL_EMAIL_RECIPIENTS)[number];

/** Who the emails come from and where internal notices go. */
export interface EmailConfig {
  readonly from: { readonly name: string; readonly address: string };
  readonly internalRecipients: Readonly<Record<InternalEmailRecipient, string>>;
}

/** Placeholder addresses on a reserved-looking domain, for previews and tests; production passes its own. */
export const DEFAULT_EMAIL_CONFIG: EmailConfig = {
  from: { name: 'Immigration, Refugees and Citizenship Canada / Immigration, Réfugiés et Citoyenneté Canada', address: 'no-reply@example.gc.ca' },
  internalRecipients: {
    'cbsa-inland-enforcement': 'cbsa-inland-enforcement@example.gc.ca',
    'cbsa-removals-unit': 'cbsa-removals@example.gc.ca',
    'designated-decision-maker': 'trp-decision-maker@example.gc.ca',
    mifi: 'mifi-csq@example.gc.ca',
  },
};

/** Whether a planned document's recipient gets its notice by internal email. */
export function isInternalEmailRecipient(recipient: Recipient): recipient is InternalEmailRecipient {
  return (INTERNAL_EMAIL_RECIPIENTS as readonly Recipient[]).includes(recipient);
}
