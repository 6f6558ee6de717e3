import { HccError } from '../errors.js';
import type { ItemState } from './item-state.js';

// Messages name ids, states and codes only: never a name, an address, an email, a UCI or a reason.

/** An item is not in a state from which the requested change is allowed. */
export class ItemStateConflictError extends HccError {
  constructor(readonly itemId: string, readonly from: ItemState, readonly to: ItemState) {
    super('ITEM_STATE_CONFLICT', `${itemId}: cannot go from ${from} to ${to}`);
    this.name = 'ItemStateConflictError';
  }
}
