import type { Selectable } from 'kysely';
import { channelOf } from './item-rows.js';
import type { ItemState } from './item-state.js';
import { changeItemState, changeItemStates, type ItemStateChange } from './item-transition.js';
import type { StoreContext } from './store-context.js';
import type { ItemsTable } from './store-database.js';
import type { StoreDb } from './store-driver.js';
import type { FailureReport, ItemChange, ItemChannel, OfficerAction, SentItemReport, SentManyResult, TemporaryFailureReport, WorkerReport } from './store.js';
import { LeaseNotHeldError } from './lease-not-held-error.js';
import { markSentManyOnPostgres } from './postgres-sent-many.js';
import { StoreInputError } from './store-input-error.js';
import { StoreNotFoundError } from './store-not-found-error.js';
import { checkCode, checkId, checkSmtpCode, checkTime } from './store-input.js';

type ItemRow = Selectable<ItemsTable>;

/** Reads and (on PostgreSQL) locks one item inside a write transaction, then applies `fn`. */
async function withItem<T>(ctx: StoreContext, itemId: string, fn: (trx: StoreDb, item: ItemRow) => Promise<T>): Promise<T> {
  if (itemId === '') throw new StoreNotFoundError('ITEM_NOT_FOUND', itemId);
  const { driver } = ctx;
  return driver.write(async (trx) => {
    const item = await trx
      .selectFrom('items')
      .selectAll()
      .where('id', '=', itemId)
      .$if(driver.rowLocks, (q) => q.forUpdate())
      .executeTakeFirst();
    if (item === undefined) throw new StoreNotFoundError('ITEM_NOT_FOUND', itemId);
    return fn(trx, item);
  });
}

function requireChannel(item: ItemRow, channel: ItemChannel): void {
  if (channelOf(item) !== channel) throw new StoreInputError('ITEM_CHANNEL_MISMATCH', item.id, `the item goes by ${item.channel}, not ${channel}`);
}

/** A worker may report only on an item it holds the lease of (an expired lease still counts until another worker takes it). */
function requireLease(item: ItemRow, worker: string): void {
  if (item.state === 'sending' && item.lease_owner !== worker) throw new LeaseNotHeldError(item.id);
}

const RELEASE = { lease_owner: null, lease_until: null } as const;

async function workerChange(
  ctx: StoreContext,
  itemId: string,
  report: WorkerReport,
  to: ItemState,
  build: (item: ItemRow, now: Date) => { readonly to?: ItemState; readonly change: Omit<ItemStateChange, 'now' | 'actor'> },
  channel?: ItemChannel,
): Promise<ItemChange> {
  const worker = checkId(itemId, 'worker', report.worker);
  const now = checkTime(itemId, 'now', report.now);
  return withItem(ctx, itemId, async (trx, item) => {
    if (channel !== undefined) requireChannel(item, channel);
    requireLease(item, worker);
    const built = build(item, now);
    const target = built.to ?? to;
    const from = await changeItemState(trx, item, target, { ...built.change, now, actor: worker });
    return { id: item.id, from, state: target };
  });
}

/** `Store.markSent`: sending → sent. */
export async function markSent(ctx: StoreContext, itemId: string, report: WorkerReport & { readonly smtpCode?: number }): Promise<ItemChange> {
  const smtpCode = checkSmtpCode(itemId, report.smtpCode);
  return workerChange(
    ctx,
    itemId,
    report,
    'sent',
    () => ({ change: { ...(smtpCode === undefined ? {} : { smtpCode }), set: { ...RELEASE, last_smtp_code: smtpCode ?? null } } }),
    'email',
  );
}

/**
 * `Store.markSentMany`: several items sending → sent in one write transaction (a worker's group
 * commit; on PostgreSQL one statement, `markSentManyOnPostgres`). An item that is no longer `sending` under this worker's lease (taken over, swept) is
 * left as it is and listed in `notHeld`; an unknown id or an item of another channel throws and
 * nothing changes.
 */
