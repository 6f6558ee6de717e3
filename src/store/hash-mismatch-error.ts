import { HccError } from '../errors.js';

// Messages name ids, states and codes only: never a name, an address, an email, a UCI or a reason.

/** The approved hashes and the awaiting items' bytes do not match one to one; nothing was approved. */
export class HashMismatchError extends HccError {
  constructor(
    readonly decisionId: string,
    readonly unmatchedHashes: readonly string[],
    readonly unmatchedItemIds: readonly string[],
  ) {
    super(
      'HASH_MISMATCH',
      `${decisionId}: ${unmatchedHashes.length} given hash(es) match no awaiting item, ${unmatchedItemIds.length} awaiting item(s) left unmatched`,
    );
    this.name = 'HashMismatchError';
  }
}
