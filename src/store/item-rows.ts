import type { Selectable } from 'kysely';
import type { Language } from '../decision/decision-schema.js';
import type { ItemsTable } from './store-database.js';
import { itemStateOf } from './item-transition.js';
import type { ItemChannel, ItemSummary } from './store.js';

/** The item's languages, first first (never empty: intake requires one). */
export function languagesOf(row: Pick<Selectable<ItemsTable>, 'languages'>): [Language, ...Language[]] {
  const [first, ...rest] = row.languages.split(',') as Language[];
  if (first === undefined) throw new TypeError('an item without a language in the database');
  return [first, ...rest];
}

export function channelOf(row: Pick<Selectable<ItemsTable>, 'channel'>): ItemChannel {
  return row.channel as ItemChannel;
}

/** An item as results name it. */
export function summarizeItem(
  row: Pick<Selectable<ItemsTable>, 'id' | 'decision_id' | 'revision' | 'item_key' | 'kind' | 'channel' | 'state'>,
): ItemSummary {
  return { id: row.id, revision: row.revision, key: row.item_key, kind: row.kind, channel: channelOf(row), state: itemStateOf(row) };
}

/** Item ids derive from the decision, the revision and the position: `HC-2026-000101.r2.03`. */
export function itemId(decisionId: string, revision: number, position: number): string {
  return `${decisionId}.r${revision}.${String(position).padStart(2, '0')}`;
}

/** Follow-up ids derive the same way: `HC-2026-000101.r2.f1`. */
export function followUpId(decisionId: string, revision: number, position: number): string {
  return `${decisionId}.r${revision}.f${position}`;
}
