import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { postgresFixtures } from './store-fixtures.js';
import { at, HOUR, INTAKE, makeSubmission, OTHER_WORKER, T0, WORKER, type StoreFixture } from './store-test-kit.js';

// Slow: PostgreSQL at 127.0.0.1:5432, two stores (two connection pools) on one database.
const postgres = postgresFixtures();
beforeAll(() => postgres.setUp());
afterAll(() => postgres.tearDown());

describe('PostgreSQL: several workers on one database', () => {
  let fixture: StoreFixture;
  let first: Store;
  let second: Store;
  beforeEach(async () => {
    fixture = await postgres.fresh();
    first = await fixture.open();
    second = await fixture.open();
  });
  afterEach(() => fixture.dispose());

  /** Claims in batches until the store hands out nothing more; bounded so a bug cannot loop forever. */
  async function drain(store: Store, worker: string): Promise<string[]> {
    const ids: string[] = [];
    for (let round = 0; round < 1000; round += 1) {
      const batch = await store.claimEmails({ now: at(HOUR), limit: 5, leaseMs: HOUR, worker });
      if (batch.length === 0) return ids;
      ids.push(...batch.map((c) => c.id));
    }
    throw new Error('the claim loop did not end');
  }

  it('two workers claiming 500 emails at once never get the same one, and together get them all', async () => {
    for (let d = 0; d < 50; d += 1) {
      const id = `HC-CC-${String(d).padStart(3, '0')}`;
      await first.submitDecision(makeSubmission(id, { emails: 10 }), { now: T0, actor: INTAKE, approval: 'auto' });
    }
    const [a, b] = await Promise.all([drain(first, WORKER), drain(second, OTHER_WORKER)]);
    const all = [...a, ...b];
    expect(all).toHaveLength(500);
    expect(new Set(all).size).toBe(500);
    // Both really worked at the same time: neither drained the queue alone.
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    const rows = await fixture.query("select id, lease_owner, attempts from items where channel = 'email'");
    const owner = new Map(rows.map((r) => [r.id, r.lease_owner]));
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    expect(a.every((id) => owner.get(id) === WORKER)).toBe(true);
    expect(b.every((id) => owner.get(id) === OTHER_WORKER)).toBe(true);
  });

  it('the same new decision submitted twice at once is stored once', async () => {
    const submission = makeSubmission('HC-CC-TWICE');
    const results = await Promise.all([
      first.submitDecision(submission, { now: T0, actor: INTAKE }),
      second.submitDecision(submission, { now: T0, actor: INTAKE }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['created', 'unchanged']);
    expect(await fixture.query("select count(*) as n from revisions where decision_id = 'HC-CC-TWICE'")).toEqual([{ n: 1 }]);
  });

  it('two different revisions submitted at once become revisions 2 and 3, each superseding what came before', async () => {
    await first.submitDecision(makeSubmission('HC-CC-REV'), { now: T0, actor: INTAKE });
    const results = await Promise.all([
      first.submitDecision(makeSubmission('HC-CC-REV', { variant: 2 }), { now: at(1), actor: INTAKE }),
      second.submitDecision(makeSubmission('HC-CC-REV', { variant: 3 }), { now: at(1), actor: INTAKE }),
    ]);
    expect(results.map((r) => r.revision).sort()).toEqual([2, 3]);
    const status = await first.status('HC-CC-REV');
    expect(status.revision).toBe(3);
    expect(status.items.filter((i) => i.state === 'awaiting-approval').map((i) => i.revision)).toEqual([3, 3, 3]);
  });
});
