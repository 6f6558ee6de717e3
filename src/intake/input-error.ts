import { HccError } from '../errors.js';

/**
 * The closed list of reasons a file, a line or a request body is not one JSON object we accept.
 * Integrators match on these: a code is never renamed or reused.
 */
export const INPUT_ERROR_CODES = [
  'INPUT_UNREADABLE',
  'INPUT_NOT_REGULAR_FILE',
  'INPUT_EMPTY',
  'INPUT_TOO_LARGE',
  'INPUT_NOT_UTF8',
  'INPUT_NOT_JSON',
  'INPUT_TOO_DEEP',
  'INPUT_TOO_COMPLEX',
  'JSON_DUPLICATE_KEY',
  'INPUT_NOT_OBJECT',
] as const;
export type InputErrorCode = (typeof INPUT_ERROR_CODES)[number];

/** What an input error may carry: limits, positions, an errno code, a JSONPath; never the input. */
export type InputErrorDetail = Readonly<Record<string, string | number>>;

/** A file, line or body that could not be read as one JSON object. Names no content, only where. */
export class InputError extends HccError {
  declare readonly code: InputErrorCode;
  /** Extra detail for the message (a byte limit, a line and column), never the input itself. */
  readonly detail: InputErrorDetail;

  constructor(code: InputErrorCode, detail: InputErrorDetail = {}, options?: { cause?: unknown }) {
    super(code, code, options);
    this.name = 'InputError';
    this.detail = detail;
  }
}
