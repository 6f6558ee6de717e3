import { HccError } from '../errors.js';

// Messages name ids, states and codes only: never a name, an address, an email, a UCI or a reason.

/** A worker reported on an item whose lease it does not hold (another worker took it over). */
export class LeaseNotHeldError extends HccError {
  constructor(readonly itemId: string) {
    super('LEASE_NOT_HELD', `${itemId}: the lease is held by another worker or by none`);
    this.name = 'LeaseNotHeldError';
  }
}
