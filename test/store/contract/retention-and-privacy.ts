import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/store.js';
import {
  at,
  HOUR,
  INTAKE,
  itemHashes,
  makeNotice,
  makeSubmission,
  MINUTE,
  OFFICER,
  PERSONAL,
  PERSONAL_VALUES,
  rejectsWithCode,
  SECOND_OFFICER,
  T0,
  WORKER,
  type OpenFreshStore,
  type StoreFixture,
} from '../store-test-kit.js';
import { useStore } from './use-store.js';

const DAY = 24 * HOUR;
const TABLES = ['decisions', 'revisions', 'files', 'revision_files', 'items', 'follow_ups', 'follow_up_persons', 'person_outcomes', 'audit_events'];

/** Every row of a table as text (bytes as UTF-8), to search for personal values. */
async function tableText(fixture: StoreFixture, table: string): Promise<string> {
  const rows = await fixture.query(`select * from ${table}`);
  return JSON.stringify(rows, (_key, value: unknown) => {
    if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
    if (typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'Buffer') {
      return Buffer.from((value as { data: number[] }).data).toString('utf8');
    }
    return value;
  });
}

/** Every kind of event a decision can produce: revisions, rejection, approval, delivery, failures, follow-ups. */
async function fullLifecycle(store: Store, decisionId: string): Promise<void> {
  await store.submitDecision(makeSubmission(decisionId), { now: T0, actor: INTAKE });
  await store.reject(decisionId, { by: SECOND_OFFICER, reason: PERSONAL.reason, now: at(MINUTE) });
  const second = makeSubmission(decisionId, { variant: 2, emails: 2 });
  await store.submitDecision(second, { now: at(2 * MINUTE), actor: INTAKE });
  await store.approve(decisionId, { by: SECOND_OFFICER, sha256s: itemHashes(second), now: at(3 * MINUTE), policy: { twoPerson: true } });
  await store.claimEmails({ now: at(4 * MINUTE), limit: 10, leaseMs: MINUTE, worker: WORKER });
  await store.markTemporaryFailure(`${decisionId}.r2.01`, { worker: WORKER, now: at(5 * MINUTE), nextAttemptAt: at(HOUR), code: 'SMTP_TEMPORARY', smtpCode: 451 });
  await store.markPermanentFailure(`${decisionId}.r2.02`, { worker: WORKER, now: at(5 * MINUTE), code: 'SMTP_MAILBOX_UNKNOWN', smtpCode: 550 });
  await store.claimEmails({ now: at(HOUR), limit: 10, leaseMs: MINUTE, worker: WORKER });
  await store.markSent(`${decisionId}.r2.01`, { worker: WORKER, now: at(HOUR + 1), smtpCode: 250 });
  const [letter] = await store.takePrintBatch({ now: at(HOUR), limit: 10, leaseMs: HOUR, worker: 'printer-1' });
  await store.markPrinted(letter?.id ?? '', { worker: 'printer-1', now: at(HOUR + 2) });
  await store.markFiled(`${decisionId}.r2.04`, { by: SECOND_OFFICER, now: at(HOUR + 3) });
  await store.confirmDeparture(decisionId, { uci: PERSONAL.uciA, on: '2026-12-10', by: OFFICER, now: new Date('2026-12-11T14:00:00Z') });
  await store.recordTrpDecision(decisionId, { uci: PERSONAL.uciC, decision: 'issued', by: OFFICER, now: new Date('2026-12-12T14:00:00Z') });
  const dayAfter = new Date('2026-12-21T15:00:00Z');
  const fired = await store.fireFollowUp(`${decisionId}.r2.f1`, { now: dayAfter, actor: 'follow-up-worker', approval: 'auto', ...makeNotice(decisionId) });
  await store.claimEmails({ now: dayAfter, limit: 10, leaseMs: MINUTE, worker: WORKER });
  await store.markSent(fired.items[0]?.id ?? '', { worker: WORKER, now: dayAfter });
}

