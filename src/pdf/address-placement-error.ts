import { HccError } from '../errors.js';

/** An address block that does not fit the envelope window on page 1. */
export class AddressPlacementError extends HccError {
  readonly where: string;

  constructor(where: string, reason: string) {
    super('PDF_ADDRESS_OUT_OF_WINDOW', `${where}: ${reason}`);
    this.name = 'AddressPlacementError';
    this.where = where;
  }
}
