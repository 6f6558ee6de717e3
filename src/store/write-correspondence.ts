import { appendAudit } from './audit-log.js';
import { changeFollowUpState } from './follow-up-transition.js';
import { loadFollowUps } from './follow-up-rows.js';
import { followUpId, itemId, summarizeItem } from './item-rows.js';
import { changeItemState } from './item-transition.js';
import type { ApprovalPolicy, ItemSummary } from './store.js';
import type { StoreDb } from './store-driver.js';
import type { PreparedFile, PreparedFollowUp, PreparedItem } from './store-input.js';

/** Stores each file once by hash and links it to the revision. */
export async function storeFiles(
  trx: StoreDb,
  decisionId: string,
  revision: number,
  files: ReadonlyMap<string, PreparedFile>,
  now: Date,
): Promise<void> {
  for (const file of files.values()) {
    await trx
      .insertInto('files')
      .values({ sha256: file.sha256, media_type: file.mediaType, size: file.bytes.byteLength, bytes: file.bytes, stored_at: now.toISOString() })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    await trx
      .insertInto('revision_files')
      .values({ decision_id: decisionId, revision, sha256: file.sha256 })
      .onConflict((oc) => oc.columns(['decision_id', 'revision', 'sha256']).doNothing())
      .execute();
  }
}

export interface InsertItemsArgs {
  readonly decisionId: string;
  readonly revision: number;
  /** Position of the first item (1 for a new revision, after the last for a follow-up's notice). */
  readonly firstPosition: number;
  readonly items: readonly PreparedItem[];
  readonly now: Date;
  readonly actor: string;
  readonly approval: ApprovalPolicy;
}

/** Inserts items awaiting approval; under the `auto` policy approves them at once (audited as such). */
export async function insertItems(trx: StoreDb, args: InsertItemsArgs): Promise<ItemSummary[]> {
  const summaries: ItemSummary[] = [];
  const now = args.now.toISOString();
  for (const [i, item] of args.items.entries()) {
    const position = args.firstPosition + i;
    const row = {
      id: itemId(args.decisionId, args.revision, position),
      decision_id: args.decisionId,
      revision: args.revision,
      position,
      item_key: item.key,
      kind: item.kind,
      channel: item.channel,
      recipient: item.recipient,
      languages: item.languages,
      sha256: item.sha256,
      message_id: item.messageId,
      envelope_json: item.envelopeJson,
      address_block_json: item.addressBlockJson,
      page_count: item.pageCount,
      state: 'awaiting-approval',
      state_changed_at: now,
      attempts: 0,
    };
    await trx.insertInto('items').values(row).execute();
    await appendAudit(trx, {
      at: args.now,
      event: 'item.created',
      decisionId: args.decisionId,
      revision: args.revision,
      itemId: row.id,
      to: row.state,
      actor: args.actor,
      sha256: item.sha256,
    });
    if (args.approval === 'auto') {
      await changeItemState(trx, row, 'approved', {
        now: args.now,
        actor: args.actor,
        policy: 'auto',
        set: { approved_by: args.actor, approved_at: now },
      });
      summaries.push(summarizeItem({ ...row, state: 'approved' }));
    } else {
      summaries.push(summarizeItem(row));
    }
  }
  return summaries;
}

/** Inserts follow-ups as pending and resolves at once those whose persons' facts are already recorded. */
export async function insertFollowUps(
  trx: StoreDb,
  args: {
    readonly decisionId: string;
    readonly revision: number;
    readonly followUps: readonly PreparedFollowUp[];
    readonly now: Date;
    readonly actor: string;
    /** The first one's position in the revision (a fired follow-up's notice adds after the others). */
    readonly firstPosition?: number;
  },
): Promise<void> {
  const first = args.firstPosition ?? 1;
  for (const [i, followUp] of args.followUps.entries()) {
    const row = {
      id: followUpId(args.decisionId, args.revision, first + i),
      decision_id: args.decisionId,
      revision: args.revision,
      position: first + i,
      kind: followUp.kind,
      due_on: followUp.dueOn,
      if_not_confirmed: followUp.ifNotConfirmed,
      state: 'pending',
      state_changed_at: args.now.toISOString(),
    };
    await trx.insertInto('follow_ups').values(row).execute();
    await trx
      .insertInto('follow_up_persons')
      .values(followUp.persons.map((uci, j) => ({ follow_up_id: row.id, position: j + 1, uci })))
      .execute();
    await appendAudit(trx, {
      at: args.now,
      event: 'follow-up.created',
      decisionId: args.decisionId,
      revision: args.revision,
      followUpId: row.id,
      to: row.state,
      actor: args.actor,
    });
  }
  await resolveFollowUps(trx, args.decisionId, args.revision, args.now, args.actor);
}

/** Moves the revision's pending follow-ups whose every person is resolved to `resolved`. */
export async function resolveFollowUps(trx: StoreDb, decisionId: string, revision: number, now: Date, actor: string): Promise<void> {
  for (const followUp of await loadFollowUps(trx, decisionId, revision)) {
    if (followUp.state === 'pending' && followUp.pendingPersons.length === 0) {
      await changeFollowUpState(trx, { id: followUp.id, decision_id: decisionId, revision, state: followUp.state }, 'resolved', { now, actor });
    }
  }
}
