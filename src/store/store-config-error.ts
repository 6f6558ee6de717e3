import { HccError } from '../errors.js';

// Messages name ids, states and codes only: never a name, an address, an email, a UCI or a reason.

/** The store could not be opened with what it was given (location, time zone, retry window). */
export class StoreConfigError extends HccError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super('STORE_CONFIG_INVALID', `store configuration: ${detail}`, options);
    this.name = 'StoreConfigError';
  }
}
