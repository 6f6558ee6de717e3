import { HccError } from '../errors.js';

/** A date of the document model that is not ISO 8601 with seconds and an offset. */
export class InvalidPdfDateError extends HccError {
  readonly where: string;

  constructor(value: string, where: string) {
    super('PDF_INVALID_DATE', `${where} must look like 2026-11-20T09:30:00-05:00, got "${value}"`);
    this.name = 'InvalidPdfDateError';
    this.where = where;
  }
}