export async function markSentMany(
  ctx: StoreContext,
  items: readonly SentItemReport[],
  report: WorkerReport,
): Promise<SentManyResult> {
  const worker = checkId('markSentMany', 'worker', report.worker);
  const now = checkTime('markSentMany', 'now', report.now);
  const codes = new Map(items.map((i) => [i.id, checkSmtpCode(i.id, i.smtpCode)]));
  if (codes.size === 0) return { changes: [], notHeld: [] };
  const { driver } = ctx;
  if (driver.dialect === 'postgres') return markSentManyOnPostgres(driver.db, codes, worker, now);
  return driver.write(async (trx) => {
    const rows = await trx
      .selectFrom('items')
      .selectAll()
      .where('id', 'in', [...codes.keys()])
      .orderBy('id')
      .$if(driver.rowLocks, (q) => q.forUpdate())
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const held = new Map<number | undefined, ItemRow[]>();
    const notHeld: string[] = [];
    for (const [id, smtpCode] of codes) {
      const item = byId.get(id);
      if (item === undefined) throw new StoreNotFoundError('ITEM_NOT_FOUND', id);
      requireChannel(item, 'email');
      if (item.state !== 'sending' || item.lease_owner !== worker) {
        notHeld.push(id);
        continue;
      }
      const group = held.get(smtpCode);
      if (group === undefined) held.set(smtpCode, [item]);
      else group.push(item);
    }
    // One update and one multi-row audit insert per SMTP code (nearly always one: 250).
    for (const [smtpCode, group] of held) {
      await changeItemStates(trx, group, 'sent', {
        now,
        actor: worker,
        ...(smtpCode === undefined ? {} : { smtpCode }),
        set: { ...RELEASE, last_smtp_code: smtpCode ?? null },
      });
    }
    const lost = new Set(notHeld);
    const changes: ItemChange[] = [...codes.keys()].filter((id) => !lost.has(id)).map((id) => ({ id, from: 'sending', state: 'sent' }));
    return { changes, notHeld };
  });
}

/**
 * `Store.markTemporaryFailure`: sending → temporary-failure with the next attempt, or → technical-failure
 * when that attempt would fall outside the retry window counted from the first attempt.
 */
export async function markTemporaryFailure(ctx: StoreContext, itemId: string, report: TemporaryFailureReport): Promise<ItemChange> {
  const code = checkCode(itemId, 'code', report.code);
  const smtpCode = checkSmtpCode(itemId, report.smtpCode);
  const nextAttemptAt = checkTime(itemId, 'nextAttemptAt', report.nextAttemptAt);
  return workerChange(ctx, itemId, report, 'temporary-failure', (item, now) => {
    const firstAttempt = item.first_attempt_at === null ? now.getTime() : Date.parse(item.first_attempt_at);
    const outOfWindow = nextAttemptAt.getTime() >= firstAttempt + ctx.retryWindowMs;
    const codes = { code, ...(smtpCode === undefined ? {} : { smtpCode }) };
    const set = { ...RELEASE, last_error_code: code, last_smtp_code: smtpCode ?? null };
    return outOfWindow
      ? { to: 'technical-failure', change: { ...codes, set: { ...set, next_attempt_at: null } } }
      : { change: { ...codes, set: { ...set, next_attempt_at: nextAttemptAt.toISOString() } } };
  });
}

/** `Store.markPermanentFailure`: sending → permanent-failure (the recipient will never get it this way). */
export async function markPermanentFailure(ctx: StoreContext, itemId: string, report: FailureReport): Promise<ItemChange> {
  const code = checkCode(itemId, 'code', report.code);
  const smtpCode = checkSmtpCode(itemId, report.smtpCode);
  return workerChange(ctx, itemId, report, 'permanent-failure', () => ({
    change: { code, ...(smtpCode === undefined ? {} : { smtpCode }), set: { ...RELEASE, last_error_code: code, last_smtp_code: smtpCode ?? null } },
  }));
}

/** `Store.markTechnicalFailure`: sending → technical-failure (our side failed; an officer decides what next). */
export async function markTechnicalFailure(ctx: StoreContext, itemId: string, report: FailureReport): Promise<ItemChange> {
  const code = checkCode(itemId, 'code', report.code);
  const smtpCode = checkSmtpCode(itemId, report.smtpCode);
  return workerChange(ctx, itemId, report, 'technical-failure', () => ({
    change: { code, ...(smtpCode === undefined ? {} : { smtpCode }), set: { ...RELEASE, last_error_code: code, last_smtp_code: smtpCode ?? null } },
  }));
}

/** `Store.markPrinted`: a letter's sending → printed. */
export async function markPrinted(ctx: StoreContext, itemId: string, report: WorkerReport): Promise<ItemChange> {
  return workerChange(ctx, itemId, report, 'printed', () => ({ change: { set: RELEASE } }), 'mail');
}

async function officerChange(
  ctx: StoreContext,
  itemId: string,
  action: OfficerAction,
  to: ItemState,
  channel?: ItemChannel,
): Promise<ItemChange> {
  const by = checkId(itemId, 'by', action.by);
  const now = checkTime(itemId, 'now', action.now);
  return withItem(ctx, itemId, async (trx, item) => {
    if (channel !== undefined) requireChannel(item, channel);
    const from = await changeItemState(trx, item, to, { now, actor: by, set: { next_attempt_at: null } });
    return { id: item.id, from, state: to };
  });
}

/** `Store.markFiled`: an approved file entry → filed. */
export async function markFiled(ctx: StoreContext, itemId: string, action: OfficerAction): Promise<ItemChange> {
  return officerChange(ctx, itemId, action, 'filed', 'file');
}

/** `Store.cancelItem`: an unsent item → cancelled. */
export async function cancelItem(ctx: StoreContext, itemId: string, action: OfficerAction): Promise<ItemChange> {
  return officerChange(ctx, itemId, action, 'cancelled');
}
