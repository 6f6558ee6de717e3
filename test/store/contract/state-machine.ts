import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_STATES, canChangeFollowUpState } from '../../../src/store/follow-up-state.js';
import { changeFollowUpState } from '../../../src/store/follow-up-transition.js';
import { ITEM_STATES, canChangeItemState, type ItemState } from '../../../src/store/item-state.js';
import { changeItemState } from '../../../src/store/item-transition.js';
import type { ItemChannel, Store } from '../../../src/store/store.js';
import {
  at,
  HOUR,
  INTAKE,
  itemHashes,
  makeSubmission,
  MINUTE,
  OTHER_WORKER,
  rejectsWithCode,
  SECOND_OFFICER,
  T0,
  WORKER,
  type OpenFreshStore,
} from '../store-test-kit.js';
import { useStore } from './use-store.js';

const POSITION: Record<ItemChannel, string> = { email: '01', mail: '02', file: '03' };

/** The states the public API can lead an item of each channel to (a file entry is never sent, an email never printed). */
const REACHABLE: Record<ItemChannel, readonly ItemState[]> = {
  email: ITEM_STATES.filter((s) => s !== 'printed' && s !== 'filed'),
  mail: ITEM_STATES.filter((s) => s !== 'sent' && s !== 'filed'),
  file: ['awaiting-approval', 'approved', 'rejected', 'cancelled', 'superseded', 'filed'],
};

/** Brings the decision's item of `channel` into `state` through the public API only. */
async function bringItem(store: Store, decisionId: string, state: ItemState, channel: ItemChannel): Promise<string> {
  const itemId = await leadItem(store, decisionId, state, channel);
  if (itemId === undefined) throw new Error(`no path to ${state} for a ${channel} item`);
  return itemId;
}

async function leadItem(store: Store, decisionId: string, state: ItemState, channel: ItemChannel): Promise<string | undefined> {
  const submission = makeSubmission(decisionId);
  await store.submitDecision(submission, { now: T0, actor: INTAKE });
  const itemId = `${decisionId}.r1.${POSITION[channel]}`;
  const approveAll = () => store.approve(decisionId, { by: SECOND_OFFICER, sha256s: itemHashes(submission), now: at(1) });
  const take = async (): Promise<boolean> => {
    if (channel === 'file') return false;
    await approveAll();
    const claim = { now: at(2), limit: 10, leaseMs: MINUTE, worker: WORKER };
    const taken = channel === 'email' ? await store.claimEmails(claim) : await store.takePrintBatch(claim);
    return taken.some((i) => i.id === itemId);
  };
  const report = { worker: WORKER, now: at(3) };
  switch (state) {
    case 'awaiting-approval':
      return itemId;
    case 'rejected':
      await store.reject(decisionId, { by: SECOND_OFFICER, reason: 'not right', now: at(1) });
      return itemId;
    case 'cancelled':
      await store.cancelItem(itemId, { by: SECOND_OFFICER, now: at(1) });
      return itemId;
    case 'superseded':
      await store.submitDecision(makeSubmission(decisionId, { variant: 2 }), { now: at(1), actor: INTAKE });
      return itemId;
    case 'approved':
      await approveAll();
      return itemId;
    case 'filed':
      if (channel !== 'file') return undefined;
      await approveAll();
      await store.markFiled(itemId, { by: SECOND_OFFICER, now: at(2) });
      return itemId;
    case 'sending':
      return (await take()) ? itemId : undefined;
    case 'sent':
      if (channel !== 'email' || !(await take())) return undefined;
      await store.markSent(itemId, report);
      return itemId;
    case 'printed':
      if (channel !== 'mail' || !(await take())) return undefined;
      await store.markPrinted(itemId, report);
      return itemId;
    case 'temporary-failure':
      if (!(await take())) return undefined;
      await store.markTemporaryFailure(itemId, { ...report, code: 'SMTP_TEMPORARY', nextAttemptAt: at(HOUR) });
      return itemId;
    case 'permanent-failure':
      if (!(await take())) return undefined;
      await store.markPermanentFailure(itemId, { ...report, code: 'SMTP_REJECTED', smtpCode: 550 });
      return itemId;
    case 'technical-failure':
      if (!(await take())) return undefined;
      await store.markTechnicalFailure(itemId, { ...report, code: 'EML_UNREADABLE' });
      return itemId;
  }
}

const NOW = at(2 * HOUR);

