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
