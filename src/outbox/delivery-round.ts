import type { Store } from '../store/store.js';
import type { DeliveryLog } from './delivery-log.js';
import { addTally, drainDueEmails, emptyTally, type DeliveryTally, type DeliveryWorkerOptions } from './delivery-worker.js';
import { fileApprovedEntries } from './file-approved-entries.js';

/**
 * Queues the follow-ups that fell due (renders their notices and stores them as items), before the
 * round claims anything, so a notice approved automatically goes out in the same round. Returns
 * how many follow-ups fired.
 */
export type FireFollowUps = (now: Date) => Promise<number>;

export interface DeliveryRoundOptions {
  readonly store: Store;
  readonly clock: () => Date;
  /** Who the round acts as for the sweep's and the file entries' audit events. */
  readonly actor: string;
  readonly log: DeliveryLog;
  /** One drain loop per worker, run side by side. */
  readonly workers: readonly DeliveryWorkerOptions[];
  /** The follow-up step; absent, the round fires none. */
  readonly fireFollowUps?: FireFollowUps;
}

/** What one round did. */
export interface DeliveryRoundResult {
  /** Items the sweep moved to technical-failure (retry window over). */
  readonly swept: number;
  readonly followUpsFired: number;
  readonly filed: number;
  readonly emails: DeliveryTally;
}

/**
 * One round of `hcc deliver`: sweep the items whose retry window ran out, fire the due follow-ups,
 * file the approved file entries, then drain the due emails with every worker at once.
 */
export async function runDeliveryRound(options: DeliveryRoundOptions): Promise<DeliveryRoundResult> {
  const { store, clock, actor, log } = options;
  const { technicalFailures } = await store.sweep({ now: clock() });
  for (const change of technicalFailures) log.event('item.swept', { itemId: change.id, from: change.from, state: change.state, code: 'RETRY_WINDOW_EXPIRED' });
  const followUpsFired = options.fireFollowUps === undefined ? 0 : await options.fireFollowUps(clock());
  const filed = await fileApprovedEntries(store, { now: clock(), actor, log });
  // Every loop finishes (and reports what it sent) before a failure of one is thrown.
  const settled = await Promise.allSettled(options.workers.map((worker) => drainDueEmails(worker)));
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  const emails = settled.reduce((sum, s) => (s.status === 'fulfilled' ? addTally(sum, s.value) : sum), emptyTally());
  return { swept: technicalFailures.length, followUpsFired, filed, emails };
}
