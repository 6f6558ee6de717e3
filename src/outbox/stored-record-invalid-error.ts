import { HccError } from '../errors.js';

/** A stored record that this release no longer accepts (its rules changed since intake). */
export class StoredRecordInvalidError extends HccError {
  constructor(readonly decisionId: string, readonly revision: number) {
    super('STORED_RECORD_INVALID', `${decisionId}: revision ${revision}: STORED_RECORD_INVALID`);
    this.name = 'StoredRecordInvalidError';
  }
}
