import { describe } from 'vitest';
import { describeAccess } from './contract/access.js';
import { describeApproval } from './contract/approval.js';
import { describeDelivery } from './contract/delivery.js';
import { describeFollowUps } from './contract/follow-ups.js';
import { describeIntake } from './contract/intake.js';
import { describeMigrations } from './contract/migrations.js';
import { describeQueries } from './contract/queries.js';
import { describeReview } from './contract/review.js';
import { describeRetentionAndPrivacy } from './contract/retention-and-privacy.js';
import { describeStateMachine } from './contract/state-machine.js';
import type { OpenFreshStore } from './store-test-kit.js';

/**
 * The one contract every store driver must pass. `openFreshStore` makes an empty database each
 * time it is called; every test gets its own.
 */
export function describeStoreContract(name: string, openFreshStore: OpenFreshStore): void {
  describe(`store contract: ${name}`, () => {
    describeMigrations(openFreshStore);
    describeIntake(openFreshStore);
    describeApproval(openFreshStore);
    describeStateMachine(openFreshStore);
    describeDelivery(openFreshStore);
    describeFollowUps(openFreshStore);
    describeQueries(openFreshStore);
    describeRetentionAndPrivacy(openFreshStore);
    describeAccess(openFreshStore);
    describeReview(openFreshStore);
  });
}
