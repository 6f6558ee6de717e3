import { HccError } from '../errors.js';

// Messages name ids, states and codes only: never a name, an address, an email, a UCI or a reason.

/** The database has a migration this code does not know: it was written by a newer release. */
export class StoreSchemaTooNewError extends HccError {
  constructor(readonly unknownVersions: readonly number[], readonly knownVersion: number) {
    super(
      'STORE_SCHEMA_TOO_NEW',
      `the database has migration ${unknownVersions.join(', ')} but this release knows migrations up to ${knownVersion}: upgrade hcc`,
    );
    this.name = 'StoreSchemaTooNewError';
  }
}
