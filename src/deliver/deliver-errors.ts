import { HccError } from '../errors.js';

/** Codes of `SmtpConfigError`: the `smtp` section, `HCC_SMTP_URL` or the password variable cannot be used. */
export const SMTP_CONFIG_ERROR_CODES = [
  'SMTP_CONFIG_INVALID',
  'SMTP_TARGET_MISSING',
  'SMTP_URL_INVALID',
  'SMTP_URL_CREDENTIALS',
  'SMTP_INSECURE_NOT_LOOPBACK',
  'SMTP_PASSWORD_MISSING',
] as const;
export type SmtpConfigErrorCode = (typeof SMTP_CONFIG_ERROR_CODES)[number];

/**
 * The SMTP settings cannot be used. The message names fields, variables and codes; it never
 * carries a password, a URL (which may hold one) or any other configured value.
 */
export class SmtpConfigError extends HccError {
  declare readonly code: SmtpConfigErrorCode;

  constructor(code: SmtpConfigErrorCode, detail: string) {
    super(code, `${code}: ${detail}`);
    this.name = 'SmtpConfigError';
  }
}

/** `send` or `verify` was called on a sender after `close()`: a bug in the caller, not an SMTP failure. */
export class SmtpSenderClosedError extends HccError {
  constructor() {
    super('SMTP_SENDER_CLOSED', 'SMTP_SENDER_CLOSED: the sender was closed');
    this.name = 'SmtpSenderClosedError';
  }
}

/** The mail catcher cannot start: a host that is not loopback without permission, or the port cannot be bound. */
export class MailCatcherError extends HccError {
  constructor(code: 'MAIL_CATCHER_HOST_NOT_LOOPBACK' | 'MAIL_CATCHER_LISTEN_FAILED' | 'MAIL_CATCHER_OUT_DIR', detail: string, options?: { cause: unknown }) {
    super(code, `${code}: ${detail}`, options);
    this.name = 'MailCatcherError';
  }
}

/** The retry schedule was asked about an impossible attempt (a bug in the caller). */
export class RetryScheduleError extends HccError {
  constructor(detail: string) {
    super('RETRY_INPUT_INVALID', `RETRY_INPUT_INVALID: ${detail}`);
    this.name = 'RetryScheduleError';
  }
}
