import type { Selectable } from 'kysely';
import type { DecisionsTable } from './store-database.js';
import type { StoreDb, StoreDriver } from './store-driver.js';
import { DecisionStateError } from './decision-state-error.js';
import { StoreNotFoundError } from './store-not-found-error.js';

/**
 * Reads a decision's row inside a write transaction and, on PostgreSQL, locks it, so that every
 * decision-level action (intake, approval, rejection, follow-ups) on one decision runs one at a
 * time. SQLite's IMMEDIATE transactions already run one at a time.
 * Throws DECISION_NOT_FOUND, and DECISION_PURGED unless `allowPurged`.
 */
export async function lockDecision(
  driver: StoreDriver,
  trx: StoreDb,
  decisionId: string,
  allowPurged = false,
): Promise<Selectable<DecisionsTable>> {
  const row = await trx
    .selectFrom('decisions')
    .selectAll()
    .where('decision_id', '=', decisionId)
    .$if(driver.rowLocks, (q) => q.forUpdate())
    .executeTakeFirst();
  if (row === undefined) throw new StoreNotFoundError('DECISION_NOT_FOUND', decisionId);
  if (row.purged_at !== null && !allowPurged) throw new DecisionStateError('DECISION_PURGED', decisionId);
  return row;
}
