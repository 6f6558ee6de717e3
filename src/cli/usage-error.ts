import { HccError } from '../errors.js';

/** Thrown for a command line that cannot be run; exits 2. */
export class UsageError extends HccError {
  constructor(message: string) {
    super('USAGE', message);
    this.name = 'UsageError';
  }
}
