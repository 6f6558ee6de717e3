import { HccError } from '../errors.js';

// Messages name ids, states and codes only: never a name, an address, an email, a UCI or a reason.

/** What was handed to the store breaks its contract; `code` says which rule. */
export class StoreInputError extends HccError {
  constructor(
    code:
      | 'STORE_INPUT_INVALID'
      | 'RECORD_NOT_JSON'
      | 'FILE_HASH_MISMATCH'
      | 'ITEM_FILE_MISSING'
      | 'ITEM_KEY_DUPLICATE'
      | 'ITEM_CHANNEL_MISMATCH'
      | 'FOLLOW_UP_PERSON_UNKNOWN',
    readonly subject: string,
    detail: string,
  ) {
    super(code, `${subject}: ${code}: ${detail}`);
    this.name = 'StoreInputError';
  }
}