export function describeRetentionAndPrivacy(openFreshStore: OpenFreshStore): void {
  describe('retention and privacy', () => {
    const t = useStore(openFreshStore);

    it('the audit log never holds a personal value of the input, through a whole lifecycle', async () => {
      await fullLifecycle(t.store, 'HC-PR-1');
      const audit = await tableText(t.fixture, 'audit_events');
      expect(audit.length).toBeGreaterThan(1000);
      for (const value of PERSONAL_VALUES) expect(audit).not.toContain(value);
      for (const fragment of ['Quillfeather', 'example.org', 'example.net', 'Synthèses', 'misspelt']) expect(audit).not.toContain(fragment);
      // The same values are in the store where they belong, so the search above could find them.
      expect(await tableText(t.fixture, 'revisions')).toContain('Quillfeather');
      expect(await tableText(t.fixture, 'items')).toContain(PERSONAL.email);
      expect(await tableText(t.fixture, 'follow_up_persons')).toContain(PERSONAL.uciB);
    });

    it('purges a closed decision: personal data and bytes gone, a history row and the audit log kept', async () => {
      await fullLifecycle(t.store, 'HC-PR-2');
      const open = makeSubmission('HC-PR-OPEN');
      await t.store.submitDecision(open, { now: T0, actor: INTAKE });
      expect((await t.store.status('HC-PR-2')).followUps.map((f) => f.state)).toEqual(['cancelled', 'cancelled', 'fired', 'resolved']);
      const auditBefore = await t.store.audit('HC-PR-2');

      // Not yet: its last activity (the notice, on Dec 21) is not before the cut-off.
      expect((await t.store.purge({ before: new Date('2026-12-21T15:00:00Z'), now: at(60 * DAY), actor: 'retention' })).purged).toEqual([]);
      const result = await t.store.purge({ before: new Date('2026-12-21T15:00:01Z'), now: at(60 * DAY), actor: 'retention' });
      expect(result.purged).toEqual(['HC-PR-2']);

      const status = await t.store.status('HC-PR-2');
      expect(status).toEqual({ decisionId: 'HC-PR-2', revision: 2, purgedAt: at(60 * DAY).toISOString(), items: [], followUps: [] });
      const [history] = await t.fixture.query("select history_json from decisions where decision_id = 'HC-PR-2'");
      expect(JSON.parse(String(history?.history_json))).toEqual({
        revisions: 2,
        items: { rejected: 3, sent: 2, 'permanent-failure': 1, printed: 1, filed: 1 },
        followUps: { cancelled: 2, fired: 1, resolved: 1 },
      });
      const auditAfter = await t.store.audit('HC-PR-2');
      expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore);
      expect(auditAfter.at(-1)).toMatchObject({ event: 'decision.purged', actor: 'retention' });

      for (const table of TABLES) {
        const text = await tableText(t.fixture, table);
        const mentionsPurged = text.includes('HC-PR-2') && !['decisions', 'audit_events'].includes(table);
        expect(mentionsPurged, `${table} still holds rows of the purged decision`).toBe(false);
      }
      // The open decision is untouched, its personal data and bytes included.
      expect((await t.store.status('HC-PR-OPEN')).items).toHaveLength(3);
      expect(await tableText(t.fixture, 'files')).toContain('HC-PR-OPEN');
      await rejectsWithCode(t.store.submitDecision(makeSubmission('HC-PR-2', { variant: 5 }), { now: at(61 * DAY), actor: INTAKE }), 'DECISION_PURGED');
      expect((await t.store.purge({ before: at(90 * DAY), now: at(91 * DAY), actor: 'retention' })).purged).toEqual([]);
    });

    it('keeps the bytes another decision still uses', async () => {
      // Two decisions whose file entries carry the same bytes.
      const a = makeSubmission('HC-PR-3');
      const sharedEntry = a.files[2];
      if (sharedEntry === undefined) throw new Error('file entry expected');
      const b = { ...makeSubmission('HC-PR-4'), files: [...makeSubmission('HC-PR-4').files.slice(0, 2), sharedEntry] };
      const bItems = b.items.map((item) => (item.channel === 'file' ? { ...item, fileSha256: sharedEntry.sha256 } : item));
      await t.store.submitDecision(a, { now: T0, actor: INTAKE });
      await t.store.submitDecision({ ...b, items: bItems }, { now: T0, actor: INTAKE });
      await t.store.reject('HC-PR-3', { by: SECOND_OFFICER, reason: 'duplicate', now: at(1) });
      expect((await t.store.purge({ before: at(DAY), now: at(2 * DAY), actor: 'retention' })).purged).toEqual(['HC-PR-3']);
      const [row] = await t.fixture.query(`select count(*) as n from files where sha256 = '${sharedEntry.sha256}'`);
      expect(row?.n).toBe(1);
      expect((await t.store.itemContent('HC-PR-4.r1.03')).sha256).toBe(sharedEntry.sha256);
    });
  });
}
