import { describe, expect, it } from 'vitest';
import { createReviewStore } from '../../../src/store/create-review-store.js';
import { at, HOUR, INTAKE, itemHashes, makeSubmission, OFFICE, OFFICER, PERSONAL, rejectsWithCode, SECOND_OFFICER, T0, type OpenFreshStore } from '../store-test-kit.js';
import { useStore } from './use-store.js';

const DAY = 24 * HOUR;

export function describeReview(openFreshStore: OpenFreshStore): void {
  describe('review queries', () => {
    const t = useStore(openFreshStore);

    async function seed() {
      await t.store.submitDecision(makeSubmission('HC-R-1'), { now: T0, actor: INTAKE });
      await t.store.submitDecision({ ...makeSubmission('HC-R-2', { emails: 2 }), officeId: 'TOR-02' }, { now: at(DAY), actor: INTAKE });
      const third = makeSubmission('HC-R-3');
      await t.store.submitDecision(third, { now: at(2 * DAY), actor: INTAKE });
      await t.store.approve('HC-R-3', { by: SECOND_OFFICER, sha256s: itemHashes(third), now: at(2 * DAY + 1) });
      return createReviewStore(await t.fixture.driver());
    }

    it('lists decisions awaiting approval, oldest first, with counts by office, kind and state', async () => {
      const review = await seed();
      const queue = await review.queue();
      expect(queue.entries).toEqual([
        { decisionId: 'HC-R-1', revision: 1, officeId: OFFICE, authorId: OFFICER, receivedAt: T0.toISOString(), kinds: ['client-email', 'file-update', 'refusal-letter'], items: 3 },
        { decisionId: 'HC-R-2', revision: 1, officeId: 'TOR-02', authorId: OFFICER, receivedAt: at(DAY).toISOString(), kinds: ['client-email', 'file-update', 'refusal-letter'], items: 4 },
      ]);
      expect(queue.counts).toEqual({
        decisions: 2,
        items: 7,
        byOffice: { [OFFICE]: 3, 'TOR-02': 4 },
        byKind: { 'client-email': 3, 'file-update': 2, 'refusal-letter': 2 },
        byState: { 'awaiting-approval': 7, approved: 3 },
      });
    });

    it('filters by office, kind, state and received day', async () => {
      const review = await seed();
      expect((await review.queue({ officeId: 'TOR-02' })).entries.map((e) => e.decisionId)).toEqual(['HC-R-2']);
      const letters = await review.queue({ kind: 'refusal-letter' });
      expect(letters.entries.map((e) => [e.decisionId, e.items])).toEqual([['HC-R-1', 1], ['HC-R-2', 1]]);
      expect(letters.counts.byKind).toEqual({ 'client-email': 3, 'file-update': 2, 'refusal-letter': 2 });
      expect((await review.queue({ state: 'approved' })).entries.map((e) => e.decisionId)).toEqual(['HC-R-3']);
      const day = T0.toISOString().slice(0, 10);
      expect((await review.queue({ receivedFrom: day, receivedTo: day })).entries.map((e) => e.decisionId)).toEqual(['HC-R-1']);
      expect((await review.queue({ receivedFrom: at(DAY).toISOString().slice(0, 10) })).entries.map((e) => e.decisionId)).toEqual(['HC-R-2']);
      expect((await review.queue({ officeId: 'NOWHERE' })).counts.decisions).toBe(0);
      await rejectsWithCode(review.queue({ receivedFrom: '2026-13-40' }), 'STORE_INPUT_INVALID');
      await rejectsWithCode(review.queue({ state: 'lost' as 'sent' }), 'STORE_INPUT_INVALID');
    });

    it('gives the decision page its plan and items with media types and sizes', async () => {
      const review = await seed();
      await t.store.reject('HC-R-1', { by: SECOND_OFFICER, reason: PERSONAL.reason, now: at(3 * DAY) });
      const page = await review.decision('HC-R-1');
      const submission = makeSubmission('HC-R-1');
      expect(page).toMatchObject({ decisionId: 'HC-R-1', revision: 1, officeId: OFFICE, authorId: OFFICER, approvalPolicy: 'officer', plan: submission.plan });
      expect(page.rejection).toEqual({ by: SECOND_OFFICER, at: at(3 * DAY).toISOString(), reason: PERSONAL.reason });
      expect(page.items.map((i) => [i.id, i.channel, i.mediaType, i.sha256, i.state])).toEqual(
        submission.items.map((item, n) => [`HC-R-1.r1.0${n + 1}`, item.channel, item.channel === 'email' ? 'message/rfc822' : 'application/pdf', item.fileSha256, 'rejected']),
      );
      expect(page.items.every((i) => i.size > 0)).toBe(true);
      await rejectsWithCode(review.decision('HC-NONE'), 'DECISION_NOT_FOUND');
      await expect(review.ping()).resolves.toBeUndefined();
    });

    it('gives the decision page the current revision’s follow-ups and the audit events, as status and audit give them', async () => {
      const review = await seed();
      await t.store.submitDecision(makeSubmission('HC-R-1', { variant: 2 }), { now: at(3 * DAY), actor: INTAKE });
      const page = await review.decision('HC-R-1');
      const status = await t.store.status('HC-R-1');
      expect(page.revision).toBe(2);
      expect(page.followUps.length).toBeGreaterThan(0);
      expect(page.followUps).toEqual(status.followUps.filter((f) => f.revision === 2));
      expect(page.audit).toEqual(await t.store.audit('HC-R-1'));
    });
  });
}
