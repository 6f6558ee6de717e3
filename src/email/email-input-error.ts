import { HccError } from '../errors.js';

/** The inputs of an email do not fit together; names the decision, never personal data. */
export class EmailInputError extends HccError {
  constructor(
    code: 'EMAIL_ADDRESS_MISSING' | 'EMAIL_ATTACHMENTS_MISMATCH' | 'EMAIL_ATTACHMENT_NAME_DUPLICATE' | 'EMAIL_RECIPIENT_NOT_INTERNAL',
    readonly decisionId: string,
    detail: string,
  ) {
    super(code, `${decisionId}: ${code}: ${detail}`);
    this.name = 'EmailInputError';
  }
}
