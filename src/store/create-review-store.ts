import { sql } from 'kysely';
import { readAudit } from './audit-log.js';
import { DecisionStateError } from './decision-state-error.js';
import { loadFollowUps } from './follow-up-rows.js';
import { channelOf, languagesOf } from './item-rows.js';
import { isItemState } from './item-state.js';
import { itemStateOf } from './item-transition.js';
import type { QueueEntry, QueueFilter, ReviewItem, ReviewStore } from './review-store.js';
import type { StoreDriver } from './store-driver.js';
import { StoreInputError } from './store-input-error.js';
import { checkDecisionId, checkIsoDate, checkPositiveInteger } from './store-input.js';
import { StoreNotFoundError } from './store-not-found-error.js';

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** The review queries over an opened, migrated driver. */
export function createReviewStore(driver: StoreDriver): ReviewStore {
  const db = driver.db;
  return {
    async queue(filter: QueueFilter = {}) {
      const state = filter.state ?? 'awaiting-approval';
      if (!isItemState(state)) throw new StoreInputError('STORE_INPUT_INVALID', 'queue', 'state is not an item state');
      const limit = checkPositiveInteger('queue', 'limit', filter.limit ?? 200, 10_000);
      const from = filter.receivedFrom === undefined ? undefined : `${checkIsoDate('queue', 'receivedFrom', filter.receivedFrom)}T00:00:00.000Z`;
      const to = filter.receivedTo === undefined ? undefined : `${nextDay(checkIsoDate('queue', 'receivedTo', filter.receivedTo))}T00:00:00.000Z`;
      // The current revision's items received in the date range; the facets are counted here, in one pass.
      const rows = await db
        .selectFrom('items')
        .innerJoin('decisions', (join) => join.onRef('decisions.decision_id', '=', 'items.decision_id').onRef('decisions.current_revision', '=', 'items.revision'))
        .innerJoin('revisions', (join) => join.onRef('revisions.decision_id', '=', 'items.decision_id').onRef('revisions.revision', '=', 'items.revision'))
        .select(['items.decision_id', 'items.revision', 'items.kind', 'items.state', 'decisions.office_id', 'revisions.author_id', 'revisions.received_at'])
        .$if(from !== undefined, (q) => q.where('revisions.received_at', '>=', from ?? ''))
        .$if(to !== undefined, (q) => q.where('revisions.received_at', '<', to ?? ''))
        .orderBy('revisions.received_at')
        .orderBy('items.decision_id')
        .orderBy('items.position')
        .execute();
      const byOffice: Record<string, number> = {};
      const byKind: Record<string, number> = {};
      const byState: Record<string, number> = {};
      const entries = new Map<string, QueueEntry & { kinds: string[]; items: number }>();
      let items = 0;
      for (const row of rows) {
        const office = filter.officeId === undefined || row.office_id === filter.officeId;
        const kind = filter.kind === undefined || row.kind === filter.kind;
        const inState = row.state === state;
        if (kind && inState) increment(byOffice, row.office_id);
        if (office && inState) increment(byKind, row.kind);
        if (office && kind) increment(byState, row.state);
        if (!(office && kind && inState)) continue;
        items += 1;
        let entry = entries.get(row.decision_id);
        if (entry === undefined) {
          entry = { decisionId: row.decision_id, revision: row.revision, officeId: row.office_id, authorId: row.author_id, receivedAt: row.received_at, kinds: [], items: 0 };
          entries.set(row.decision_id, entry);
        }
        entry.items += 1;
        if (!entry.kinds.includes(row.kind)) entry.kinds.push(row.kind);
      }
      const all = [...entries.values()].map((e) => ({ ...e, kinds: [...e.kinds].sort() }));
      return { entries: all.slice(0, limit), counts: { decisions: all.length, items, byOffice, byKind, byState } };
    },

    async decision(decisionIdInput) {
      const decisionId = checkDecisionId(decisionIdInput);
      return driver.read(async (trx) => {
        const decision = await trx.selectFrom('decisions').selectAll().where('decision_id', '=', decisionId).executeTakeFirst();
        if (decision === undefined) throw new StoreNotFoundError('DECISION_NOT_FOUND', decisionId);
        if (decision.purged_at !== null) throw new DecisionStateError('DECISION_PURGED', decisionId);
        const revision = await trx
          .selectFrom('revisions')
          .selectAll()
          .where('decision_id', '=', decisionId)
          .where('revision', '=', decision.current_revision)
          .executeTakeFirstOrThrow();
        const rows = await trx
          .selectFrom('items')
          .innerJoin('files', 'files.sha256', 'items.sha256')
          .selectAll('items')
          .select(['files.media_type', 'files.size'])
          .where('items.decision_id', '=', decisionId)
          .where('items.revision', '=', decision.current_revision)
          .orderBy('items.position')
          .execute();
        const items = rows.map(
          (row): ReviewItem => ({
            id: row.id,
            key: row.item_key,
            kind: row.kind,
            channel: channelOf(row),
            recipient: row.recipient,
            languages: languagesOf(row),
            sha256: row.sha256,
            mediaType: row.media_type,
            size: row.size,
            ...(row.page_count === null ? {} : { pageCount: row.page_count }),
            ...(row.message_id === null ? {} : { messageId: row.message_id }),
            state: itemStateOf(row),
            ...(row.approved_by === null ? {} : { approvedBy: row.approved_by }),
            ...(row.approved_at === null ? {} : { approvedAt: row.approved_at }),
          }),
        );
        return {
          decisionId,
          revision: revision.revision,
          officeId: revision.office_id,
          authorId: revision.author_id,
          receivedAt: revision.received_at,
          recordSha256: revision.record_sha256,
          approvalPolicy: revision.approval_policy,
          plan: JSON.parse(revision.plan_json) as unknown,
          ...(revision.rejected_by === null || revision.rejected_at === null
            ? {}
            : { rejection: { by: revision.rejected_by, at: revision.rejected_at, reason: revision.rejection_reason ?? '' } }),
          items,
          followUps: await loadFollowUps(trx, decisionId, decision.current_revision),
          audit: await readAudit(trx, decisionId),
        };
      });
    },

    async ping() {
      await sql`select 1`.execute(db);
    },
  };
}
