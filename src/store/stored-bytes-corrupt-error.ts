import { HccError } from '../errors.js';

// Messages name ids, states and codes only: never a name, an address, an email, a UCI or a reason.

/** Stored bytes no longer hash to the SHA-256 recorded for them. */
export class StoredBytesCorruptError extends HccError {
  constructor(readonly itemId: string) {
    super('STORED_BYTES_CORRUPT', `${itemId}: stored bytes do not match their SHA-256`);
    this.name = 'StoredBytesCorruptError';
  }
}
