import type { StoreContext } from './store-context.js';
import type { StoredRecord } from './store.js';
import { DecisionStateError } from './decision-state-error.js';
import { StoreNotFoundError } from './store-not-found-error.js';
import { checkDecisionId, checkPositiveInteger } from './store-input.js';

/**
 * `Store.storedRecord`: the record of one revision (the current one by default) as stored, parsed
 * from its canonical JSON, with its hash and author. Throws DECISION_NOT_FOUND, DECISION_PURGED.
 */
export async function storedRecord(ctx: StoreContext, decisionIdInput: string, revisionInput?: number): Promise<StoredRecord> {
  const decisionId = checkDecisionId(decisionIdInput);
  return ctx.driver.read(async (trx) => {
    const decision = await trx.selectFrom('decisions').select(['current_revision', 'purged_at']).where('decision_id', '=', decisionId).executeTakeFirst();
    if (decision === undefined) throw new StoreNotFoundError('DECISION_NOT_FOUND', decisionId);
    if (decision.purged_at !== null) throw new DecisionStateError('DECISION_PURGED', decisionId);
    const revision = revisionInput === undefined ? decision.current_revision : checkPositiveInteger(decisionId, 'revision', revisionInput, decision.current_revision);
    const row = await trx
      .selectFrom('revisions')
      .select(['record_json', 'record_sha256', 'author_id', 'office_id'])
      .where('decision_id', '=', decisionId)
      .where('revision', '=', revision)
      .executeTakeFirst();
    if (row === undefined) throw new StoreNotFoundError('DECISION_NOT_FOUND', decisionId);
    return { decisionId, revision, record: JSON.parse(row.record_json) as unknown, recordSha256: row.record_sha256, officerId: row.author_id, officeId: row.office_id };
  });
}
