import { readAudit, type AuditEvent } from './audit-log.js';
import { loadFollowUps } from './follow-up-rows.js';
import { channelOf, languagesOf } from './item-rows.js';
import { itemStateOf } from './item-transition.js';
import type { StoreContext } from './store-context.js';
import type { DecisionStatus, ItemStatus } from './store.js';
import { StoreNotFoundError } from './store-not-found-error.js';
import { checkDecisionId } from './store-input.js';

/** `Store.status`: the decision's current revision, every item of every revision, every follow-up. */
export async function decisionStatus(ctx: StoreContext, decisionIdInput: string): Promise<DecisionStatus> {
  const decisionId = checkDecisionId(decisionIdInput);
  return ctx.driver.read(async (trx) => {
    const decision = await trx.selectFrom('decisions').selectAll().where('decision_id', '=', decisionId).executeTakeFirst();
    if (decision === undefined) throw new StoreNotFoundError('DECISION_NOT_FOUND', decisionId);
    const rows = await trx.selectFrom('items').selectAll().where('decision_id', '=', decisionId).orderBy('revision').orderBy('position').execute();
    const items = rows.map((row): ItemStatus => {
      const languages = languagesOf(row);
      return {
        id: row.id,
        revision: row.revision,
        key: row.item_key,
        kind: row.kind,
        channel: channelOf(row),
        recipient: row.recipient,
        language: languages[0],
        languages,
        sha256: row.sha256,
        ...(row.message_id === null ? {} : { messageId: row.message_id }),
        state: itemStateOf(row),
        attempts: row.attempts,
        ...(row.last_error_code === null ? {} : { lastCode: row.last_error_code }),
        ...(row.last_smtp_code === null ? {} : { lastSmtpCode: row.last_smtp_code }),
      };
    });
    return {
      decisionId,
      revision: decision.current_revision,
      ...(decision.purged_at === null ? {} : { purgedAt: decision.purged_at }),
      items,
      followUps: await loadFollowUps(trx, decisionId),
    };
  });
}

/** `Store.audit`: the decision's events in order (they outlive a purge). */
export async function decisionAudit(ctx: StoreContext, decisionIdInput: string): Promise<AuditEvent[]> {
  const decisionId = checkDecisionId(decisionIdInput);
  return ctx.driver.read(async (trx) => {
    const decision = await trx.selectFrom('decisions').select('decision_id').where('decision_id', '=', decisionId).executeTakeFirst();
    if (decision === undefined) throw new StoreNotFoundError('DECISION_NOT_FOUND', decisionId);
    return readAudit(trx, decisionId);
  });
}
