import { HccError } from '../errors.js';

/** The mail catcher cannot start: a host that is not loopback without permission, or the port cannot be bound. */
export class MailCatcherError extends HccError {
  constructor(code: 'MAIL_CATCHER_HOST_NOT_LOOPBACK' | 'MAIL_CATCHER_LISTEN_FAILED' | 'MAIL_CATCHER_OUT_DIR', detail: string, options?: { cause: unknown }) {
    super(code, `${code}: ${detail}`, options);
    this.name = 'MailCatcherError';
  }
}
