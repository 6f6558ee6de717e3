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
