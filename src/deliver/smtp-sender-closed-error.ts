import { HccError } from '../errors.js';

/** `send` or `verify` was called on a sender after `close()`: a bug in the caller, not an SMTP failure. */
export class SmtpSenderClosedError extends HccError {
  constructor() {
    super('SMTP_SENDER_CLOSED', 'SMTP_SENDER_CLOSED: the sender was closed');
    this.name = 'SmtpSenderClosedError';
  }
}
