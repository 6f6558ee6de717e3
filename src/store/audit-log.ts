import type { StoreDb } from './store-driver.js';

/** The kinds of event the audit log records. */
export const AUDIT_EVENTS = [
  'decision.received',
  'decision.approved',
  'decision.rejected',
  'decision.purged',
  'item.created',
  'item.state-changed',
  'follow-up.created',
  'follow-up.state-changed',
  'person.outcome-recorded',
] as const;
export type AuditEventName = (typeof AUDIT_EVENTS)[number];

/**
 * One audit event. Every field is an id, a state, a code, a count, a hash or a time: the type
 * has no place for a name, an address, an email, a UCI or a reason, and the store writes none.
 */
export interface AuditEvent {
  readonly seq: number;
  readonly at: string;
  readonly event: AuditEventName;
  readonly decisionId: string;
  readonly revision?: number;
  readonly itemId?: string;
  readonly followUpId?: string;
  readonly from?: string;
  readonly to?: string;
  readonly actor?: string;
  readonly code?: string;
  readonly smtpCode?: number;
  readonly attempts?: number;
  readonly sha256?: string;
  readonly policy?: string;
}

/** What a write adds to the log; `seq` is given by the database. */
export type AuditEntry = Omit<AuditEvent, 'seq' | 'at'> & { readonly at: Date };

function auditRow(entry: AuditEntry) {
  return {
    at: entry.at.toISOString(),
    event: entry.event,
    decision_id: entry.decisionId,
    revision: entry.revision ?? null,
    item_id: entry.itemId ?? null,
    follow_up_id: entry.followUpId ?? null,
    from_state: entry.from ?? null,
    to_state: entry.to ?? null,
    actor: entry.actor ?? null,
    code: entry.code ?? null,
    smtp_code: entry.smtpCode ?? null,
    attempts: entry.attempts ?? null,
    sha256: entry.sha256 ?? null,
    policy: entry.policy ?? null,
  };
}

/** Appends one event inside the caller's transaction. */
export async function appendAudit(trx: StoreDb, entry: AuditEntry): Promise<void> {
  await trx.insertInto('audit_events').values(auditRow(entry)).execute();
}

/** Rows per multi-row insert: 14 parameters each stays far below SQLite's and PostgreSQL's limits on bound parameters. */
const AUDIT_ROWS_PER_INSERT = 500;

/**
 * Appends several events inside the caller's transaction, in the order given (their `seq` follows
 * it), with one multi-row insert per 500 events instead of a round trip per event.
 */
export async function appendAuditMany(trx: StoreDb, entries: readonly AuditEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += AUDIT_ROWS_PER_INSERT) {
    await trx.insertInto('audit_events').values(entries.slice(start, start + AUDIT_ROWS_PER_INSERT).map(auditRow)).execute();
  }
}

/** The decision's events in the order they were written. */
export async function readAudit(db: StoreDb, decisionId: string): Promise<AuditEvent[]> {
  const rows = await db.selectFrom('audit_events').selectAll().where('decision_id', '=', decisionId).orderBy('seq').execute();
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    event: r.event as AuditEventName,
    decisionId: r.decision_id,
    ...(r.revision === null ? {} : { revision: r.revision }),
    ...(r.item_id === null ? {} : { itemId: r.item_id }),
    ...(r.follow_up_id === null ? {} : { followUpId: r.follow_up_id }),
    ...(r.from_state === null ? {} : { from: r.from_state }),
    ...(r.to_state === null ? {} : { to: r.to_state }),
    ...(r.actor === null ? {} : { actor: r.actor }),
    ...(r.code === null ? {} : { code: r.code }),
    ...(r.smtp_code === null ? {} : { smtpCode: r.smtp_code }),
    ...(r.attempts === null ? {} : { attempts: r.attempts }),
    ...(r.sha256 === null ? {} : { sha256: r.sha256 }),
    ...(r.policy === null ? {} : { policy: r.policy }),
  }));
}
