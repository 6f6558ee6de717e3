import { HccError } from '../errors.js';
import type { Store } from '../store/store.js';
import type { DeliveryLog } from './delivery-log.js';

const PAGE = 200;

/**
 * Marks every approved file entry (the file-update PDF) as filed: its bytes are already in the
 * store, which is the file. An entry another worker filed meanwhile is skipped. Returns how many
 * this call filed.
 */
export async function fileApprovedEntries(store: Store, options: { readonly now: Date; readonly actor: string; readonly log: DeliveryLog }): Promise<number> {
  let filed = 0;
  for (;;) {
    const entries = await store.pendingFileEntries({ limit: PAGE });
    let progressed = false;
    for (const entry of entries) {
      try {
        await store.markFiled(entry.id, { by: options.actor, now: options.now });
      } catch (error) {
        if (error instanceof HccError && error.code === 'ITEM_STATE_CONFLICT') continue;
        throw error;
      }
      filed += 1;
      progressed = true;
      options.log.event('item.filed', { itemId: entry.id, decisionId: entry.decisionId, state: 'filed' });
    }
    if (entries.length < PAGE || !progressed) return filed;
  }
}
