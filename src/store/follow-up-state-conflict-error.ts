import { HccError } from '../errors.js';
import type { FollowUpState } from './follow-up-state.js';

// Messages name ids, states and codes only: never a name, an address, an email, a UCI or a reason.

/** A follow-up is not in a state from which the requested change is allowed. */
export class FollowUpStateConflictError extends HccError {
  constructor(readonly followUpId: string, readonly from: FollowUpState, readonly to: FollowUpState) {
    super('FOLLOW_UP_STATE_CONFLICT', `${followUpId}: cannot go from ${from} to ${to}`);
    this.name = 'FollowUpStateConflictError';
  }
}
