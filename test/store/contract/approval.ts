import { describe, expect, it } from 'vitest';
import { HashMismatchError } from '../../../src/store/hash-mismatch-error.js';
import {
  at,
  HOUR,
  INTAKE,
  itemHashes,
  makeSubmission,
  OFFICER,
  PERSONAL,
  rejectsWithCode,
  rejectsWithError,
  SECOND_OFFICER,
  T0,
  WORKER,
  type OpenFreshStore,
} from '../store-test-kit.js';
import { useStore } from './use-store.js';

export function describeApproval(openFreshStore: OpenFreshStore): void {
  describe('approval of the exact bytes', () => {
    const t = useStore(openFreshStore);

    async function submit(id: string, approval?: 'auto') {
      const submission = makeSubmission(id);
      await t.store.submitDecision(submission, { now: T0, actor: INTAKE, ...(approval === undefined ? {} : { approval }) });
      return submission;
    }

    async function states(id: string): Promise<string[]> {
      return (await t.store.status(id)).items.map((i) => i.state);
    }

    it('approves every awaiting item when the hashes match one to one, and audits who and by which policy', async () => {
      const submission = await submit('HC-AP-1');
      const result = await t.store.approve('HC-AP-1', { by: OFFICER, sha256s: itemHashes(submission).reverse(), now: at(HOUR) });
      expect(result.approved.map((i) => [i.id, i.state])).toEqual([
        ['HC-AP-1.r1.01', 'approved'],
        ['HC-AP-1.r1.02', 'approved'],
        ['HC-AP-1.r1.03', 'approved'],
      ]);
      expect(await states('HC-AP-1')).toEqual(['approved', 'approved', 'approved']);
      const approvals = (await t.store.audit('HC-AP-1')).filter((e) => e.to === 'approved');
      expect(approvals).toHaveLength(3);
      expect(approvals.every((e) => e.actor === OFFICER && e.policy === 'officer' && e.from === 'awaiting-approval' && e.at === at(HOUR).toISOString())).toBe(true);
    });

    it('a hash that matches no awaiting item approves nothing', async () => {
      const submission = await submit('HC-AP-2');
      const extra = 'f'.repeat(64);
      const error = await rejectsWithError(t.store.approve('HC-AP-2', { by: OFFICER, sha256s: [...itemHashes(submission), extra], now: at(HOUR) }), HashMismatchError, 'HASH_MISMATCH');
      expect(error.unmatchedHashes).toEqual([extra]);
      expect(await states('HC-AP-2')).toEqual(['awaiting-approval', 'awaiting-approval', 'awaiting-approval']);
    });

    it('an awaiting item left unmatched approves nothing', async () => {
      const submission = await submit('HC-AP-3');
      const error = await rejectsWithError(t.store.approve('HC-AP-3', { by: OFFICER, sha256s: itemHashes(submission).slice(0, 2), now: at(HOUR) }), HashMismatchError, 'HASH_MISMATCH');
      expect(error.unmatchedItemIds).toEqual(['HC-AP-3.r1.03']);
      expect(await states('HC-AP-3')).toEqual(['awaiting-approval', 'awaiting-approval', 'awaiting-approval']);
    });

    it('the hashes an officer saw for an earlier revision do not approve the new one', async () => {
      const first = await submit('HC-AP-4');
      await t.store.submitDecision(makeSubmission('HC-AP-4', { variant: 2 }), { now: at(1), actor: INTAKE });
      await rejectsWithCode(t.store.approve('HC-AP-4', { by: OFFICER, sha256s: itemHashes(first), now: at(HOUR) }), 'HASH_MISMATCH');
    });

    it('re-hashes the stored bytes: bytes changed under their hash are refused', async () => {
      const submission = await submit('HC-AP-5');
      const sha = submission.items[1]?.fileSha256 ?? '';
      const tampered = t.fixture.dialect === 'sqlite' ? "X'00FF'" : "'\\x00ff'::bytea";
      await t.fixture.query(`update files set bytes = ${tampered} where sha256 = '${sha}'`);
      await rejectsWithCode(t.store.approve('HC-AP-5', { by: OFFICER, sha256s: itemHashes(submission), now: at(HOUR) }), 'STORED_BYTES_CORRUPT');
      await rejectsWithCode(t.store.itemContent('HC-AP-5.r1.02'), 'STORED_BYTES_CORRUPT');
      expect(await states('HC-AP-5')).toEqual(['awaiting-approval', 'awaiting-approval', 'awaiting-approval']);
    });

    it('two-person rule: the author may not approve; another officer may; without the rule the author may', async () => {
      const submission = await submit('HC-AP-6');
      await rejectsWithCode(
        t.store.approve('HC-AP-6', { by: OFFICER, sha256s: itemHashes(submission), now: at(HOUR), policy: { twoPerson: true } }),
        'APPROVER_IS_AUTHOR',
      );
      expect(await states('HC-AP-6')).toEqual(['awaiting-approval', 'awaiting-approval', 'awaiting-approval']);
      await t.store.approve('HC-AP-6', { by: SECOND_OFFICER, sha256s: itemHashes(submission), now: at(HOUR), policy: { twoPerson: true } });
      const approvals = (await t.store.audit('HC-AP-6')).filter((e) => e.to === 'approved');
      expect(approvals.map((e) => [e.actor, e.policy])).toEqual([
        [SECOND_OFFICER, 'two-person'],
        [SECOND_OFFICER, 'two-person'],
        [SECOND_OFFICER, 'two-person'],
      ]);

      const other = await submit('HC-AP-7');
      await t.store.approve('HC-AP-7', { by: OFFICER, sha256s: itemHashes(other), now: at(HOUR) });
      expect(await states('HC-AP-7')).toEqual(['approved', 'approved', 'approved']);
    });

    it('the auto policy approves at intake and says so in the audit log', async () => {
      await submit('HC-AP-8', 'auto');
      expect(await states('HC-AP-8')).toEqual(['approved', 'approved', 'approved']);
      const events = await t.store.audit('HC-AP-8');
      expect(events.find((e) => e.event === 'decision.received')?.policy).toBe('auto');
      const approvals = events.filter((e) => e.to === 'approved');
      expect(approvals.map((e) => [e.itemId, e.policy, e.actor])).toEqual([
        ['HC-AP-8.r1.01', 'auto', INTAKE],
        ['HC-AP-8.r1.02', 'auto', INTAKE],
        ['HC-AP-8.r1.03', 'auto', INTAKE],
      ]);
      const claimed = await t.store.claimEmails({ now: at(1), limit: 10, leaseMs: HOUR, worker: WORKER });
      expect(claimed.map((c) => c.id)).toEqual(['HC-AP-8.r1.01']);
      await rejectsWithCode(t.store.approve('HC-AP-8', { by: OFFICER, sha256s: [], now: at(2) }), 'NOTHING_AWAITING_APPROVAL');
    });

    it('rejection: awaiting items rejected, follow-ups cancelled, the reason kept out of the audit log', async () => {
      const submission = await submit('HC-AP-9');
      const result = await t.store.reject('HC-AP-9', { by: SECOND_OFFICER, reason: PERSONAL.reason, now: at(HOUR) });
      expect(result.rejected.map((i) => [i.id, i.state])).toEqual([
        ['HC-AP-9.r1.01', 'rejected'],
        ['HC-AP-9.r1.02', 'rejected'],
        ['HC-AP-9.r1.03', 'rejected'],
      ]);
      const status = await t.store.status('HC-AP-9');
      expect(status.followUps.map((f) => f.state)).toEqual(['cancelled', 'cancelled']);
      expect(await t.fixture.query("select rejected_by, rejection_reason from revisions where decision_id = 'HC-AP-9'")).toEqual([
        { rejected_by: SECOND_OFFICER, rejection_reason: PERSONAL.reason },
      ]);
      expect(JSON.stringify(await t.store.audit('HC-AP-9'))).not.toContain('misspelt');
      await rejectsWithCode(t.store.reject('HC-AP-9', { by: SECOND_OFFICER, reason: 'again', now: at(2 * HOUR) }), 'NOTHING_AWAITING_APPROVAL');
      await rejectsWithCode(t.store.approve('HC-AP-9', { by: SECOND_OFFICER, sha256s: itemHashes(submission), now: at(2 * HOUR) }), 'NOTHING_AWAITING_APPROVAL');
      // A corrected record is a new revision, awaiting approval again.
      const revised = await t.store.submitDecision(makeSubmission('HC-AP-9', { variant: 2 }), { now: at(3 * HOUR), actor: INTAKE });
      expect(revised.superseded).toEqual([]);
      expect(revised.items.map((i) => i.state)).toEqual(['awaiting-approval', 'awaiting-approval', 'awaiting-approval']);
    });

    it('unknown decisions are DECISION_NOT_FOUND', async () => {
      await rejectsWithCode(t.store.approve('HC-NOPE', { by: OFFICER, sha256s: [], now: T0 }), 'DECISION_NOT_FOUND');
      await rejectsWithCode(t.store.reject('HC-NOPE', { by: OFFICER, reason: 'x', now: T0 }), 'DECISION_NOT_FOUND');
    });
  });
}
