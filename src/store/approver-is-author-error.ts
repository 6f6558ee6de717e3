import { HccError } from '../errors.js';

// Messages name ids, states and codes only: never a name, an address, an email, a UCI or a reason.

/** Two-person rule: the officer who wrote the decision may not approve its correspondence. */
export class ApproverIsAuthorError extends HccError {
  constructor(readonly decisionId: string) {
    super('APPROVER_IS_AUTHOR', `${decisionId}: the approver is the decision's author`);
    this.name = 'ApproverIsAuthorError';
  }
}
