import { approveDecision } from './approve-decision.js';
import { isKnownTimeZone } from './calendar-day.js';
import { claimEmails, takePrintBatch } from './claim-items.js';
import { decisionAudit, decisionStatus } from './decision-status.js';
import { dueFollowUps } from './due-follow-ups.js';
import { fireFollowUp } from './fire-follow-up.js';
import { itemContent, pendingFileEntries } from './item-content.js';
import { migrateStore } from './migrate-store.js';
import type { StoreMigration } from './migrations/store-migration.js';
import { listItems, outboxCounts } from './outbox-queries.js';
import { purgeDecisions } from './purge-decisions.js';
import { confirmDeparture, recordTrpDecision } from './record-person-outcome.js';
import { rejectDecision } from './reject-decision.js';
import {
  cancelItem,
  markFiled,
  markPermanentFailure,
  markPrinted,
  markSent,
  markTechnicalFailure,
  markTemporaryFailure,
} from './report-delivery.js';
import type { StoreContext } from './store-context.js';
import type { StoreDriver } from './store-driver.js';
import { StoreConfigError } from './store-config-error.js';
import type { Store } from './store.js';
import { storedRecord } from './stored-record.js';
import { submitDecision } from './submit-decision.js';
import { sweepItems } from './sweep-items.js';

/** Where the store lives when no location is given (relative to the working folder). */
export const DEFAULT_SQLITE_PATH = './hcc-data/hcc.sqlite';

/** GOV.UK Notify gives up on a temporary failure after 72 hours; so do we, by default. */
export const DEFAULT_RETRY_WINDOW_MS = 72 * 60 * 60 * 1000;
/** The office calendar that decides when a follow-up's day is over, unless told otherwise. */
export const DEFAULT_TIME_ZONE = 'America/Toronto';

export interface OpenStoreOptions {
  /**
   * `postgres://…` or `postgresql://…` for PostgreSQL; otherwise a SQLite file path (default
   * `./hcc-data/hcc.sqlite`, its folder created) or `:memory:`.
   */
  readonly location?: string;
  /** The time recorded for migrations applied while opening. */
  readonly now: Date;
  /** PostgreSQL only: the schema holding the tables (default: the search_path's, normally `public`). */
  readonly schema?: string;
  readonly retryWindowMs?: number;
  readonly timeZone?: string;
  /** For tests of the migration machinery only: the migrations to apply instead of this release's. */
  readonly migrations?: readonly StoreMigration[];
}

/** True for a location that names a PostgreSQL database. */
export function isPostgresLocation(location: string): boolean {
  return /^postgres(?:ql)?:\/\//.test(location);
}

/**
 * Opens the store (SQLite or PostgreSQL by location), applies pending migrations, and returns
 * the store. Throws STORE_SCHEMA_TOO_NEW when the database was migrated by a newer release,
 * STORE_CONFIG_INVALID for bad options; either way the connection is closed again.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const { ctx, version } = await openStoreContext(options);
  return createStore(ctx, version);
}

/**
 * The opened, migrated driver with the store's settings, for a process that puts several
 * interfaces (the outbox store, the access store, the review queries) over one connection.
 * Throws as `openStore` does.
 */
export async function openStoreContext(options: OpenStoreOptions): Promise<{ readonly ctx: StoreContext; readonly version: number }> {
  const location = options.location ?? DEFAULT_SQLITE_PATH;
  const retryWindowMs = options.retryWindowMs ?? DEFAULT_RETRY_WINDOW_MS;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  if (!Number.isInteger(retryWindowMs) || retryWindowMs <= 0) throw new StoreConfigError('retryWindowMs is not a positive integer');
  if (!isKnownTimeZone(timeZone)) throw new StoreConfigError('timeZone is not a known IANA time zone');
  if (!(options.now instanceof Date) || Number.isNaN(options.now.getTime())) throw new StoreConfigError('now is not a valid Date');
  if (options.schema !== undefined && !isPostgresLocation(location)) throw new StoreConfigError('schema applies to PostgreSQL only');

  let driver: StoreDriver;
  try {
    // Each driver's library (a native addon for SQLite) is loaded only when that driver is used.
    if (isPostgresLocation(location)) {
      const { createPostgresDriver } = await import('./postgres-driver.js');
      driver = createPostgresDriver({ url: location, ...(options.schema === undefined ? {} : { schema: options.schema }) });
    } else {
      const { createSqliteDriver } = await import('./sqlite-driver.js');
      driver = createSqliteDriver(location);
    }
  } catch (error) {
    if (error instanceof StoreConfigError) throw error;
    // The location may hold a password: name the kind of failure only.
    throw new StoreConfigError('the database could not be opened', { cause: error });
  }
  try {
    const { version } = await migrateStore(driver, options.now, options.migrations);
    return { ctx: { driver, retryWindowMs, timeZone }, version };
  } catch (error) {
    await driver.close();
    throw error;
  }
}

/** The store over an opened, migrated driver. */
export function createStore(ctx: StoreContext, schemaVersion: number): Store {
  let closing: Promise<void> | undefined;
  return {
    dialect: ctx.driver.dialect,
    schemaVersion,
    submitDecision: (input, options) => submitDecision(ctx, input, options),
    approve: (decisionId, options) => approveDecision(ctx, decisionId, options),
    reject: (decisionId, options) => rejectDecision(ctx, decisionId, options),
    cancelItem: (itemId, options) => cancelItem(ctx, itemId, options),
    claimEmails: (options) => claimEmails(ctx, options),
    markSent: (itemId, report) => markSent(ctx, itemId, report),
    markTemporaryFailure: (itemId, report) => markTemporaryFailure(ctx, itemId, report),
    markPermanentFailure: (itemId, report) => markPermanentFailure(ctx, itemId, report),
    markTechnicalFailure: (itemId, report) => markTechnicalFailure(ctx, itemId, report),
    sweep: (options) => sweepItems(ctx, options),
    takePrintBatch: (options) => takePrintBatch(ctx, options),
    markPrinted: (itemId, report) => markPrinted(ctx, itemId, report),
    pendingFileEntries: (options) => pendingFileEntries(ctx, options),
    markFiled: (itemId, options) => markFiled(ctx, itemId, options),
    itemContent: (itemId) => itemContent(ctx, itemId),
    confirmDeparture: (decisionId, options) => confirmDeparture(ctx, decisionId, options),
    recordTrpDecision: (decisionId, options) => recordTrpDecision(ctx, decisionId, options),
    dueFollowUps: (now) => dueFollowUps(ctx, now),
    fireFollowUp: (followUpId, options) => fireFollowUp(ctx, followUpId, options),
    status: (decisionId) => decisionStatus(ctx, decisionId),
    outboxCounts: () => outboxCounts(ctx),
    listItems: (options) => listItems(ctx, options),
    audit: (decisionId) => decisionAudit(ctx, decisionId),
    storedRecord: (decisionId, revision) => storedRecord(ctx, decisionId, revision),
    purge: (options) => purgeDecisions(ctx, options),
    close: () => (closing ??= ctx.driver.close()),
  };
}
