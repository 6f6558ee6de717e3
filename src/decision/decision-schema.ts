import { z } from 'zod';
import { LANGUAGES, type Language } from '../i18n/languages.js';
import { asciiEmailDomain, EMAIL_MAX_LENGTH, EMAIL_SCHEMA_PATTERN, emailAddressProblem } from './email-address.js';
import type { DecisionErrorCode } from './error-codes.js';
import { PHONE_PATTERN } from './phone-number.js';
import {
  countCharacters,
  findControlCharacter,
  findUnsupportedCharacter,
  formatCodePoint,
  hasVisibleCharacter,
  type TextShape,
} from './printable-text.js';

/**
 * The decision record, schemaVersion 1: the public contract with upstream case systems.
 * Field names are fixed by ../shared/DOMAIN.md. Every object is strict, so a misspelt field is
 * an error rather than silently ignored. Cross-field rules live in `decision-rules.ts`.
 *
 * Every text is normalised before it is checked (NFC; CRLF becomes LF), and the record handed on
 * holds the normalised text. Text fields hold only what the letters print (`printable-text.ts`).
 */

/** A string with at least one non-blank character; the pattern is kept in the JSON Schema. */
export const NON_BLANK = /\S/;

/** The issue a check of ours adds: a code of the closed list, and the values its message names. */
function fail(ctx: z.RefinementCtx, code: DecisionErrorCode, values: Record<string, string | number> = {}): void {
  ctx.addIssue({ code: 'custom', message: code, params: { code, values } });
}

/**
 * What every text field checks beyond its JSON Schema: no control character, only characters the
 * letter font draws, at most `max` characters (code points, as JSON Schema counts), and, unless it
 * may be empty, something visible (a name made of zero-width or combining characters is empty).
 */
function checkPrintable(value: string, ctx: z.RefinementCtx, max: number, shape: TextShape, mayBeEmpty: boolean): void {
  const control = findControlCharacter(value, shape);
  if (control !== undefined) fail(ctx, 'TEXT_CONTROL_CHARACTER', { character: formatCodePoint(control) });
  else {
    const unsupported = findUnsupportedCharacter(value, shape);
    if (unsupported !== undefined) fail(ctx, 'TEXT_UNSUPPORTED_CHARACTER', { character: formatCodePoint(unsupported) });
    // A blank value already failed NON_BLANK (or may be empty); this is text that shows nothing.
    else if (NON_BLANK.test(value) && !hasVisibleCharacter(value) && !(mayBeEmpty && value.trim() === '')) fail(ctx, 'STRING_EMPTY');
  }
  if (countCharacters(value) > max) fail(ctx, 'STRING_TOO_LONG', { max });
}

function normalized() {
  return z
    .string()
    .normalize('NFC')
    .overwrite((value) => value.replace(/\r\n/g, '\n'));
}

/** A text the letters print: on one line (names, addresses, titles) or as paragraphs (reasons). */
function text(max: number, shape: TextShape = 'line') {
  return normalized()
    .regex(NON_BLANK)
    .superRefine((value, ctx) => {
      checkPrintable(value, ctx, max, shape, false);
    })
    .meta({ maxLength: max });
}

/** A text that may be empty or blank (given names of a person with a single name). */
function optionalText(max: number) {
  return normalized()
    .superRefine((value, ctx) => {
      checkPrintable(value, ctx, max, 'line', true);
    })
    .meta({ maxLength: max });
}

export const PROVINCES = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] as const;
export const CHANNELS = ['email', 'mail'] as const;
export const OUTCOMES = ['refused', 'approved-in-principle'] as const;
export const SALUTATIONS = ['ms', 'mr', 'unspecified'] as const;
export const STATUS_KINDS = ['visitor', 'worker', 'student', 'temporary-resident-permit', 'none'] as const;
export const REMOVAL_ORDER_TYPES = ['departure', 'exclusion', 'deportation'] as const;
export const RELATIONSHIPS = ['spouse', 'common-law-partner', 'dependent-child'] as const;
export const TRP_GROUNDS = ['a42-family-member', 'compelling-reasons'] as const;

/** The earliest and latest date any field may hold: dates of birth from 1900, nothing after 2100. */
export const DATE_RANGE = { earliest: '1900-01-01', latest: '2100-12-31' } as const;
/** A decision under the Immigration and Refugee Protection Act, in force since 28 June 2002. */
export const DECISION_DATE_RANGE = { earliest: '2002-06-28', latest: DATE_RANGE.latest } as const;

/** Lists and how long each may be (a household has at most 31 people: the applicant and 30 family members). */
export const LIST_LIMITS = { familyMembers: 30, trp: 31, conditions: 20, channels: 2 } as const;

const language = z.enum(LANGUAGES);

