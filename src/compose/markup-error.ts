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
