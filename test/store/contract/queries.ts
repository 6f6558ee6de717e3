import { describe, expect, it } from 'vitest';
import { ITEM_STATES } from '../../../src/store/item-state.js';
import {
  at,
  HOUR,
  INTAKE,
  itemHashes,
  makeSubmission,
  MINUTE,
  PERSONAL,
  rejectsWithCode,
  SECOND_OFFICER,
  T0,
  WORKER,
  type OpenFreshStore,
} from '../store-test-kit.js';
import { useStore } from './use-store.js';

export function describeQueries(openFreshStore: OpenFreshStore): void {
  describe('queries', () => {
    const t = useStore(openFreshStore);

    it('status has exactly the contract fields, JSON all the way down', async () => {
      const submission = makeSubmission('HC-Q-1');
      await t.store.submitDecision(submission, { now: T0, actor: INTAKE });
      await t.store.approve('HC-Q-1', { by: SECOND_OFFICER, sha256s: itemHashes(submission), now: at(1) });
      await t.store.claimEmails({ now: at(2), limit: 10, leaseMs: MINUTE, worker: WORKER });
      await t.store.markTemporaryFailure('HC-Q-1.r1.01', { worker: WORKER, now: at(3), nextAttemptAt: at(HOUR), code: 'SMTP_TEMPORARY', smtpCode: 421 });
      const status = await t.store.status('HC-Q-1');
      expect(JSON.parse(JSON.stringify(status))).toEqual(status);
      const email = submission.items[0];
      if (email?.channel !== 'email') throw new Error('first item is the email');
      expect(status).toEqual({
        decisionId: 'HC-Q-1',
        revision: 1,
        items: [
          {
            id: 'HC-Q-1.r1.01',
            revision: 1,
            key: 'email-01-client.fr',
            kind: 'client-email',
            channel: 'email',
            recipient: 'client',
            language: 'fr',
            languages: ['fr', 'en'],
            sha256: email.fileSha256,
            messageId: email.messageId,
            state: 'temporary-failure',
            attempts: 1,
            lastCode: 'SMTP_TEMPORARY',
            lastSmtpCode: 421,
          },
          {
            id: 'HC-Q-1.r1.02',
            revision: 1,
            key: '01-refusal-letter.client.fr',
            kind: 'refusal-letter',
            channel: 'mail',
            recipient: 'client',
            language: 'fr',
            languages: ['fr'],
            sha256: submission.items[1]?.fileSha256,
            state: 'approved',
            attempts: 0,
          },
          {
            id: 'HC-Q-1.r1.03',
            revision: 1,
            key: '03-file-update.file.fr',
            kind: 'file-update',
            channel: 'file',
            recipient: 'file',
            language: 'fr',
            languages: ['fr'],
            sha256: submission.items[2]?.fileSha256,
            state: 'approved',
            attempts: 0,
          },
        ],
        followUps: [
          {
            id: 'HC-Q-1.r1.f1',
            revision: 1,
            kind: 'departure-confirmation',
            dueOn: '2026-12-20',
            persons: [PERSONAL.uciA, PERSONAL.uciB],
            pendingPersons: [PERSONAL.uciA, PERSONAL.uciB],
            ifNotConfirmed: 'cbsa-no-status-notice',
            state: 'pending',
          },
          {
            id: 'HC-Q-1.r1.f2',
            revision: 1,
            kind: 'trp-decision',
            dueOn: '2027-01-15',
            persons: [PERSONAL.uciC],
            pendingPersons: [PERSONAL.uciC],
            ifNotConfirmed: 'departure-instructions',
            state: 'pending',
          },
        ],
      });
      await rejectsWithCode(t.store.status('HC-NOPE'), 'DECISION_NOT_FOUND');
      await rejectsWithCode(t.store.audit('HC-NOPE'), 'DECISION_NOT_FOUND');
    });

    it('outbox counts every state, and lists the items of a state oldest first', async () => {
      const empty = await t.store.outboxCounts();
      expect(Object.keys(empty).sort()).toEqual([...ITEM_STATES].sort());
      expect(Object.values(empty).every((n) => n === 0)).toBe(true);

      const first = makeSubmission('HC-Q-2');
      await t.store.submitDecision(first, { now: T0, actor: INTAKE });
      await t.store.submitDecision(makeSubmission('HC-Q-3', { emails: 2 }), { now: at(10 * MINUTE), actor: INTAKE });
      await t.store.approve('HC-Q-2', { by: SECOND_OFFICER, sha256s: itemHashes(first), now: at(20 * MINUTE) });
      await t.store.claimEmails({ now: at(30 * MINUTE), limit: 10, leaseMs: MINUTE, worker: WORKER });
      const counts = await t.store.outboxCounts();
      expect(counts).toMatchObject({ 'awaiting-approval': 4, approved: 2, sending: 1, sent: 0 });

      const awaiting = await t.store.listItems({ state: 'awaiting-approval' });
      expect(awaiting.map((e) => e.id)).toEqual(['HC-Q-3.r1.01', 'HC-Q-3.r1.02', 'HC-Q-3.r1.03', 'HC-Q-3.r1.04']);
      expect(awaiting[0]).toEqual({
        id: 'HC-Q-3.r1.01',
        decisionId: 'HC-Q-3',
        revision: 1,
        kind: 'client-email',
        channel: 'email',
        recipient: 'client',
        state: 'awaiting-approval',
        stateChangedAt: at(10 * MINUTE).toISOString(),
        attempts: 0,
      });
      expect((await t.store.listItems({ state: 'sending' }))[0]).toMatchObject({ id: 'HC-Q-2.r1.01', leaseOwner: WORKER, attempts: 1 });
      expect((await t.store.listItems({ state: 'approved', channel: 'file' })).map((e) => e.id)).toEqual(['HC-Q-2.r1.03']);
      // Items stuck in a state: awaiting approval since before a time.
      expect(await t.store.listItems({ state: 'awaiting-approval', changedBefore: at(10 * MINUTE) })).toEqual([]);
      expect(await t.store.listItems({ state: 'awaiting-approval', changedBefore: at(11 * MINUTE), limit: 1 })).toHaveLength(1);
    });

    it('the audit log lists a decision’s events in the order they happened', async () => {
      const submission = makeSubmission('HC-Q-4');
      await t.store.submitDecision(submission, { now: T0, actor: INTAKE });
      await t.store.approve('HC-Q-4', { by: SECOND_OFFICER, sha256s: itemHashes(submission), now: at(1) });
      await t.store.claimEmails({ now: at(2), limit: 10, leaseMs: MINUTE, worker: WORKER });
      await t.store.markSent('HC-Q-4.r1.01', { worker: WORKER, now: at(3), smtpCode: 250 });
      const events = await t.store.audit('HC-Q-4');
      expect(events.map((e) => [e.event, e.itemId ?? e.followUpId ?? null, e.from ?? null, e.to ?? null])).toEqual([
        ['decision.received', null, null, null],
        ['item.created', 'HC-Q-4.r1.01', null, 'awaiting-approval'],
        ['item.created', 'HC-Q-4.r1.02', null, 'awaiting-approval'],
        ['item.created', 'HC-Q-4.r1.03', null, 'awaiting-approval'],
        ['follow-up.created', 'HC-Q-4.r1.f1', null, 'pending'],
        ['follow-up.created', 'HC-Q-4.r1.f2', null, 'pending'],
        ['item.state-changed', 'HC-Q-4.r1.01', 'awaiting-approval', 'approved'],
        ['item.state-changed', 'HC-Q-4.r1.02', 'awaiting-approval', 'approved'],
        ['item.state-changed', 'HC-Q-4.r1.03', 'awaiting-approval', 'approved'],
        ['decision.approved', null, null, null],
        ['item.state-changed', 'HC-Q-4.r1.01', 'approved', 'sending'],
        ['item.state-changed', 'HC-Q-4.r1.01', 'sending', 'sent'],
      ]);
      const seqs = events.map((e) => e.seq);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(events[0]).toEqual({
        seq: seqs[0],
        at: T0.toISOString(),
        event: 'decision.received',
        decisionId: 'HC-Q-4',
        revision: 1,
        actor: INTAKE,
        code: 'CREATED',
        sha256: (await t.store.submitDecision(submission, { now: at(4), actor: INTAKE })).recordSha256,
        policy: 'officer',
      });
      expect(events.at(-1)).toMatchObject({ smtpCode: 250, actor: WORKER });
    });
  });
}