interface Operation {
  readonly name: string;
  readonly channels: readonly ItemChannel[];
  /** The state the operation moves the item to. */
  readonly target: ItemState;
  /** Acts on one item (refusal: ITEM_STATE_CONFLICT) or on whatever is eligible (refusal: the item is left alone). */
  readonly kind: 'item' | 'bulk';
  run(store: Store, itemId: string, decisionId: string, channel: ItemChannel): Promise<unknown>;
}

const OPERATIONS: readonly Operation[] = [
  { name: 'markSent', channels: ['email'], target: 'sent', kind: 'item', run: (s, id) => s.markSent(id, { worker: WORKER, now: NOW, smtpCode: 250 }) },
  {
    name: 'markTemporaryFailure',
    channels: ['email', 'mail'],
    target: 'temporary-failure',
    kind: 'item',
    run: (s, id) => s.markTemporaryFailure(id, { worker: WORKER, now: NOW, code: 'SMTP_TEMPORARY', nextAttemptAt: at(3 * HOUR) }),
  },
  {
    name: 'markPermanentFailure',
    channels: ['email', 'mail'],
    target: 'permanent-failure',
    kind: 'item',
    run: (s, id) => s.markPermanentFailure(id, { worker: WORKER, now: NOW, code: 'SMTP_REJECTED', smtpCode: 550 }),
  },
  {
    name: 'markTechnicalFailure',
    channels: ['email', 'mail'],
    target: 'technical-failure',
    kind: 'item',
    run: (s, id) => s.markTechnicalFailure(id, { worker: WORKER, now: NOW, code: 'EML_UNREADABLE' }),
  },
  { name: 'markPrinted', channels: ['mail'], target: 'printed', kind: 'item', run: (s, id) => s.markPrinted(id, { worker: WORKER, now: NOW }) },
  { name: 'markFiled', channels: ['file'], target: 'filed', kind: 'item', run: (s, id) => s.markFiled(id, { by: SECOND_OFFICER, now: NOW }) },
  { name: 'cancelItem', channels: ['email', 'mail', 'file'], target: 'cancelled', kind: 'item', run: (s, id) => s.cancelItem(id, { by: SECOND_OFFICER, now: NOW }) },
  {
    name: 'approve',
    channels: ['email', 'mail', 'file'],
    target: 'approved',
    kind: 'bulk',
    run: (s, _id, decisionId) => s.approve(decisionId, { by: SECOND_OFFICER, sha256s: itemHashes(makeSubmission(decisionId)), now: NOW }),
  },
  {
    name: 'reject',
    channels: ['email', 'mail', 'file'],
    target: 'rejected',
    kind: 'bulk',
    run: (s, _id, decisionId) => s.reject(decisionId, { by: SECOND_OFFICER, reason: 'not right', now: NOW }),
  },
  {
    name: 'claim',
    channels: ['email', 'mail'],
    target: 'sending',
    kind: 'bulk',
    run: (s, _id, _d, channel) => {
      const claim = { now: NOW, limit: 10, leaseMs: MINUTE, worker: OTHER_WORKER };
      return channel === 'email' ? s.claimEmails(claim) : s.takePrintBatch(claim);
    },
  },
  {
    name: 'supersede (new revision)',
    channels: ['email', 'mail', 'file'],
    target: 'superseded',
    kind: 'bulk',
    run: (s, _id, decisionId) => s.submitDecision(makeSubmission(decisionId, { variant: 3 }), { now: NOW, actor: INTAKE }),
  },
  { name: 'sweep', channels: ['email', 'mail'], target: 'technical-failure', kind: 'bulk', run: (s) => s.sweep({ now: at(80 * HOUR) }) },
];

const CASES = OPERATIONS.flatMap((operation) =>
  operation.channels.flatMap((channel) => REACHABLE[channel].map((from) => ({ operation, channel, from }))),
);

