import { HccError } from '../errors.js';

/** A template could not be rendered: missing file, undefined value, syntax error. */
export class TemplateError extends HccError {
  constructor(readonly template: string, options: { cause: unknown }) {
    // Nunjucks' message names the template line and the undefined variable, never record values.
    super('TEMPLATE_FAILED', `${template}: ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`, options);
    this.name = 'TemplateError';
  }
}
