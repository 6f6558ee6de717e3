import { HccError } from '../errors.js';

/** A sent item could not be recorded by this worker: another worker took it over (its lease had run out), or it left `sending`. */
export class LeaseLostError extends HccError {
  constructor(itemId: string, code: 'LEASE_NOT_HELD' | 'ITEM_STATE_CONFLICT') {
    super(code, `${code}: ${itemId} is no longer this worker's to report`);
    this.name = 'LeaseLostError';
  }
}
