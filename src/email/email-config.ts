import type { Language } from '../decision/decision-schema.js';
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

/** The partners with one address each; the CBSA removals units are many, one per office (`cbsaRemovalsOffices`). */
export type FixedInternalRecipient = Exclude<InternalEmailRecipient, 'cbsa-removals-unit'>;

/** Who the emails come from and where internal notices go. */
export interface EmailConfig {
  /** The sender; its display name in each official language, the email's first language first. */
  readonly from: { readonly name: Readonly<Record<Language, string>>; readonly address: string };
  readonly internalRecipients: Readonly<Record<FixedInternalRecipient, string>>;
  /**
   * The address of the removals unit of each CBSA office that holds removal orders, keyed by the
   * office's name as records give it in `removalOrder.cbsaOffice` (compared without regard to case
   * or spacing). An office missing here is an error, never a default.
   */
  readonly cbsaRemovalsOffices: Readonly<Record<string, string>>;
}

/** Placeholder addresses on a reserved-looking domain, for previews and tests; production passes its own. */
export const DEFAULT_EMAIL_CONFIG: EmailConfig = {
  from: {
    name: { en: 'Immigration, Refugees and Citizenship Canada', fr: 'Immigration, Réfugiés et Citoyenneté Canada' },
    address: 'no-reply@example.gc.ca',
  },
  internalRecipients: {
    'cbsa-inland-enforcement': 'cbsa-inland-enforcement@example.gc.ca',
    'designated-decision-maker': 'trp-decision-maker@example.gc.ca',
    mifi: 'mifi-csq@example.gc.ca',
  },
  cbsaRemovalsOffices: {},
};

/** Whether a planned document's recipient gets its notice by internal email. */
export function isInternalEmailRecipient(recipient: Recipient): recipient is InternalEmailRecipient {
  return (INTERNAL_EMAIL_RECIPIENTS as readonly Recipient[]).includes(recipient);
}

/** An office name as the configuration and records are matched: case and runs of spaces do not count. */
export function officeKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('und');
}

/** The sender's display name in the email's languages, its first language first: "IRCC / IRCC" in the reader's order. */
export function senderName(config: EmailConfig, languages: readonly Language[]): string {
  return languages.map((l) => config.from.name[l]).join(' / ');
}
