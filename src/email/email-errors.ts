import { HccError } from '../errors.js';

/** An email template could not be compiled (MJML validation, include, Nunjucks syntax) or rendered. */
export class EmailTemplateError extends HccError {
  constructor(
    code: 'EMAIL_TEMPLATE_INVALID' | 'EMAIL_RENDER_FAILED',
    readonly template: string,
    options: { cause: unknown },
  ) {
    // MJML and Nunjucks messages name tags, lines and variables, never record values.
    super(code, `${template}: ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`, options);
    this.name = 'EmailTemplateError';
  }
}

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

/** nodemailer could not build the MIME message. */
export class EmailBuildError extends HccError {
  constructor(readonly decisionId: string, options: { cause: unknown }) {
    super('EMAIL_BUILD_FAILED', `${decisionId}: the MIME message could not be built`, options);
    this.name = 'EmailBuildError';
  }
}
