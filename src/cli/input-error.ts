import { HccError } from '../errors.js';

export const INPUT_ERROR_CODES = [
  'INPUT_UNREADABLE',
  'INPUT_EMPTY',
  'INPUT_NOT_JSON',
  'INPUT_NOT_OBJECT',
  'INPUT_TOO_LARGE',
] as const;
export type InputErrorCode = (typeof INPUT_ERROR_CODES)[number];

/** A file or line that could not be read as one JSON object. Names no content, only where. */
export class InputError extends HccError {
  declare readonly code: InputErrorCode;
  /** Extra detail for the message (a byte limit, a line and column), never the input itself. */
  readonly detail: Record<string, string | number>;

  constructor(code: InputErrorCode, detail: Record<string, string | number> = {}, options?: { cause?: unknown }) {
    super(code, code, options);
    this.name = 'InputError';
    this.detail = detail;
  }
}

/** Thrown for a command line that cannot be run; exits 2. */
export class UsageError extends HccError {
  constructor(message: string) {
    super('USAGE', message);
    this.name = 'UsageError';
  }
}
