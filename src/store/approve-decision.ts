import { appendAudit } from './audit-log.js';
import { sha256Hex } from './canonical-json.js';
import { lockDecision } from './decision-lock.js';
import { summarizeItem } from './item-rows.js';
import { changeItemState } from './item-transition.js';
import type { StoreContext } from './store-context.js';
import type { ApproveOptions, ApproveResult } from './store.js';
import { ApproverIsAuthorError } from './approver-is-author-error.js';
import { DecisionStateError } from './decision-state-error.js';
import { HashMismatchError } from './hash-mismatch-error.js';
import { StoredBytesCorruptError } from './stored-bytes-corrupt-error.js';
import { checkDecisionId, checkId, checkList, checkSha256, checkTime } from './store-input.js';

/**
 * An officer approves the exact bytes they saw: the current revision's awaiting items are
 * approved only if the given hashes and the items' re-hashed stored bytes match one to one.
 * Any unmatched hash or item approves nothing (HASH_MISMATCH).
 */
export async function approveDecision(ctx: StoreContext, decisionIdInput: string, options: ApproveOptions): Promise<ApproveResult> {
  const decisionId = checkDecisionId(decisionIdInput);
  const by = checkId(decisionId, 'by', options.by);
  const now = checkTime(decisionId, 'now', options.now);
  const given = new Set(checkList(decisionId, 'sha256s', options.sha256s).map((h, i) => checkSha256(decisionId, `sha256s[${i}]`, h)));
  const twoPerson = options.policy?.twoPerson === true;
  const { driver } = ctx;

  return driver.write(async (trx) => {
    const decision = await lockDecision(driver, trx, decisionId);
    const revision = decision.current_revision;
    const author = await trx
      .selectFrom('revisions')
      .select('author_id')
      .where('decision_id', '=', decisionId)
      .where('revision', '=', revision)
      .executeTakeFirstOrThrow();
    if (twoPerson && author.author_id === by) throw new ApproverIsAuthorError(decisionId);

    const awaiting = await trx
      .selectFrom('items')
      .innerJoin('files', 'files.sha256', 'items.sha256')
      .select(['items.id', 'items.decision_id', 'items.revision', 'items.item_key', 'items.kind', 'items.channel', 'items.state', 'items.sha256', 'files.bytes'])
      .where('items.decision_id', '=', decisionId)
      .where('items.revision', '=', revision)
      .where('items.state', '=', 'awaiting-approval')
      .orderBy('items.position')
      .execute();
    if (awaiting.length === 0) throw new DecisionStateError('NOTHING_AWAITING_APPROVAL', decisionId);

    // The column could have been changed without the bytes (or the other way): hash what will be sent.
    for (const item of awaiting) {
      if (sha256Hex(item.bytes) !== item.sha256) throw new StoredBytesCorruptError(item.id);
    }
    const itemHashes = new Set(awaiting.map((i) => i.sha256));
    const unmatchedHashes = [...given].filter((h) => !itemHashes.has(h));
    const unmatchedItems = awaiting.filter((i) => !given.has(i.sha256)).map((i) => i.id);
    if (unmatchedHashes.length > 0 || unmatchedItems.length > 0) throw new HashMismatchError(decisionId, unmatchedHashes, unmatchedItems);

    const policy = twoPerson ? 'two-person' : 'officer';
    for (const item of awaiting) {
      await changeItemState(trx, item, 'approved', { now, actor: by, policy, set: { approved_by: by, approved_at: now.toISOString() } });
    }
    await appendAudit(trx, { at: now, event: 'decision.approved', decisionId, revision, actor: by, policy });
    return { decisionId, revision, approved: awaiting.map((i) => summarizeItem({ ...i, state: 'approved' })) };
  });
}
