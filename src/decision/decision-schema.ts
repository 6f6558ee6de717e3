import { z } from 'zod';
import { LANGUAGES, type Language } from '../i18n/languages.js';

/**
 * The decision record, schemaVersion 1: the public contract with upstream case systems.
 * Field names are fixed by ../shared/DOMAIN.md. Every object is strict, so a misspelt field is
 * an error rather than silently ignored. Cross-field rules live in `decision-rules.ts`.
 */

/** A string with at least one non-blank character; the pattern is kept in the JSON Schema. */
export const NON_BLANK = /\S/;

function text(max: number) {
  return z.string().regex(NON_BLANK).max(max);
}

export const PROVINCES = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] as const;
export const CHANNELS = ['email', 'mail'] as const;
export const OUTCOMES = ['refused', 'approved-in-principle'] as const;
export const SALUTATIONS = ['ms', 'mr', 'unspecified'] as const;
export const STATUS_KINDS = ['visitor', 'worker', 'student', 'temporary-resident-permit', 'none'] as const;
export const REMOVAL_ORDER_TYPES = ['departure', 'exclusion', 'deportation'] as const;
export const RELATIONSHIPS = ['spouse', 'common-law-partner', 'dependent-child'] as const;
export const TRP_GROUNDS = ['a42-family-member', 'compelling-reasons'] as const;

const language = z.enum(LANGUAGES);
const isoDate = z.iso.date();
const email = z.email().max(254);
/** A UCI as printed on IRCC documents: 0000-0000 (8 digits) or 00-0000-0000 (10 digits). */
const uci = z.string().regex(/^(?:\d{4}-\d{4}|\d{2}-\d{4}-\d{4})$/);
const bilingualText = z.strictObject({ en: text(200), fr: text(200) });
/** Reasons written in each language; a letter version is only ever printed with the reasons in its own language. */
const reasonsByLanguage = z.strictObject({ en: text(50_000).optional(), fr: text(50_000).optional() });

const postalAddress = z.strictObject({
  line1: text(120),
  line2: text(120).optional(),
  city: text(80),
  province: z.enum(PROVINCES),
  /** Canadian postal code, with or without the middle space, in either case (letters print in capitals). */
  postalCode: z.string().regex(/^[ABCEGHJ-NPRSTVXYabceghj-nprstvxy]\d[ABCEGHJ-NPRSTV-Zabceghj-nprstv-z] ?\d[ABCEGHJ-NPRSTV-Zabceghj-nprstv-z]\d$/),
});

const statusInCanada = z.strictObject({
  valid: z.boolean(),
  kind: z.enum(STATUS_KINDS),
  /** Last day of a valid status. */
  expires: isoDate.optional(),
  /** Day a status that is no longer valid ended. */
  expiredOn: isoDate.optional(),
});

const removalOrder = z.strictObject({
  type: z.enum(REMOVAL_ORDER_TYPES),
  enforceableOn: isoDate,
  stayed: z.boolean(),
  cbsaOffice: text(120),
});

const name = {
  familyName: text(100),
  /** May be empty for a person with a single name. */
  givenNames: z.string().max(100),
};

const principalApplicant = z.strictObject({
  uci,
  ...name,
  dateOfBirth: isoDate,
  salutation: z.enum(SALUTATIONS),
  statusInCanada,
  removalOrder: removalOrder.nullish(),
});

const familyMember = z.strictObject({
  uci,
  ...name,
  dateOfBirth: isoDate,
  /** How a letter addressed to this person greets them; `unspecified` (the default) writes epicene French. */
  salutation: z.enum(SALUTATIONS).optional(),
  relationship: z.enum(RELATIONSHIPS),
  accompanying: z.boolean(),
  inCanada: z.boolean(),
  admissible: z.boolean(),
  /** The IRPA provision of the inadmissibility, for example "A36(1)(a)"; only when not admissible. */
  inadmissibility: text(40).optional(),
  /** Required when the person is in Canada. */
  statusInCanada: statusInCanada.optional(),
  removalOrder: removalOrder.nullish(),
  /** Only on an approval in principle: this member is refused (the A42 case). Defaults to the record's outcome. */
  outcome: z.enum(OUTCOMES).optional(),
  /** Where letters addressed to this person go, when it is not the client's address. */
  postalAddress: postalAddress.nullish(),
});

