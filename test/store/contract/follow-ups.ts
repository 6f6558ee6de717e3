import { describe, expect, it } from 'vitest';
import {
  INTAKE,
  makeNotice,
  makeSubmission,
  OFFICER,
  PERSONAL,
  rejectsWithCode,
  SECOND_OFFICER,
  T0,
  type OpenFreshStore,
} from '../store-test-kit.js';
import { useStore } from './use-store.js';

// The departure deadline of the test decision is 2026-12-20; the store's calendar is Toronto's (UTC-5 in December).
const LAST_MINUTE_OF_DEADLINE = new Date('2026-12-21T04:59:00.000Z');
const DAY_AFTER_DEADLINE = new Date('2026-12-21T05:00:00.000Z');

export function describeFollowUps(openFreshStore: OpenFreshStore): void {
  describe('follow-ups', () => {
    const t = useStore(openFreshStore);

    it('a follow-up is due once its day is over in the office calendar, with every person not confirmed', async () => {
      await t.store.submitDecision(makeSubmission('HC-FU-1'), { now: T0, actor: INTAKE });
      expect(await t.store.dueFollowUps(LAST_MINUTE_OF_DEADLINE)).toEqual([]);
      expect(await t.store.dueFollowUps(DAY_AFTER_DEADLINE)).toEqual([
        {
          id: 'HC-FU-1.r1.f1',
          decisionId: 'HC-FU-1',
          revision: 1,
          kind: 'departure-confirmation',
          dueOn: '2026-12-20',
          ifNotConfirmed: 'cbsa-no-status-notice',
          persons: [PERSONAL.uciA, PERSONAL.uciB],
        },
      ]);
    });

    it('a family may confirm in part: the follow-up stays due for the others, and resolves when all have left', async () => {
      await t.store.submitDecision(makeSubmission('HC-FU-2'), { now: T0, actor: INTAKE });
      const partial = await t.store.confirmDeparture('HC-FU-2', { uci: PERSONAL.uciA, on: '2026-12-10', by: OFFICER, now: new Date('2026-12-11T14:00:00Z') });
      expect(partial).toEqual({
        decisionId: 'HC-FU-2',
        status: 'recorded',
        outcome: 'departed',
        followUps: [
          {
            id: 'HC-FU-2.r1.f1',
            revision: 1,
            kind: 'departure-confirmation',
            dueOn: '2026-12-20',
            persons: [PERSONAL.uciA, PERSONAL.uciB],
            pendingPersons: [PERSONAL.uciB],
            ifNotConfirmed: 'cbsa-no-status-notice',
            state: 'pending',
          },
        ],
      });
      expect((await t.store.dueFollowUps(DAY_AFTER_DEADLINE)).map((f) => [f.id, f.persons])).toEqual([['HC-FU-2.r1.f1', [PERSONAL.uciB]]]);

      const again = await t.store.confirmDeparture('HC-FU-2', { uci: PERSONAL.uciA, on: '2026-12-10', by: OFFICER, now: new Date('2026-12-12T14:00:00Z') });
      expect(again.status).toBe('unchanged');
      await rejectsWithCode(
        t.store.confirmDeparture('HC-FU-2', { uci: PERSONAL.uciA, on: '2026-12-11', by: OFFICER, now: new Date('2026-12-12T14:00:00Z') }),
        'PERSON_OUTCOME_CONFLICT',
      );

      const complete = await t.store.confirmDeparture('HC-FU-2', { uci: PERSONAL.uciB, on: '2026-12-19', by: OFFICER, now: new Date('2026-12-19T20:00:00Z') });
      expect(complete.followUps.map((f) => [f.state, f.pendingPersons])).toEqual([['resolved', []]]);
      expect(await t.store.dueFollowUps(DAY_AFTER_DEADLINE)).toEqual([]);
      const resolvedEvent = (await t.store.audit('HC-FU-2')).find((e) => e.event === 'follow-up.state-changed');
      expect(resolvedEvent).toMatchObject({ followUpId: 'HC-FU-2.r1.f1', from: 'pending', to: 'resolved', actor: OFFICER });
    });

    it('a person no follow-up watches is refused without the UCI in the message', async () => {
      await t.store.submitDecision(makeSubmission('HC-FU-3'), { now: T0, actor: INTAKE });
      const error = await rejectsWithCode(t.store.confirmDeparture('HC-FU-3', { uci: '1111-2222', on: '2026-12-10', by: OFFICER, now: T0 }), 'FOLLOW_UP_PERSON_UNKNOWN');
      expect(error.message).not.toContain('1111-2222');
      // The TRP follow-up's person is not watched for departure.
      await rejectsWithCode(t.store.confirmDeparture('HC-FU-3', { uci: PERSONAL.uciC, on: '2026-12-10', by: OFFICER, now: T0 }), 'FOLLOW_UP_PERSON_UNKNOWN');
      await rejectsWithCode(t.store.confirmDeparture('HC-FU-3', { uci: PERSONAL.uciA, on: '2026-13-01', by: OFFICER, now: T0 }), 'STORE_INPUT_INVALID');
    });

    it('a TRP decision resolves the TRP follow-up and is reported back', async () => {
      await t.store.submitDecision(makeSubmission('HC-FU-4'), { now: T0, actor: INTAKE });
      const result = await t.store.recordTrpDecision('HC-FU-4', { uci: PERSONAL.uciC, decision: 'refused', by: SECOND_OFFICER, now: new Date('2027-01-05T15:00:00Z') });
      expect(result.outcome).toBe('refused');
      expect(result.followUps.map((f) => [f.id, f.kind, f.state])).toEqual([['HC-FU-4.r1.f2', 'trp-decision', 'resolved']]);
      expect((await t.store.dueFollowUps(new Date('2027-02-01T15:00:00Z'))).map((f) => f.id)).toEqual(['HC-FU-4.r1.f1']);
      const events = await t.store.audit('HC-FU-4');
      expect(events.find((e) => e.event === 'person.outcome-recorded')).toMatchObject({ code: 'REFUSED', followUpId: 'HC-FU-4.r1.f2', actor: SECOND_OFFICER });
      await rejectsWithCode(
        t.store.recordTrpDecision('HC-FU-4', { uci: PERSONAL.uciC, decision: 'issued', by: SECOND_OFFICER, now: new Date('2027-01-06T15:00:00Z') }),
        'PERSON_OUTCOME_CONFLICT',
      );
    });

    it('firing queues the notice and marks the follow-up fired, once; never before its day is over', async () => {
      await t.store.submitDecision(makeSubmission('HC-FU-5'), { now: T0, actor: INTAKE });
      await t.store.confirmDeparture('HC-FU-5', { uci: PERSONAL.uciA, on: '2026-12-10', by: OFFICER, now: new Date('2026-12-11T14:00:00Z') });
      const notice = makeNotice('HC-FU-5');
      await rejectsWithCode(t.store.fireFollowUp('HC-FU-5.r1.f1', { now: LAST_MINUTE_OF_DEADLINE, actor: 'follow-up-worker', ...notice }), 'FOLLOW_UP_NOT_DUE');
      const fired = await t.store.fireFollowUp('HC-FU-5.r1.f1', { now: DAY_AFTER_DEADLINE, actor: 'follow-up-worker', ...notice });
      expect(fired).toEqual({
        followUpId: 'HC-FU-5.r1.f1',
        decisionId: 'HC-FU-5',
        revision: 1,
        items: [{ id: 'HC-FU-5.r1.04', revision: 1, key: 'email-cbsa-no-status-notice', kind: 'cbsa-no-status-notice', channel: 'email', state: 'awaiting-approval' }],
      });
      expect(await t.store.dueFollowUps(DAY_AFTER_DEADLINE)).toEqual([]);
      const error = await rejectsWithCode(t.store.fireFollowUp('HC-FU-5.r1.f1', { now: DAY_AFTER_DEADLINE, actor: 'follow-up-worker', ...notice }), 'FOLLOW_UP_STATE_CONFLICT');
      expect(error).toMatchObject({ from: 'fired', to: 'fired' });
      expect((await t.store.status('HC-FU-5')).followUps.map((f) => f.state)).toEqual(['fired', 'pending']);
      await rejectsWithCode(t.store.fireFollowUp('HC-FU-5.r9.f1', { now: DAY_AFTER_DEADLINE, actor: 'follow-up-worker', ...notice }), 'FOLLOW_UP_NOT_FOUND');
      // A confirmation that arrives late is still recorded; the follow-up stays fired.
      const late = await t.store.confirmDeparture('HC-FU-5', { uci: PERSONAL.uciB, on: '2026-12-20', by: OFFICER, now: new Date('2026-12-22T14:00:00Z') });
      expect(late.followUps.map((f) => f.state)).toEqual(['fired']);
    });

    it('the notice of a follow-up can be approved automatically', async () => {
      await t.store.submitDecision(makeSubmission('HC-FU-6'), { now: T0, actor: INTAKE });
      const fired = await t.store.fireFollowUp('HC-FU-6.r1.f1', { now: DAY_AFTER_DEADLINE, actor: 'follow-up-worker', approval: 'auto', ...makeNotice('HC-FU-6') });
      expect(fired.items.map((i) => i.state)).toEqual(['approved']);
    });

    it('a follow-up can be marked fired without a notice of the store’s making', async () => {
      await t.store.submitDecision(makeSubmission('HC-FU-10'), { now: T0, actor: INTAKE });
      const fired = await t.store.fireFollowUp('HC-FU-10.r1.f1', { now: DAY_AFTER_DEADLINE, actor: 'follow-up-worker' });
      expect(fired.items).toEqual([]);
      expect((await t.store.status('HC-FU-10')).followUps.map((f) => f.state)).toEqual(['fired', 'pending']);
      expect((await t.store.audit('HC-FU-10')).at(-1)).toMatchObject({ event: 'follow-up.state-changed', from: 'pending', to: 'fired', actor: 'follow-up-worker' });
    });

    it('rejecting a fired follow-up’s notice leaves the other follow-ups of the revision alone', async () => {
      await t.store.submitDecision(makeSubmission('HC-FU-9'), { now: T0, actor: INTAKE, approval: 'auto' });
      await t.store.fireFollowUp('HC-FU-9.r1.f1', { now: DAY_AFTER_DEADLINE, actor: 'follow-up-worker', ...makeNotice('HC-FU-9') });
      const rejected = await t.store.reject('HC-FU-9', { by: SECOND_OFFICER, reason: 'wrong office', now: DAY_AFTER_DEADLINE });
      expect(rejected.rejected.map((i) => i.id)).toEqual(['HC-FU-9.r1.04']);
      expect((await t.store.status('HC-FU-9')).followUps.map((f) => f.state)).toEqual(['fired', 'pending']);
    });

    it('confirmations carry over to a new revision; the old follow-ups are superseded', async () => {
      await t.store.submitDecision(makeSubmission('HC-FU-7'), { now: T0, actor: INTAKE });
      await t.store.confirmDeparture('HC-FU-7', { uci: PERSONAL.uciA, on: '2026-12-10', by: OFFICER, now: new Date('2026-12-11T14:00:00Z') });
      await t.store.submitDecision(makeSubmission('HC-FU-7', { variant: 2 }), { now: new Date('2026-12-12T14:00:00Z'), actor: INTAKE });
      const status = await t.store.status('HC-FU-7');
      expect(status.followUps.map((f) => [f.id, f.state, f.pendingPersons])).toEqual([
        ['HC-FU-7.r1.f1', 'superseded', [PERSONAL.uciB]],
        ['HC-FU-7.r1.f2', 'superseded', [PERSONAL.uciC]],
        ['HC-FU-7.r2.f1', 'pending', [PERSONAL.uciB]],
        ['HC-FU-7.r2.f2', 'pending', [PERSONAL.uciC]],
      ]);
      expect((await t.store.dueFollowUps(DAY_AFTER_DEADLINE)).map((f) => f.id)).toEqual(['HC-FU-7.r2.f1']);
    });

    it('a new revision whose persons have all been accounted for starts resolved', async () => {
      await t.store.submitDecision(makeSubmission('HC-FU-8'), { now: T0, actor: INTAKE });
      for (const uci of [PERSONAL.uciA, PERSONAL.uciB]) {
        await t.store.confirmDeparture('HC-FU-8', { uci, on: '2026-12-10', by: OFFICER, now: new Date('2026-12-11T14:00:00Z') });
      }
      await t.store.submitDecision(makeSubmission('HC-FU-8', { variant: 2 }), { now: new Date('2026-12-12T14:00:00Z'), actor: INTAKE });
      expect((await t.store.status('HC-FU-8')).followUps.filter((f) => f.revision === 2).map((f) => f.state)).toEqual(['resolved', 'pending']);
    });
  });
}
