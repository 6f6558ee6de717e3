import { describe, expect, it } from 'vitest';
import {
  at,
  HOUR,
  INTAKE,
  itemHashes,
  makeSubmission,
  MINUTE,
  OTHER_WORKER,
  PERSONAL,
  rejectsWithCode,
  SECOND_OFFICER,
  T0,
  WORKER,
  type OpenFreshStore,
} from '../store-test-kit.js';
import { useStore } from './use-store.js';

export function describeDelivery(openFreshStore: OpenFreshStore): void {
  describe('delivery', () => {
    const t = useStore(openFreshStore);

    async function approved(id: string, options: { emails?: number } = {}) {
      const submission = makeSubmission(id, options);
      await t.store.submitDecision(submission, { now: T0, actor: INTAKE });
      await t.store.approve(id, { by: SECOND_OFFICER, sha256s: itemHashes(submission), now: at(1) });
      return submission;
    }

    it('claims an approved email with its exact bytes, envelope and Message-ID, under a lease', async () => {
      const submission = await approved('HC-DL-1');
      const claimed = await t.store.claimEmails({ now: at(MINUTE), limit: 10, leaseMs: 5 * MINUTE, worker: WORKER });
      expect(claimed).toHaveLength(1);
      const [email] = claimed;
      const input = submission.items[0];
      if (email === undefined || input?.channel !== 'email') throw new Error('one email expected');
      expect(email).toMatchObject({
        id: 'HC-DL-1.r1.01',
        decisionId: 'HC-DL-1',
        revision: 1,
        kind: 'client-email',
        recipient: 'client',
        languages: ['fr', 'en'],
        sha256: input.fileSha256,
        mediaType: 'message/rfc822',
        messageId: input.messageId,
        envelope: { from: 'hc-office@example.gc.ca', to: [PERSONAL.email], cc: [PERSONAL.representativeEmail] },
        attempts: 1,
        leaseUntil: at(6 * MINUTE),
      });
      expect(Buffer.from(email.bytes).equals(Buffer.from(submission.files[0]?.bytes ?? []))).toBe(true);
      const [row] = await t.fixture.query("select state, lease_owner, lease_until, attempts from items where id = 'HC-DL-1.r1.01'");
      expect(row).toEqual({ state: 'sending', lease_owner: WORKER, lease_until: at(6 * MINUTE).toISOString(), attempts: 1 });
      // Only emails: the letter and the file entry are not the email worker's.
      expect(await t.store.claimEmails({ now: at(MINUTE), limit: 10, leaseMs: 5 * MINUTE, worker: OTHER_WORKER })).toEqual([]);
    });

    it('a lease is exclusive until it expires; then another worker takes the item over and the first may no longer report', async () => {
      await approved('HC-DL-2');
      await t.store.claimEmails({ now: at(0), limit: 10, leaseMs: 5 * MINUTE, worker: WORKER });
      expect(await t.store.claimEmails({ now: at(5 * MINUTE - 1), limit: 10, leaseMs: 5 * MINUTE, worker: OTHER_WORKER })).toEqual([]);
      const takeover = await t.store.claimEmails({ now: at(5 * MINUTE), limit: 10, leaseMs: 5 * MINUTE, worker: OTHER_WORKER });
      expect(takeover.map((c) => [c.id, c.attempts])).toEqual([['HC-DL-2.r1.01', 2]]);
      await rejectsWithCode(t.store.markSent('HC-DL-2.r1.01', { worker: WORKER, now: at(6 * MINUTE) }), 'LEASE_NOT_HELD');
      expect(await t.store.markSent('HC-DL-2.r1.01', { worker: OTHER_WORKER, now: at(6 * MINUTE), smtpCode: 250 })).toEqual({
        id: 'HC-DL-2.r1.01',
        from: 'sending',
        state: 'sent',
      });
      const [row] = await t.fixture.query("select lease_owner, lease_until, last_smtp_code from items where id = 'HC-DL-2.r1.01'");
      expect(row).toEqual({ lease_owner: null, lease_until: null, last_smtp_code: 250 });
      const takeoverEvent = (await t.store.audit('HC-DL-2')).find((e) => e.from === 'sending' && e.to === 'sending');
      expect(takeoverEvent).toMatchObject({ actor: OTHER_WORKER, attempts: 2 });
    });

    it('a temporary failure is retried when its next attempt is due', async () => {
      await approved('HC-DL-3');
      await t.store.claimEmails({ now: at(0), limit: 10, leaseMs: MINUTE, worker: WORKER });
      const failed = await t.store.markTemporaryFailure('HC-DL-3.r1.01', {
        worker: WORKER,
        now: at(10),
        nextAttemptAt: at(HOUR),
        code: 'SMTP_TEMPORARY',
        smtpCode: 451,
      });
      expect(failed).toEqual({ id: 'HC-DL-3.r1.01', from: 'sending', state: 'temporary-failure' });
      expect(await t.store.claimEmails({ now: at(HOUR - 1), limit: 10, leaseMs: MINUTE, worker: WORKER })).toEqual([]);
      const retried = await t.store.claimEmails({ now: at(HOUR), limit: 10, leaseMs: MINUTE, worker: WORKER });
      expect(retried.map((c) => [c.id, c.attempts])).toEqual([['HC-DL-3.r1.01', 2]]);
      const status = await t.store.status('HC-DL-3');
      expect(status.items[0]).toMatchObject({ state: 'sending', attempts: 2, lastCode: 'SMTP_TEMPORARY', lastSmtpCode: 451 });
    });

    it('a next attempt beyond 72 hours after the first becomes a technical failure', async () => {
      await approved('HC-DL-4');
      await t.store.claimEmails({ now: at(0), limit: 10, leaseMs: MINUTE, worker: WORKER });
      await t.store.markTemporaryFailure('HC-DL-4.r1.01', { worker: WORKER, now: at(1), nextAttemptAt: at(71 * HOUR), code: 'SMTP_TEMPORARY' });
      await t.store.claimEmails({ now: at(71 * HOUR), limit: 10, leaseMs: MINUTE, worker: WORKER });
      const last = await t.store.markTemporaryFailure('HC-DL-4.r1.01', { worker: WORKER, now: at(71 * HOUR + 1), nextAttemptAt: at(72 * HOUR), code: 'SMTP_TEMPORARY' });
      expect(last).toEqual({ id: 'HC-DL-4.r1.01', from: 'sending', state: 'technical-failure' });
    });

    it('the sweep moves stale temporary failures and abandoned sends past the retry window to technical-failure', async () => {
      await approved('HC-DL-5', { emails: 3 });
      await t.store.claimEmails({ now: at(0), limit: 3, leaseMs: MINUTE, worker: WORKER });
      await t.store.markTemporaryFailure('HC-DL-5.r1.01', { worker: WORKER, now: at(1), nextAttemptAt: at(70 * HOUR), code: 'SMTP_TEMPORARY' });
      await t.store.markSent('HC-DL-5.r1.03', { worker: WORKER, now: at(1) });
      // .02 stays in `sending`: its worker died.
      expect((await t.store.sweep({ now: at(72 * HOUR - 1) })).technicalFailures).toEqual([]);
      // Past the window neither is claimed again, even before a sweep ran.
      expect(await t.store.claimEmails({ now: at(72 * HOUR), limit: 10, leaseMs: MINUTE, worker: WORKER })).toEqual([]);
      const swept = await t.store.sweep({ now: at(72 * HOUR) });
      expect(swept.technicalFailures).toEqual([
        { id: 'HC-DL-5.r1.01', from: 'temporary-failure', state: 'technical-failure' },
        { id: 'HC-DL-5.r1.02', from: 'sending', state: 'technical-failure' },
      ]);
      expect((await t.store.status('HC-DL-5')).items.map((i) => [i.state, i.lastCode])).toEqual([
        ['technical-failure', 'RETRY_WINDOW_EXPIRED'],
        ['technical-failure', 'RETRY_WINDOW_EXPIRED'],
        ['sent', undefined],
        ['approved', undefined],
        ['approved', undefined],
      ]);
      expect((await t.store.audit('HC-DL-5')).filter((e) => e.actor === 'sweep').map((e) => e.code)).toEqual(['RETRY_WINDOW_EXPIRED', 'RETRY_WINDOW_EXPIRED']);
    });

    it('claims at most `limit` items, oldest approval first', async () => {
      await approved('HC-DL-6', { emails: 3 });
      const first = await t.store.claimEmails({ now: at(10), limit: 2, leaseMs: MINUTE, worker: WORKER });
      expect(first.map((c) => c.id)).toEqual(['HC-DL-6.r1.01', 'HC-DL-6.r1.02']);
      const second = await t.store.claimEmails({ now: at(10), limit: 2, leaseMs: MINUTE, worker: WORKER });
      expect(second.map((c) => c.id)).toEqual(['HC-DL-6.r1.03']);
    });

    it('an email whose stored bytes no longer match is not handed out: technical failure', async () => {
      const submission = await approved('HC-DL-7');
      const tampered = t.fixture.dialect === 'sqlite' ? "X'00FF'" : "'\\x00ff'::bytea";
      await t.fixture.query(`update files set bytes = ${tampered} where sha256 = '${submission.items[0]?.fileSha256 ?? ''}'`);
      expect(await t.store.claimEmails({ now: at(10), limit: 10, leaseMs: MINUTE, worker: WORKER })).toEqual([]);
      expect((await t.store.status('HC-DL-7')).items[0]).toMatchObject({ state: 'technical-failure', lastCode: 'STORED_BYTES_CORRUPT' });
    });

    // Pins the set-based claim and group commit (one update per from-state, one multi-row audit insert): every item keeps its own from-state, attempts and event.
    it('one claim takes items from several states, and markSentMany reports each in order with its own audit event', async () => {
      await approved('HC-DL-M', { emails: 3 });
      const first = await t.store.claimEmails({ now: at(0), limit: 10, leaseMs: MINUTE, worker: WORKER });
      expect(first.map((c) => c.attempts)).toEqual([1, 1, 1]);
      const [retried, expired, done] = first.map((c) => c.id);
      if (retried === undefined || expired === undefined || done === undefined) throw new Error('three emails expected');
      await t.store.markTemporaryFailure(retried, { worker: WORKER, now: at(10), nextAttemptAt: at(HOUR), code: 'SMTP_TEMPORARY', smtpCode: 451 });
      await t.store.markSentMany([{ id: done, smtpCode: 250 }], { worker: WORKER, now: at(20) });
      // An hour on: the retry is due and the other lease has expired; one claim takes both.
      const second = await t.store.claimEmails({ now: at(HOUR), limit: 10, leaseMs: MINUTE, worker: OTHER_WORKER });
      expect(second.map((c) => [c.id, c.attempts]).sort()).toEqual([[expired, 2], [retried, 2]].sort());
      const result = await t.store.markSentMany(
        [
          { id: expired, smtpCode: 251 },
          { id: done, smtpCode: 250 },
          { id: retried, smtpCode: 250 },
        ],
        { worker: OTHER_WORKER, now: at(HOUR + 10) },
      );
      expect(result).toEqual({
        changes: [
          { id: expired, from: 'sending', state: 'sent' },
          { id: retried, from: 'sending', state: 'sent' },
        ],
        notHeld: [done],
      });
      const rows = await t.fixture.query("select id, state, attempts, last_smtp_code, lease_owner from items where decision_id = 'HC-DL-M' and channel = 'email' order by id");
      expect(rows).toEqual([
        { id: retried, state: 'sent', attempts: 2, last_smtp_code: 250, lease_owner: null },
        { id: expired, state: 'sent', attempts: 2, last_smtp_code: 251, lease_owner: null },
        { id: done, state: 'sent', attempts: 1, last_smtp_code: 250, lease_owner: null },
      ].sort((a, b) => a.id.localeCompare(b.id)));
      const events = (await t.store.audit('HC-DL-M')).filter((e) => e.event === 'item.state-changed' && e.actor === OTHER_WORKER);
      expect(events.map((e) => [e.itemId, e.from, e.to, e.attempts ?? null, e.smtpCode ?? null]).sort()).toEqual(
        [
          [retried, 'temporary-failure', 'sending', 2, null],
          [expired, 'sending', 'sending', 2, null],
          [retried, 'sending', 'sent', null, 250],
          [expired, 'sending', 'sent', null, 251],
        ].sort(),
      );
    });

    // Pins the one-statement group commit on PostgreSQL: a bad id refuses the whole group before anything moves, as the transaction of other drivers does.
    it('markSentMany with an unknown id or a letter changes nothing; a good group is audited in the order given', async () => {
      await approved('HC-DL-N', { emails: 3 });
      const claimed = (await t.store.claimEmails({ now: at(0), limit: 10, leaseMs: MINUTE, worker: WORKER })).map((c) => c.id);
      const [first, second, third] = claimed;
      if (first === undefined || second === undefined || third === undefined) throw new Error('three emails expected');
      const report = { worker: WORKER, now: at(10) };
      await rejectsWithCode(t.store.markSentMany([{ id: first, smtpCode: 250 }, { id: 'HC-DL-N.r1.99', smtpCode: 250 }], report), 'ITEM_NOT_FOUND');
      await rejectsWithCode(t.store.markSentMany([{ id: first, smtpCode: 250 }, { id: 'HC-DL-N.r1.04', smtpCode: 250 }], report), 'ITEM_CHANNEL_MISMATCH');
      const unchanged = await t.fixture.query("select id, state, lease_owner from items where decision_id = 'HC-DL-N' and channel = 'email' order by id");
      expect(unchanged.map((r) => [r.state, r.lease_owner])).toEqual([['sending', WORKER], ['sending', WORKER], ['sending', WORKER]]);
      expect((await t.store.audit('HC-DL-N')).filter((e) => e.to === 'sent')).toEqual([]);
      const result = await t.store.markSentMany([{ id: third, smtpCode: 250 }, { id: first, smtpCode: 250 }, { id: second, smtpCode: 250 }], report);
      expect(result).toEqual({ changes: [third, first, second].map((id) => ({ id, from: 'sending', state: 'sent' })), notHeld: [] });
      expect((await t.store.audit('HC-DL-N')).filter((e) => e.to === 'sent').map((e) => e.itemId)).toEqual([third, first, second]);
    });

    it('letters: a print batch carries the address block and page count; printed when done', async () => {
      const submission = await approved('HC-DL-8');
      const batch = await t.store.takePrintBatch({ now: at(10), limit: 10, leaseMs: HOUR, worker: 'printer-1' });
      expect(batch).toHaveLength(1);
      expect(batch[0]).toMatchObject({
        id: 'HC-DL-8.r1.02',
        kind: 'refusal-letter',
        addressBlock: [PERSONAL.name, PERSONAL.addressLine, PERSONAL.postalLine],
        pageCount: 2,
        mediaType: 'application/pdf',
        attempts: 1,
      });
      expect(Buffer.from(batch[0]?.bytes ?? []).equals(Buffer.from(submission.files[1]?.bytes ?? []))).toBe(true);
      expect(await t.store.takePrintBatch({ now: at(11), limit: 10, leaseMs: HOUR, worker: 'printer-2' })).toEqual([]);
      await rejectsWithCode(t.store.markPrinted('HC-DL-8.r1.01', { worker: 'printer-1', now: at(12) }), 'ITEM_CHANNEL_MISMATCH');
      expect(await t.store.markPrinted('HC-DL-8.r1.02', { worker: 'printer-1', now: at(12) })).toEqual({ id: 'HC-DL-8.r1.02', from: 'sending', state: 'printed' });
    });

    it('file entries: listed once approved, with their bytes; filed when done', async () => {
      const submission = await t.store.submitDecision(makeSubmission('HC-DL-9'), { now: T0, actor: INTAKE });
      expect(await t.store.pendingFileEntries()).toEqual([]);
      await t.store.approve('HC-DL-9', { by: SECOND_OFFICER, sha256s: itemHashes(makeSubmission('HC-DL-9')), now: at(1) });
      const entries = await t.store.pendingFileEntries();
      expect(entries.map((e) => [e.id, e.kind, e.decisionId, e.revision])).toEqual([['HC-DL-9.r1.03', 'file-update', 'HC-DL-9', 1]]);
      expect(entries[0]?.sha256).toBe(makeSubmission('HC-DL-9').items[2]?.fileSha256);
      expect(submission.items[2]?.channel).toBe('file');
      await rejectsWithCode(t.store.markFiled('HC-DL-9.r1.02', { by: SECOND_OFFICER, now: at(2) }), 'ITEM_CHANNEL_MISMATCH');
      await t.store.markFiled('HC-DL-9.r1.03', { by: SECOND_OFFICER, now: at(2) });
      expect(await t.store.pendingFileEntries()).toEqual([]);
    });

    it('refuses reports that could carry text: codes are UPPER_SNAKE_CASE, worker ids are ids', async () => {
      await approved('HC-DL-10');
      await t.store.claimEmails({ now: at(10), limit: 10, leaseMs: HOUR, worker: WORKER });
      await rejectsWithCode(
        t.store.markPermanentFailure('HC-DL-10.r1.01', { worker: WORKER, now: at(11), code: `550 ${PERSONAL.email} unknown` }),
        'STORE_INPUT_INVALID',
      );
      await rejectsWithCode(t.store.markSent('HC-DL-10.r1.01', { worker: PERSONAL.email, now: at(11) }), 'STORE_INPUT_INVALID');
      await rejectsWithCode(t.store.markSent('HC-DL-10.r1.01', { worker: WORKER, now: at(11), smtpCode: 99 }), 'STORE_INPUT_INVALID');
      await rejectsWithCode(t.store.markSent('HC-NOPE.r1.01', { worker: WORKER, now: at(11) }), 'ITEM_NOT_FOUND');
      await rejectsWithCode(t.store.claimEmails({ now: at(11), limit: 0, leaseMs: HOUR, worker: WORKER }), 'STORE_INPUT_INVALID');
    });
  });
}