const representative = z.strictObject({
  name: text(200),
  email: email.nullish(),
  postalAddress: postalAddress.nullish(),
});

const correspondence = z.strictObject({
  language,
  bilingual: z.boolean(),
  channels: z.array(z.enum(CHANNELS)).min(1),
  email: email.nullish(),
  postalAddress: postalAddress.nullish(),
  representative: representative.nullish(),
  /** Language of the internal documents when it is not the office's working language. */
  internalLanguage: language.optional(),
});

const fee = z.union([
  z.strictObject({ receiptNumber: text(40) }),
  z.strictObject({ exemption: text(40) }),
]);

const trp = z.strictObject({
  uci,
  /**
   * Which of the two TRP cases of the procedure applies. Optional (added after the contract was
   * published): see `permitGrounds` for the default derived from the record.
   */
  grounds: z.enum(TRP_GROUNDS).optional(),
  rationale: text(20_000),
  /** The risk the officer weighed in recommending the permit. Optional: without it the rationale says none was recorded. */
  riskAssessment: text(10_000).optional(),
  validFrom: isoDate,
  validTo: isoDate,
  reentryAllowed: z.boolean(),
  conditions: z.array(text(500)),
  fee,
});

export const decisionSchema = z.strictObject({
  schemaVersion: z.literal(1),
  /** Also names the output folder of a decision, hence the file-name-safe pattern. */
  decisionId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/),
  applicationNumber: z.string().regex(/^[A-Z]{1,2}\d{6,12}$/),
  decisionDate: isoDate,
  stage: z.literal(1),
  outcome: z.enum(OUTCOMES),
  /** The officer's reasons: one text (in `reasonsLanguage`), or one text per language. */
  reasons: z.union([text(50_000), reasonsByLanguage]),
  /** The language a single `reasons` text is written in; defaults to the correspondence language. */
  reasonsLanguage: language.optional(),
  office: z.strictObject({
    id: text(40),
    workingLanguage: language,
    name: bilingualText,
    address: postalAddress,
    email,
    phone: z.string().regex(/^\+?[0-9 ().-]{7,25}$/),
  }),
  officer: z.strictObject({
    id: text(40),
    name: text(200),
    title: bilingualText,
  }),
  correspondence,
  principalApplicant,
  familyMembers: z.array(familyMember).optional(),
  departure: z
    .strictObject({
      voluntaryDepartureAppropriate: z.boolean(),
      /** Required when voluntary departure is appropriate. */
      deadline: isoDate.optional(),
    })
    .nullish(),
  trp: z.array(trp).optional(),
  destinationProvince: z.enum(PROVINCES),
});

/** A decision record that passed every structural and cross-field check. */
export type DecisionRecord = z.output<typeof decisionSchema>;
export type Channel = (typeof CHANNELS)[number];
export type Outcome = (typeof OUTCOMES)[number];
// The record's language fields take the official languages; re-exported for the record's readers.
export { LANGUAGES, type Language };
export type PrincipalApplicant = DecisionRecord['principalApplicant'];
export type FamilyMember = NonNullable<DecisionRecord['familyMembers']>[number];
export type TemporaryResidentPermit = NonNullable<DecisionRecord['trp']>[number];
export type StatusInCanada = PrincipalApplicant['statusInCanada'];
export type RemovalOrder = NonNullable<PrincipalApplicant['removalOrder']>;
export type PostalAddress = DecisionRecord['office']['address'];
export type TrpGrounds = (typeof TRP_GROUNDS)[number];
export type Salutation = (typeof SALUTATIONS)[number];
