/**
 * The closed list of codes a decision record can fail with. Integrators match on these, so a
 * code is never renamed or reused; a new rule gets a new code. The first group is structural
 * (JSON Schema can express it); the second is checked in the same pass but beyond what the JSON
 * Schema says (characters, date ranges, deliverable addresses); then the cross-field rules only
 * this project checks; last, the mark of a report cut short.
 */
export const STRUCTURAL_ERROR_CODES = [
  'SCHEMA_VERSION_UNSUPPORTED',
  'FIELD_REQUIRED',
  'UNKNOWN_FIELD',
  'TYPE_INVALID',
  'VALUE_INVALID',
  'FORMAT_INVALID',
  'DATE_INVALID',
  'STRING_EMPTY',
  'STRING_TOO_LONG',
  'LIST_EMPTY',
  'LIST_TOO_LONG',
  'FEE_INVALID',
  'TRP_RATIONALE_MISSING',
] as const;

export const CONTENT_ERROR_CODES = [
  'TEXT_CONTROL_CHARACTER',
  'TEXT_UNSUPPORTED_CHARACTER',
  'DATE_OUT_OF_RANGE',
  'EMAIL_NOT_DELIVERABLE',
] as const;

export const RULE_ERROR_CODES = [
  'TEXT_TOO_WIDE',
  'CHANNEL_DUPLICATE',
  'EMAIL_REQUIRED',
  'POSTAL_ADDRESS_REQUIRED',
  'DATE_OF_BIRTH_AFTER_DECISION',
  'UCI_DUPLICATE',
  'STATUS_INCONSISTENT',
  'STATUS_EXPIRED_BEFORE_DECISION',
  'STATUS_REQUIRED',
  'STATUS_EXPIRY_REQUIRED',
  'REMOVAL_ORDER_WITH_VALID_STATUS',
  'INADMISSIBILITY_MISSING',
  'INADMISSIBILITY_UNEXPECTED',
  'MEMBER_OUTCOME_INVALID',
  'DEADLINE_REQUIRED',
  'DEADLINE_UNEXPECTED',
  'DEADLINE_BEFORE_DECISION',
  'DEPARTURE_DECISION_MISSING',
  'DEPARTURE_WITH_VALID_STATUS',
  'DEPARTURE_NOT_APPLICABLE',
  'DEPARTURE_ON_APPROVAL',
  'TRP_WITHOUT_REFUSAL',
  'TRP_VALIDITY_INVERTED',
  'TRP_VALIDITY_TOO_LONG',
  'TRP_STARTS_BEFORE_DECISION',
  'TRP_PERSON_UNKNOWN',
  'TRP_PERSON_DUPLICATE',
  'TRP_PERSON_NOT_IN_CANADA',
  'TRP_A42_NOT_APPLICABLE',
  'REASONS_LANGUAGE_MISMATCH',
  'REASONS_LANGUAGE_UNEXPECTED',
] as const;

/** Reported once, last, when a record has more issues than a report lists (`MAX_REPORTED_ISSUES`). */
export const REPORT_ERROR_CODES = ['TOO_MANY_ERRORS'] as const;

export const DECISION_ERROR_CODES = [...STRUCTURAL_ERROR_CODES, ...CONTENT_ERROR_CODES, ...RULE_ERROR_CODES, ...REPORT_ERROR_CODES] as const;

export type DecisionErrorCode = (typeof DECISION_ERROR_CODES)[number];

const structural: ReadonlySet<string> = new Set(STRUCTURAL_ERROR_CODES);

/** True when a JSON Schema validator can catch this code on its own. */
export function isStructuralCode(code: DecisionErrorCode): boolean {
  return structural.has(code);
}
