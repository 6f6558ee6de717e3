import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalSha256 } from '../../../src/store/canonical-json.js';
import type { DecisionSubmission } from '../../../src/store/store.js';
import {
  at,
  HOUR,
  INTAKE,
  itemHashes,
  makeSubmission,
  OFFICER,
  rejectsWithCode,
  SECOND_OFFICER,
  T0,
  WORKER,
  type OpenFreshStore,
} from '../store-test-kit.js';
import { useStore } from './use-store.js';

/** The same object with its keys in reverse order, recursively. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)]));
  }
  return value;
}

export function describeIntake(openFreshStore: OpenFreshStore): void {
  describe('intake', () => {
    const t = useStore(openFreshStore);

    it('stores a new decision: revision 1, items awaiting approval with ids from decision, revision and position', async () => {
      const submission = makeSubmission('HC-IN-1');
      const result = await t.store.submitDecision(submission, { now: T0, actor: INTAKE });
      expect(result).toEqual({
        status: 'created',
        decisionId: 'HC-IN-1',
        revision: 1,
        recordSha256: canonicalSha256(submission.record),
        items: [
          { id: 'HC-IN-1.r1.01', revision: 1, key: 'email-01-client.fr', kind: 'client-email', channel: 'email', state: 'awaiting-approval' },
          { id: 'HC-IN-1.r1.02', revision: 1, key: '01-refusal-letter.client.fr', kind: 'refusal-letter', channel: 'mail', state: 'awaiting-approval' },
          { id: 'HC-IN-1.r1.03', revision: 1, key: '03-file-update.file.fr', kind: 'file-update', channel: 'file', state: 'awaiting-approval' },
        ],
        superseded: [],
        kept: [],
      });
      const stored = await t.fixture.query("select record_json, record_sha256, author_id from revisions where decision_id = 'HC-IN-1'");
      expect(stored).toEqual([{ record_json: canonicalJson(submission.record), record_sha256: result.recordSha256, author_id: OFFICER }]);
      const content = await t.store.itemContent('HC-IN-1.r1.02');
      expect(Buffer.from(content.bytes).equals(Buffer.from(submission.files[1]?.bytes ?? []))).toBe(true);
      expect(content.mediaType).toBe('application/pdf');
    });

    it('the same canonical record again is unchanged: nothing is written', async () => {
      const submission = makeSubmission('HC-IN-2');
      await t.store.submitDecision(submission, { now: T0, actor: INTAKE });
      const eventsBefore = await t.store.audit('HC-IN-2');
      const again: DecisionSubmission = { ...submission, record: reversedKeys(submission.record) };
      const result = await t.store.submitDecision(again, { now: at(HOUR), actor: INTAKE });
      expect(result.status).toBe('unchanged');
      expect(result.revision).toBe(1);
      expect(result.items.map((i) => i.state)).toEqual(['awaiting-approval', 'awaiting-approval', 'awaiting-approval']);
      expect(await t.store.audit('HC-IN-2')).toEqual(eventsBefore);
      expect(await t.fixture.query("select count(*) as n from revisions where decision_id = 'HC-IN-2'")).toEqual([{ n: 1 }]);
    });

    it('a changed record is a new revision that supersedes the unsent items', async () => {
      await t.store.submitDecision(makeSubmission('HC-IN-3'), { now: T0, actor: INTAKE });
      const result = await t.store.submitDecision(makeSubmission('HC-IN-3', { variant: 2 }), { now: at(HOUR), actor: INTAKE });
      expect(result.status).toBe('revised');
      expect(result.revision).toBe(2);
      expect(result.superseded.map((i) => [i.id, i.state])).toEqual([
        ['HC-IN-3.r1.01', 'superseded'],
        ['HC-IN-3.r1.02', 'superseded'],
        ['HC-IN-3.r1.03', 'superseded'],
      ]);
      expect(result.kept).toEqual([]);
      expect(result.items.map((i) => [i.id, i.state])).toEqual([
        ['HC-IN-3.r2.01', 'awaiting-approval'],
        ['HC-IN-3.r2.02', 'awaiting-approval'],
        ['HC-IN-3.r2.03', 'awaiting-approval'],
      ]);
      const status = await t.store.status('HC-IN-3');
      expect(status.revision).toBe(2);
      expect(status.followUps.map((f) => [f.id, f.state])).toEqual([
        ['HC-IN-3.r1.f1', 'superseded'],
        ['HC-IN-3.r1.f2', 'superseded'],
        ['HC-IN-3.r2.f1', 'pending'],
        ['HC-IN-3.r2.f2', 'pending'],
      ]);
    });

    it('items already sent, printed or filed stay as they are and are never queued again by a revision', async () => {
      const first = makeSubmission('HC-IN-4');
      await t.store.submitDecision(first, { now: T0, actor: INTAKE });
      await t.store.approve('HC-IN-4', { by: SECOND_OFFICER, sha256s: itemHashes(first), now: at(1) });
      const [email] = await t.store.claimEmails({ now: at(2), limit: 10, leaseMs: HOUR, worker: WORKER });
      await t.store.markSent(email?.id ?? '', { worker: WORKER, now: at(3), smtpCode: 250 });
      const [letter] = await t.store.takePrintBatch({ now: at(4), limit: 10, leaseMs: HOUR, worker: WORKER });
      await t.store.markPrinted(letter?.id ?? '', { worker: WORKER, now: at(5) });
      await t.store.markFiled('HC-IN-4.r1.03', { by: SECOND_OFFICER, now: at(6) });

      const result = await t.store.submitDecision(makeSubmission('HC-IN-4', { variant: 2 }), { now: at(HOUR), actor: INTAKE });
      expect(result.superseded).toEqual([]);
      expect(result.kept.map((i) => [i.id, i.state])).toEqual([
        ['HC-IN-4.r1.01', 'sent'],
        ['HC-IN-4.r1.02', 'printed'],
        ['HC-IN-4.r1.03', 'filed'],
      ]);
      expect(await t.store.claimEmails({ now: at(2 * HOUR), limit: 10, leaseMs: HOUR, worker: WORKER })).toEqual([]);
      expect(await t.store.takePrintBatch({ now: at(2 * HOUR), limit: 10, leaseMs: HOUR, worker: WORKER })).toEqual([]);
    });

    it('a revision supersedes approved and failed items, keeps the one being sent, and says which', async () => {
      const first = makeSubmission('HC-IN-5', { emails: 3 });
      await t.store.submitDecision(first, { now: T0, actor: INTAKE });
      await t.store.approve('HC-IN-5', { by: SECOND_OFFICER, sha256s: itemHashes(first), now: at(1) });
      await t.store.claimEmails({ now: at(2), limit: 2, leaseMs: HOUR, worker: WORKER });
      await t.store.markTemporaryFailure('HC-IN-5.r1.01', { worker: WORKER, now: at(3), nextAttemptAt: at(HOUR), code: 'SMTP_TEMPORARY', smtpCode: 451 });

      const result = await t.store.submitDecision(makeSubmission('HC-IN-5', { variant: 2 }), { now: at(10), actor: INTAKE });
      expect(result.superseded.map((i) => i.id)).toEqual(['HC-IN-5.r1.01', 'HC-IN-5.r1.03', 'HC-IN-5.r1.04', 'HC-IN-5.r1.05']);
      expect(result.kept.map((i) => [i.id, i.state])).toEqual([['HC-IN-5.r1.02', 'sending']]);
      // The email in flight may still be reported on by its worker.
      expect(await t.store.markSent('HC-IN-5.r1.02', { worker: WORKER, now: at(11) })).toEqual({ id: 'HC-IN-5.r1.02', from: 'sending', state: 'sent' });
    });

    it('stores each file once by its hash, whatever refers to it', async () => {
      await t.store.submitDecision(makeSubmission('HC-IN-6'), { now: T0, actor: INTAKE });
      await t.store.submitDecision(makeSubmission('HC-IN-6', { variant: 2, sameFileEntry: true }), { now: at(HOUR), actor: INTAKE });
      // Three files in revision 1, two new ones in revision 2 (the file entry's bytes did not change).
      expect(await t.fixture.query('select count(*) as n from files')).toEqual([{ n: 5 }]);
      expect(await t.fixture.query('select count(*) as n from revision_files')).toEqual([{ n: 6 }]);
    });

    it('refuses a file whose bytes do not hash to its sha256, and stores nothing', async () => {
      const submission = makeSubmission('HC-IN-7');
      const files = submission.files.map((f, i) => (i === 1 ? { ...f, bytes: new TextEncoder().encode('other bytes') } : f));
      await rejectsWithCode(t.store.submitDecision({ ...submission, files }, { now: T0, actor: INTAKE }), 'FILE_HASH_MISMATCH');
      await rejectsWithCode(t.store.status('HC-IN-7'), 'DECISION_NOT_FOUND');
    });

    it('refuses inputs that break the contract, each with its code', async () => {
      const submission = makeSubmission('HC-IN-8');
      const [email, letter, entry] = submission.items;
      if (email === undefined || letter === undefined || entry === undefined) throw new Error('fixture has three items');
      const cases: [DecisionSubmission, string][] = [
        [{ ...submission, items: [email, { ...letter, fileSha256: 'a'.repeat(64) }] }, 'ITEM_FILE_MISSING'],
        [{ ...submission, items: [email, { ...letter, key: email.key }] }, 'ITEM_KEY_DUPLICATE'],
        [{ ...submission, record: { ...(submission.record as object), score: Number.NaN } }, 'RECORD_NOT_JSON'],
        [{ ...submission, record: [1, 2] }, 'RECORD_NOT_JSON'],
        [{ ...submission, officerId: 'officer@example.org' }, 'STORE_INPUT_INVALID'],
        [{ ...submission, decisionId: 'HC IN 8' }, 'STORE_INPUT_INVALID'],
        [{ ...submission, items: [email.channel === 'email' ? { ...email, envelope: { ...email.envelope, to: [] } } : email] }, 'STORE_INPUT_INVALID'],
        [{ ...submission, followUps: [{ kind: 'departure-confirmation', dueOn: '2026-02-30', persons: ['4812-7730'], ifNotConfirmed: 'cbsa-no-status-notice' }] }, 'STORE_INPUT_INVALID'],
      ];
      for (const [input, code] of cases) {
        await rejectsWithCode(t.store.submitDecision(input, { now: T0, actor: INTAKE }), code);
      }
      expect(await t.fixture.query('select count(*) as n from decisions')).toEqual([{ n: 0 }]);
    });

    it('refuses a new revision of a purged decision', async () => {
      const submission = makeSubmission('HC-IN-9');
      await t.store.submitDecision(submission, { now: T0, actor: INTAKE });
      await t.store.reject('HC-IN-9', { by: OFFICER, reason: 'wrong', now: at(1) });
      expect((await t.store.purge({ before: at(HOUR), now: at(2 * HOUR) })).purged).toEqual(['HC-IN-9']);
      expect((await t.store.audit('HC-IN-9')).at(-1)).toMatchObject({ event: 'decision.purged', actor: 'purge' });
      await rejectsWithCode(t.store.submitDecision(makeSubmission('HC-IN-9', { variant: 2 }), { now: at(3 * HOUR), actor: INTAKE }), 'DECISION_PURGED');
    });
  });
}
