import { HccError } from '../errors.js';

/** The letter markup a template produced breaks the closed markup; names the tag, never the text. */
export class MarkupError extends HccError {
  constructor(
    code: 'MARKUP_UNKNOWN_TAG' | 'MARKUP_MISPLACED' | 'MARKUP_ATTRIBUTE_INVALID' | 'MARKUP_TEXT_OUTSIDE_BLOCK',
    readonly template: string,
    detail: string,
  ) {
    super(code, `${template}: ${code}: ${detail}`);
    this.name = 'MarkupError';
  }
}

/** A template could not be rendered: missing file, undefined value, syntax error. */
export class TemplateError extends HccError {
  constructor(readonly template: string, options: { cause: unknown }) {
    // Nunjucks' message names the template line and the undefined variable, never record values.
    super('TEMPLATE_FAILED', `${template}: ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`, options);
    this.name = 'TemplateError';
  }
}