export function describeStateMachine(openFreshStore: OpenFreshStore): void {
  describe('state machine', () => {
    const t = useStore(openFreshStore);

    it('changeItemState allows exactly the edges of the table, for all 144 pairs, and audits only those', async () => {
      const submission = makeSubmission('HC-SM-ALL');
      await t.store.submitDecision(submission, { now: T0, actor: INTAKE });
      const driver = await t.fixture.driver();
      const ref = { id: 'HC-SM-ALL.r1.01', decision_id: 'HC-SM-ALL', revision: 1 };
      let allowed = 0;
      for (const from of ITEM_STATES) {
        for (const to of ITEM_STATES) {
          await driver.db.updateTable('items').set({ state: from }).where('id', '=', ref.id).execute();
          const eventsBefore = (await t.store.audit('HC-SM-ALL')).length;
          const change = driver.write((trx) => changeItemState(trx, { ...ref, state: from }, to, { now: at(1), actor: 'matrix' }));
          if (canChangeItemState(from, to)) {
            allowed += 1;
            await change;
            const events = await t.store.audit('HC-SM-ALL');
            expect(events).toHaveLength(eventsBefore + 1);
            expect(events.at(-1)).toMatchObject({ event: 'item.state-changed', itemId: ref.id, from, to, actor: 'matrix' });
          } else {
            const error = await rejectsWithCode(change, 'ITEM_STATE_CONFLICT');
            expect(error).toMatchObject({ itemId: ref.id, from, to });
            expect(await t.store.audit('HC-SM-ALL')).toHaveLength(eventsBefore);
          }
          const [row] = await t.fixture.query(`select state from items where id = '${ref.id}'`);
          expect(row?.state).toBe(canChangeItemState(from, to) ? to : from);
        }
      }
      expect(allowed).toBe(18);
    });

    it('changeItemState refuses a change made from a state the row is no longer in (a concurrent change)', async () => {
      await t.store.submitDecision(makeSubmission('HC-SM-RACE'), { now: T0, actor: INTAKE });
      const driver = await t.fixture.driver();
      await driver.db.updateTable('items').set({ state: 'sent' }).where('id', '=', 'HC-SM-RACE.r1.01').execute();
      const stale = { id: 'HC-SM-RACE.r1.01', decision_id: 'HC-SM-RACE', revision: 1, state: 'approved' };
      await rejectsWithCode(driver.write((trx) => changeItemState(trx, stale, 'sending', { now: at(1), actor: 'matrix' })), 'ITEM_STATE_CONFLICT');
    });

    it('changeFollowUpState allows exactly the edges of its table, for all 25 pairs', async () => {
      await t.store.submitDecision(makeSubmission('HC-SM-FU'), { now: T0, actor: INTAKE });
      const driver = await t.fixture.driver();
      const ref = { id: 'HC-SM-FU.r1.f1', decision_id: 'HC-SM-FU', revision: 1 };
      for (const from of FOLLOW_UP_STATES) {
        for (const to of FOLLOW_UP_STATES) {
          await driver.db.updateTable('follow_ups').set({ state: from }).where('id', '=', ref.id).execute();
          const change = driver.write((trx) => changeFollowUpState(trx, { ...ref, state: from }, to, { now: at(1), actor: 'matrix' }));
          if (canChangeFollowUpState(from, to)) await change;
          else await rejectsWithCode(change, 'FOLLOW_UP_STATE_CONFLICT');
          const [row] = await t.fixture.query(`select state from follow_ups where id = '${ref.id}'`);
          expect(row?.state).toBe(canChangeFollowUpState(from, to) ? to : from);
        }
      }
    });

    describe.each(CASES.map((c) => [`${c.operation.name} on ${c.channel} from ${c.from}`, c] as const))('%s', (_name, { operation, channel, from }) => {
      it(canChangeItemState(from, operation.target) ? `moves it to ${operation.target}` : 'is refused and leaves the item alone', async () => {
        const decisionId = 'HC-SM-OP';
        const itemId = await bringItem(t.store, decisionId, from, channel);
        expect((await t.store.status(decisionId)).items.find((i) => i.id === itemId)?.state).toBe(from);
        const allowed = canChangeItemState(from, operation.target);
        const run = operation.run(t.store, itemId, decisionId, channel);
        if (operation.kind === 'item') {
          if (allowed) expect(await run).toEqual({ id: itemId, from, state: operation.target });
          else await rejectsWithCode(run, 'ITEM_STATE_CONFLICT');
        } else {
          // A bulk operation acts on what is eligible and may refuse as a whole (nothing awaiting, hashes unmatched).
          await run.catch((error: unknown) => {
            if (allowed) throw error;
            expect((error as { code?: string }).code).toMatch(/^(NOTHING_AWAITING_APPROVAL|HASH_MISMATCH)$/);
          });
        }
        const after = (await t.store.status(decisionId)).items.find((i) => i.id === itemId);
        expect(after?.state).toBe(allowed ? operation.target : from);
        if (operation.name === 'claim' && allowed) {
          const [row] = await t.fixture.query(`select lease_owner from items where id = '${itemId}'`);
          expect(row?.lease_owner).toBe(OTHER_WORKER);
        }
      });
    });
  });
}
