import { HccError } from '../errors.js';

/** The closed list of reasons output could not be written. */
export const OUTPUT_ERROR_CODES = ['OUTPUT_UNWRITABLE', 'OUTPUT_WRITE_FAILED'] as const;
export type OutputErrorCode = (typeof OUTPUT_ERROR_CODES)[number];

/**
 * The output folder cannot be used (`OUTPUT_UNWRITABLE`, found once before any work), or one
 * decision's folder could not be written (`OUTPUT_WRITE_FAILED`). `detail.reason` is the errno
 * code; no path or content of a record is carried.
 */
export class OutputError extends HccError {
  declare readonly code: OutputErrorCode;
  readonly detail: Readonly<Record<string, string | number>>;

  constructor(code: OutputErrorCode, cause: unknown) {
    super(code, code, { cause });
    this.name = 'OutputError';
    this.detail = { reason: (cause as NodeJS.ErrnoException | undefined)?.code ?? 'unknown' };
  }
}
