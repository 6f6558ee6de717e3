import type { RenderedDecision } from '../render/rendered-decision.js';
import type { FileInput, ItemInput } from '../store/store.js';
import { itemsFromRendered } from './submission-from-rendered.js';

/**
 * The files and items of a follow-up's notice. Their keys start with the follow-up's own suffix
 * (`f2.email-01-…`), so they never collide with the decision's items in the same revision.
 */
export function followUpItems(followUpId: string, rendered: RenderedDecision): { files: FileInput[]; items: ItemInput[] } {
  const { files, items } = itemsFromRendered(rendered);
  const prefix = followUpId.slice(followUpId.lastIndexOf('.') + 1);
  return { files, items: items.map((item) => ({ ...item, key: `${prefix}.${item.key}` })) };
}
