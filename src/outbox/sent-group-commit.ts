import type { ItemChange, Store } from '../store/store.js';
import { LeaseLostError } from './lease-lost-error.js';

/** Records sent items in the store, many to a transaction. */
export interface SentGroupCommit {
  /** Resolves once the item is recorded as sent; rejects with LeaseLostError when another worker holds it now. */
  commit(itemId: string, smtpCode: number): Promise<ItemChange>;
}

interface Pending {
  readonly id: string;
  readonly smtpCode: number;
  resolve(change: ItemChange): void;
  reject(error: unknown): void;
}

/** The largest group in one transaction. */
const MAX_GROUP = 200;
/**
 * How long the first item of a group waits for others. SQLite's commit (a flush to disk, a few
 * milliseconds here) blocks the event loop, sends included: committing each item as it came back
 * held one worker to about 150 messages/s; grouping by 25 ms lets the flush cost be shared.
 */
export const GROUP_WINDOW_MS = 25;

/**
 * Group commit of sent items: the items that come back from the server within a short window (and
 * while a transaction runs) go together in the next transaction. A commit per message would hold
 * the worker to the disk's flush rate; grouping shares that cost. The window between the server's
 * 250 and the commit grows by the group window: a crash in it sends those messages again (same
 * Message-ID, same bytes).
 */
export function createSentGroupCommit(store: Store, worker: string, clock: () => Date, windowMs: number = GROUP_WINDOW_MS): SentGroupCommit {
  const queue: Pending[] = [];
  let running = false;

  async function flush(): Promise<void> {
    running = true;
    while (queue.length > 0) {
      const group = queue.splice(0, MAX_GROUP);
      try {
        const { changes, notHeld } = await store.markSentMany(
          group.map((p) => ({ id: p.id, smtpCode: p.smtpCode })),
          { worker, now: clock() },
        );
        const byId = new Map(changes.map((c) => [c.id, c]));
        const lost = new Set(notHeld);
        for (const p of group) {
          const change = byId.get(p.id);
          if (change !== undefined) p.resolve(change);
          else p.reject(new LeaseLostError(p.id, lost.has(p.id) ? 'LEASE_NOT_HELD' : 'ITEM_STATE_CONFLICT'));
        }
      } catch (error) {
        for (const p of group) p.reject(error);
      }
    }
    running = false;
  }

  return {
    commit(id, smtpCode) {
      return new Promise((resolve, reject) => {
        queue.push({ id, smtpCode, resolve, reject });
        // Started after the window, so the messages that come back meanwhile join the group.
        if (!running) {
          running = true;
          setTimeout(() => void flush(), windowMs);
        }
      });
    },
  };
}
