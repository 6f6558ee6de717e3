import { HccError } from '../errors.js';

/** nodemailer could not build the MIME message. */
export class EmailBuildError extends HccError {
  constructor(readonly decisionId: string, options: { cause: unknown }) {
    super('EMAIL_BUILD_FAILED', `${decisionId}: the MIME message could not be built`, options);
    this.name = 'EmailBuildError';
  }
}
