import { HccError } from '../errors.js';

// Messages name ids, states and codes only: never a name, an address, an email, a UCI or a reason.

/** A decision-level action that does not fit the decision as it stands. */
export class DecisionStateError extends HccError {
  constructor(
    code: 'NOTHING_AWAITING_APPROVAL' | 'DECISION_PURGED' | 'PERSON_OUTCOME_CONFLICT' | 'FOLLOW_UP_NOT_DUE',
    readonly decisionId: string,
  ) {
    super(code, `${decisionId}: ${code}`);
    this.name = 'DecisionStateError';
  }
}
