import { HccError } from '../errors.js';

/** The retry schedule was asked about an impossible attempt (a bug in the caller). */
export class RetryScheduleError extends HccError {
  constructor(detail: string) {
    super('RETRY_INPUT_INVALID', `RETRY_INPUT_INVALID: ${detail}`);
    this.name = 'RetryScheduleError';
  }
}
