import { sha256Hex } from './canonical-json.js';
import type { StoreContext } from './store-context.js';
import type { FileEntry, ItemContent } from './store.js';
import { StoredBytesCorruptError } from './stored-bytes-corrupt-error.js';
import { StoreNotFoundError } from './store-not-found-error.js';
import { checkPositiveInteger } from './store-input.js';

/** `Store.itemContent`: the item's bytes, refused if they no longer hash to the recorded SHA-256. */
export async function itemContent(ctx: StoreContext, itemId: string): Promise<ItemContent> {
  const row = await ctx.driver.db
    .selectFrom('items')
    .innerJoin('files', 'files.sha256', 'items.sha256')
    .select(['items.id', 'items.sha256', 'files.media_type', 'files.bytes'])
    .where('items.id', '=', itemId)
    .executeTakeFirst();
  if (row === undefined) throw new StoreNotFoundError('ITEM_NOT_FOUND', itemId);
  if (sha256Hex(row.bytes) !== row.sha256) throw new StoredBytesCorruptError(row.id);
  return { id: row.id, sha256: row.sha256, mediaType: row.media_type, bytes: row.bytes };
}

/** `Store.pendingFileEntries`: approved file entries, oldest approval first, bytes checked. */
export async function pendingFileEntries(ctx: StoreContext, options: { readonly limit?: number } = {}): Promise<FileEntry[]> {
  const limit = checkPositiveInteger('file-entries', 'limit', options.limit ?? 100, 1000);
  const rows = await ctx.driver.db
    .selectFrom('items')
    .innerJoin('files', 'files.sha256', 'items.sha256')
    .select(['items.id', 'items.decision_id', 'items.revision', 'items.kind', 'items.sha256', 'files.media_type', 'files.bytes'])
    .where('items.channel', '=', 'file')
    .where('items.state', '=', 'approved')
    .orderBy('items.state_changed_at')
    .orderBy('items.id')
    .limit(limit)
    .execute();
  return rows.map((row) => {
    if (sha256Hex(row.bytes) !== row.sha256) throw new StoredBytesCorruptError(row.id);
    return { id: row.id, decisionId: row.decision_id, revision: row.revision, kind: row.kind, sha256: row.sha256, mediaType: row.media_type, bytes: row.bytes };
  });
}
