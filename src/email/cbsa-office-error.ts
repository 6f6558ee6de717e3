import { HccError } from '../errors.js';

/** A removal order is held by a CBSA office the configuration has no address for. */
export class CbsaOfficeUnknownError extends HccError {
  /** The office's name as the record gives it (an office, not a person: safe to show to an operator). */
  readonly office: string;

  constructor(readonly decisionId: string, office: string) {
    super('CBSA_OFFICE_UNKNOWN', `${decisionId}: no address is configured for the CBSA office ${JSON.stringify(office)}; add it to cbsaRemovalsOffices in the configuration`);
    this.name = 'CbsaOfficeUnknownError';
    this.office = office;
  }
}