/** A real calendar date within `range`; a date that is not one is only `DATE_INVALID`. */
function isoDate(range: { readonly earliest: string; readonly latest: string } = DATE_RANGE) {
  return z.iso.date().superRefine((value, ctx) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value) && (value < range.earliest || value > range.latest)) {
      fail(ctx, 'DATE_OUT_OF_RANGE', { earliest: range.earliest, latest: range.latest });
    }
  });
}

/**
 * An email address delivery can carry: an internationalised domain is accepted and handed on in
 * its ASCII form (the JSON Schema shows the Unicode form it may arrive in); a non-ASCII local part
 * is `EMAIL_NOT_DELIVERABLE`.
 */
const email = z
  .string()
  .normalize('NFC')
  .overwrite(asciiEmailDomain)
  .superRefine((value, ctx) => {
    const problem = emailAddressProblem(value);
    if (problem === 'FORMAT_INVALID') ctx.addIssue({ code: 'invalid_format', format: 'email', input: value, message: problem });
    else if (problem === 'STRING_TOO_LONG') fail(ctx, problem, { max: EMAIL_MAX_LENGTH });
    else if (problem !== undefined) fail(ctx, problem);
  })
  .meta({ format: 'idn-email', maxLength: EMAIL_MAX_LENGTH, pattern: EMAIL_SCHEMA_PATTERN });
/** A UCI as printed on IRCC documents: 0000-0000 (8 digits) or 00-0000-0000 (10 digits). */
const uci = z.string().regex(/^(?:\d{4}-\d{4}|\d{2}-\d{4}-\d{4})$/);
const bilingualText = z.strictObject({ en: text(200), fr: text(200) });
/** Reasons written in each language; a letter version is only ever printed with the reasons in its own language. */
const reasonsByLanguage = z.strictObject({ en: text(50_000, 'paragraphs').optional(), fr: text(50_000, 'paragraphs').optional() });

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
  expires: isoDate().optional(),
  /** Day a status that is no longer valid ended. */
  expiredOn: isoDate().optional(),
});

const removalOrder = z.strictObject({
  type: z.enum(REMOVAL_ORDER_TYPES),
  enforceableOn: isoDate(),
  stayed: z.boolean(),
  cbsaOffice: text(120),
});

const name = {
  familyName: text(100),
  /** May be empty for a person with a single name. */
  givenNames: optionalText(100),
};

const principalApplicant = z.strictObject({
  uci,
  ...name,
  dateOfBirth: isoDate(),
  salutation: z.enum(SALUTATIONS),
  statusInCanada,
  removalOrder: removalOrder.nullish(),
});

const familyMember = z.strictObject({
  uci,
  ...name,
  dateOfBirth: isoDate(),
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
  channels: z.array(z.enum(CHANNELS)).min(1).max(LIST_LIMITS.channels),
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
  rationale: text(20_000, 'paragraphs'),
  /** The risk the officer weighed in recommending the permit. Optional: without it the rationale says none was recorded. */
  riskAssessment: text(10_000, 'paragraphs').optional(),
  validFrom: isoDate(),
  validTo: isoDate(),
  reentryAllowed: z.boolean(),
  conditions: z.array(text(500)).max(LIST_LIMITS.conditions),
  fee,
});

export const decisionSchema = z.strictObject({
  schemaVersion: z.literal(1),
  /** Also names the output folder of a decision, hence the file-name-safe pattern. */
  decisionId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/),
  applicationNumber: z.string().regex(/^[A-Z]{1,2}\d{6,12}$/),
  decisionDate: isoDate(DECISION_DATE_RANGE),
  stage: z.literal(1),
  outcome: z.enum(OUTCOMES),
  /** The officer's reasons: one text (in `reasonsLanguage`), or one text per language. */
  reasons: z.union([text(50_000, 'paragraphs'), reasonsByLanguage]),
  /** The language a single `reasons` text is written in; defaults to the correspondence language. */
  reasonsLanguage: language.optional(),
  office: z.strictObject({
    id: text(40),
    workingLanguage: language,
    name: bilingualText,
    address: postalAddress,
    email,
    /** A telephone number, optionally with an extension (`ext. 1234`, `poste 1234`, `x1234`). */
    phone: z.string().regex(PHONE_PATTERN),
  }),
  officer: z.strictObject({
    id: text(40),
    name: text(200),
    title: bilingualText,
  }),
  correspondence,
  principalApplicant,
  familyMembers: z.array(familyMember).max(LIST_LIMITS.familyMembers).optional(),
  departure: z
    .strictObject({
      voluntaryDepartureAppropriate: z.boolean(),
      /** Required when voluntary departure is appropriate. */
      deadline: isoDate().optional(),
    })
    .nullish(),
  trp: z.array(trp).max(LIST_LIMITS.trp).optional(),
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
