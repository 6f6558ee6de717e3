import { expressionBuilder } from 'kysely';
import { sha256Hex } from './canonical-json.js';
import { languagesOf } from './item-rows.js';
import { changeItemState, changeItemStates } from './item-transition.js';
import { claimOnPostgres, type ClaimedRow } from './postgres-claim.js';
import type { StoreContext } from './store-context.js';
import type { StoreDatabase } from './store-database.js';
import type { StoreDb } from './store-driver.js';
import type { ClaimedEmail, ClaimOptions, EmailEnvelope, ItemChannel, PrintJob } from './store.js';
import { checkId, checkPositiveInteger, checkTime } from './store-input.js';

const MAX_CLAIM = 1000;
const MAX_LEASE_MS = 24 * 60 * 60 * 1000;

/**
 * Moves due items of a channel to `sending` under a lease, in one write transaction, and returns
 * them with their bytes. Due: approved; temporary-failure whose next attempt has come; sending
 * whose lease ran out (its worker is presumed dead). Items past the retry window are left to
 * `sweep`. PostgreSQL skips rows another worker has locked, so no item is claimed twice; there the
 * claim is one statement (`claimOnPostgres`), and an item whose bytes no longer hash right is moved
 * to technical-failure in a transaction of its own.
 */
async function claimItems(ctx: StoreContext, channel: ItemChannel, options: ClaimOptions): Promise<ClaimedRow[]> {
  const worker = checkId('claim', 'worker', options.worker);
  const now = checkTime('claim', 'now', options.now);
  const limit = checkPositiveInteger('claim', 'limit', options.limit, MAX_CLAIM);
  const leaseMs = checkPositiveInteger('claim', 'leaseMs', options.leaseMs, MAX_LEASE_MS);
  const nowIso = now.toISOString();
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  const windowStart = new Date(now.getTime() - ctx.retryWindowMs).toISOString();
  const { driver } = ctx;

  if (driver.dialect === 'postgres') {
    const rows = await claimOnPostgres(driver.db, { channel, worker, limit, nowIso, leaseUntil, windowStart });
    const { intact, corrupt } = checkBytes(rows);
    if (corrupt.length > 0) await driver.write((trx) => failCorrupt(trx, corrupt, now, worker));
    return intact;
  }
  return driver.write(async (trx) => {
    const due = await trx
      .selectFrom('items')
      .select(['id', 'decision_id', 'revision', 'state', 'attempts', 'first_attempt_at'])
      .where('channel', '=', channel)
      .where((eb) =>
        eb.or([
          eb('state', '=', 'approved'),
          eb.and([eb('state', '=', 'temporary-failure'), eb('next_attempt_at', '<=', nowIso), eb('first_attempt_at', '>', windowStart)]),
          eb.and([eb('state', '=', 'sending'), eb('lease_until', '<=', nowIso), eb('first_attempt_at', '>', windowStart)]),
        ]),
      )
      .orderBy('state_changed_at')
      .orderBy('id')
      .limit(limit)
      .$if(driver.rowLocks, (q) => q.forUpdate().skipLocked())
      .execute();
    // One update and one multi-row audit insert for the whole claim: the rows are locked (or SQLite has one writer), so each attempt count is the one read plus one.
    const row = expressionBuilder<StoreDatabase, 'items'>();
    await changeItemStates(trx, due, 'sending', {
      now,
      actor: worker,
      attemptsOf: (item) => item.attempts + 1,
      set: {
        lease_owner: worker,
        lease_until: leaseUntil,
        attempts: row('attempts', '+', 1),
        first_attempt_at: row.fn.coalesce('first_attempt_at', row.val(nowIso)),
        next_attempt_at: null,
      },
    });
    const claimed = due.map((item) => item.id);
    return readClaimed(trx, claimed, now, worker);
  });
}

/** The claimed items with their bytes; an item whose bytes no longer hash right goes to technical-failure instead. */
async function readClaimed(trx: StoreDb, ids: readonly string[], now: Date, worker: string): Promise<ClaimedRow[]> {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('items')
    .innerJoin('files', 'files.sha256', 'items.sha256')
    .select([
      'items.id',
      'items.decision_id',
      'items.revision',
      'items.kind',
      'items.recipient',
      'items.languages',
      'items.sha256',
      'items.message_id',
      'items.envelope_json',
      'items.address_block_json',
      'items.page_count',
      'items.attempts',
      'items.first_attempt_at',
      'items.state',
      'files.media_type',
      'files.bytes',
    ])
    .where('items.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const inOrder = ids.flatMap((id) => byId.get(id) ?? []);
  const { intact, corrupt } = checkBytes(inOrder);
  await failCorrupt(trx, corrupt, now, worker);
  return intact;
}

/** Re-hashes each claimed item's bytes: those that still hash to the approved SHA-256, and those that do not. */
function checkBytes(rows: readonly ClaimedRow[]): { intact: ClaimedRow[]; corrupt: ClaimedRow[] } {
  const intact: ClaimedRow[] = [];
  const corrupt: ClaimedRow[] = [];
  for (const row of rows) (sha256Hex(row.bytes) === row.sha256 ? intact : corrupt).push(row);
  return { intact, corrupt };
}

/** Claimed items whose bytes no longer hash right: sending → technical-failure, never handed out. */
async function failCorrupt(trx: StoreDb, corrupt: readonly ClaimedRow[], now: Date, worker: string): Promise<void> {
  for (const row of corrupt) {
    await changeItemState(trx, row, 'technical-failure', {
      now,
      actor: worker,
      code: 'STORED_BYTES_CORRUPT',
      set: { lease_owner: null, lease_until: null, last_error_code: 'STORED_BYTES_CORRUPT' },
    });
  }
}

/** A column the item's channel always fills at intake; empty only if the database was altered by hand. */
function present<T>(value: T | null, row: ClaimedRow, column: string): T {
  if (value === null) throw new TypeError(`${row.id}: ${column} is missing in the database`);
  return value;
}

function claimedBase(row: ClaimedRow, leaseUntil: Date) {
  return {
    id: row.id,
    decisionId: row.decision_id,
    revision: row.revision,
    kind: row.kind,
    recipient: row.recipient,
    languages: languagesOf(row),
    sha256: row.sha256,
    mediaType: row.media_type,
    bytes: row.bytes,
    attempts: row.attempts,
    // Set by the claim that made the first attempt; the claim itself sets it when it was missing.
    firstAttemptAt: new Date(present(row.first_attempt_at, row, 'first_attempt_at')),
    leaseUntil,
  };
}

/** `Store.claimEmails`. */
export async function claimEmails(ctx: StoreContext, options: ClaimOptions): Promise<ClaimedEmail[]> {
  const rows = await claimItems(ctx, 'email', options);
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  return rows.map((row) => ({
    ...claimedBase(row, leaseUntil),
    messageId: present(row.message_id, row, 'message_id'),
    envelope: JSON.parse(present(row.envelope_json, row, 'envelope_json')) as EmailEnvelope,
  }));
}

/** `Store.takePrintBatch`. */
export async function takePrintBatch(ctx: StoreContext, options: ClaimOptions): Promise<PrintJob[]> {
  const rows = await claimItems(ctx, 'mail', options);
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  return rows.map((row) => ({
    ...claimedBase(row, leaseUntil),
    addressBlock: JSON.parse(present(row.address_block_json, row, 'address_block_json')) as string[],
    pageCount: present(row.page_count, row, 'page_count'),
  }));
}
