/**
 * Every code an `HccError` can carry, with what it means: one closed list, so that callers and
 * tests match on codes that exist, and no code lives only inside a message. Validation issues of a
 * record (`src/decision/error-codes.ts`) and SMTP outcomes (`src/deliver/send-outcome.ts`) have
 * closed lists of their own: they are results, not thrown errors.
 */
export const HCC_ERROR_CODES = {
  // Command line and configuration
  USAGE: 'The command line cannot be run as written.',
  INTERNAL: 'A fault of the program itself; reported with the code, never with the data.',
  // Reading records (src/intake)
  INPUT_UNREADABLE: 'A file cannot be read.',
  INPUT_NOT_REGULAR_FILE: 'A path is a FIFO, a device, a socket or a directory, not a record file.',
  INPUT_EMPTY: 'The input is empty.',
  INPUT_TOO_LARGE: 'A record is larger than its byte limit.',
  INPUT_NOT_UTF8: 'The bytes are not valid UTF-8.',
  INPUT_NOT_JSON: 'The text is not strict JSON (RFC 8259).',
  INPUT_TOO_DEEP: 'The JSON nests deeper than the limit.',
  INPUT_TOO_COMPLEX: 'The JSON holds more values and keys than the limit.',
  INPUT_NOT_OBJECT: 'The JSON is not an object.',
  JSON_DUPLICATE_KEY: 'A key appears twice in one JSON object.',
  DECISION_INVALID: 'A decision record failed validation; its issues say why.',
  DECISION_DUPLICATE: 'A decision id appears twice in one batch.',
  // Writing decision folders (src/output)
  OUTPUT_UNWRITABLE: 'The output folder cannot be written.',
  OUTPUT_WRITE_FAILED: 'A decision folder could not be written.',
  // Locales, templates and letters
  I18N_INIT_FAILED: 'The translator could not be set up.',
  I18N_KEY_MISSING: 'A translation key is missing from a locale.',
  TEMPLATE_FAILED: 'A letter template could not be rendered.',
  MARKUP_UNKNOWN_TAG: 'A template wrote a tag outside the letter markup.',
  MARKUP_MISPLACED: 'A template put a tag where the letter markup does not allow it.',
  MARKUP_ATTRIBUTE_INVALID: 'A template wrote an attribute the letter markup does not accept.',
  MARKUP_TEXT_OUTSIDE_BLOCK: 'A template wrote text outside any block.',
  // The typesetter
  PDF_GLYPH_MISSING: 'The letter font has no glyph for a character.',
  PDF_INVALID_DATE: 'A date given to the typesetter is not a valid date.',
  PDF_ADDRESS_OUT_OF_WINDOW: 'The address block does not fit the envelope window.',
  PDF_LAYOUT_IMPOSSIBLE: 'A block cannot be laid out on a page.',
  // Emails
  EMAIL_TEMPLATE_INVALID: 'An email template does not compile.',
  EMAIL_RENDER_FAILED: 'An email template read a value its context lacks.',
  EMAIL_ADDRESS_MISSING: 'No email address is on file for an email.',
  EMAIL_ATTACHMENTS_MISMATCH: 'The PDFs given do not match the documents an email carries.',
  EMAIL_ATTACHMENT_NAME_DUPLICATE: 'Two attachments of one email have the same name.',
  EMAIL_RECIPIENT_NOT_INTERNAL: 'A document that does not go by internal email was given to the internal composer.',
  EMAIL_BUILD_FAILED: 'The MIME message could not be built.',
  CBSA_OFFICE_UNKNOWN: 'No address is configured for the CBSA office that holds a removal order.',
  // Follow-ups
  FOLLOW_UP_PERSON_UNKNOWN: 'A follow-up names a person outside the decision.',
  FOLLOW_UP_NOT_PLANNED: 'The decision planned no such follow-up.',
  FOLLOW_UP_DATE_INVALID: 'A follow-up is dated where it cannot be.',
  // Rendering on worker threads
  WORKER_CRASHED: 'A record made its render worker die.',
  WORKER_START_FAILED: 'A render worker could not start.',
  POOL_CLOSED: 'A record was given to a render pool that is closing.',
  // The store
  STORE_SCHEMA_TOO_NEW: 'The database was written by a newer release.',
  STORE_CONFIG_INVALID: 'The store cannot be opened with the settings given.',
  STORE_INPUT_INVALID: 'What was handed to the store breaks its contract.',
  RECORD_NOT_JSON: 'A record handed to the store is not plain JSON.',
  FILE_HASH_MISMATCH: 'A file handed to the store does not hash to its SHA-256.',
  ITEM_FILE_MISSING: 'An item refers to a file that was not handed over.',
  ITEM_KEY_DUPLICATE: 'Two items of a decision have the same key.',
  ITEM_CHANNEL_MISMATCH: 'An item lacks what its channel needs.',
  DECISION_NOT_FOUND: 'No decision has that id.',
  ITEM_NOT_FOUND: 'No item has that id.',
  FOLLOW_UP_NOT_FOUND: 'No follow-up has that id.',
  ITEM_STATE_CONFLICT: 'An item is not in a state from which that change is allowed.',
  FOLLOW_UP_STATE_CONFLICT: 'A follow-up is not in a state from which that change is allowed.',
  NOTHING_AWAITING_APPROVAL: 'The decision has nothing awaiting approval.',
  DECISION_PURGED: 'The decision was purged.',
  PERSON_OUTCOME_CONFLICT: 'A person already has another recorded outcome.',
  FOLLOW_UP_NOT_DUE: 'The follow-up is not due yet.',
  HASH_MISMATCH: 'The approved hashes do not match the stored bytes; nothing was approved.',
  APPROVER_IS_AUTHOR: 'Two-person approval: the author of the decision cannot approve it.',
  LEASE_NOT_HELD: 'The worker does not hold the lease of that item.',
  STORED_BYTES_CORRUPT: 'Stored bytes no longer hash to their SHA-256.',
  JSON_VALUE_INVALID: 'A value cannot be written as canonical JSON.',
  // The outbox (src/outbox)
  STORED_RECORD_INVALID: 'A stored record no longer passes validation, so its follow-up cannot be rendered.',
  // Delivery
  SMTP_CONFIG_INVALID: 'The SMTP settings do not match their schema.',
  SMTP_TARGET_MISSING: 'No SMTP server is configured.',
  SMTP_URL_INVALID: 'The SMTP URL is not one hcc accepts.',
  SMTP_URL_CREDENTIALS: 'The SMTP URL carries credentials; they belong in the environment.',
  SMTP_INSECURE_NOT_LOOPBACK: 'SMTP without TLS is only allowed to a loopback host.',
  SMTP_PASSWORD_MISSING: 'The environment variable that holds the SMTP password is not set.',
  SMTP_SENDER_CLOSED: 'A message was given to an SMTP sender that is closed.',
  RETRY_INPUT_INVALID: 'A retry was asked for with impossible times.',
  MAIL_CATCHER_HOST_NOT_LOOPBACK: 'The mail catcher listens on loopback only.',
  MAIL_CATCHER_LISTEN_FAILED: 'The mail catcher cannot listen on that port.',
  MAIL_CATCHER_OUT_DIR: 'The mail catcher cannot write to its folder.',
  // Print batches (src/outbox)
  PRINT_BATCH_EXISTS: 'A print batch folder of that name already exists.',
  PRINT_OUT_UNWRITABLE: 'The print batch folder cannot be written.',
  PRINT_BYTES_CHANGED: 'A letter’s bytes changed between the store and the batch folder.',
  // Accounts, sessions and API keys (the server)
  ACCOUNT_EXISTS: 'An account with that id exists already.',
  ACCOUNT_INPUT_INVALID: 'An account id, role or password breaks the rules.',
  API_KEY_NOT_FOUND: 'No API key has that id.',
} as const satisfies Record<string, string>;

/** A code an `HccError` can carry. */
export type HccErrorCode = keyof typeof HCC_ERROR_CODES;

/**
 * The one base class of every error this project throws on purpose. `code` is stable and is
 * what callers and tests match on; the message is for people and may change.
 */
export class HccError extends Error {
  readonly code: HccErrorCode;

  constructor(code: HccErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'HccError';
  }
}
