import { HccError } from '../errors.js';

// Messages name ids, states and codes only: never a name, an address, an email, a UCI or a reason.

/** No decision, item or follow-up with that id. */
export class StoreNotFoundError extends HccError {
  constructor(code: 'DECISION_NOT_FOUND' | 'ITEM_NOT_FOUND' | 'FOLLOW_UP_NOT_FOUND', readonly id: string) {
    super(code, `${id}: ${code}`);
    this.name = 'StoreNotFoundError';
  }
}
