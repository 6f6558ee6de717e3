import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_STATES, FOLLOW_UP_TRANSITIONS } from '../../src/store/follow-up-state.js';
import { CLAIM_EDGES } from '../../src/store/postgres-claim.js';
import { SENT_EDGES } from '../../src/store/postgres-sent-many.js';
import { canChangeItemState, ITEM_STATES, ITEM_TRANSITIONS, TERMINAL_ITEM_STATES, UNSENT_ITEM_STATES, type ItemState } from '../../src/store/item-state.js';

function reachableFrom(start: ItemState): Set<ItemState> {
  const seen = new Set<ItemState>([start]);
  const queue = [start];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const next of ITEM_TRANSITIONS[state]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

describe('the item state machine', () => {
  it('terminal states are the outcomes GOV.UK Notify would report, and those an officer or a revision ends with', () => {
    expect([...TERMINAL_ITEM_STATES].sort()).toEqual(
      ['cancelled', 'filed', 'permanent-failure', 'printed', 'rejected', 'sent', 'superseded', 'technical-failure'].sort(),
    );
  });

  it('the delivery statements on PostgreSQL, which write states in SQL, take only edges of the table', () => {
    for (const [from, to] of [...CLAIM_EDGES, ...SENT_EDGES]) expect(canChangeItemState(from, to), `${from} → ${to}`).toBe(true);
  });

  it('every state can be reached from awaiting-approval', () => {
    expect([...reachableFrom('awaiting-approval')].sort()).toEqual([...ITEM_STATES].sort());
  });

  it('only approval leads to delivery: nothing reaches sending, sent, printed or filed without passing approved', () => {
    const withoutApproved = new Set<ItemState>(['awaiting-approval']);
    const queue: ItemState[] = ['awaiting-approval'];
    for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
      for (const next of ITEM_TRANSITIONS[state]) {
        if (next !== 'approved' && !withoutApproved.has(next)) {
          withoutApproved.add(next);
          queue.push(next);
        }
      }
    }
    for (const delivered of ['sending', 'sent', 'printed', 'filed'] as const) expect(withoutApproved.has(delivered)).toBe(false);
  });

  it('a new revision can supersede exactly the unsent states, and an officer can cancel exactly those', () => {
    expect(ITEM_STATES.filter((s) => canChangeItemState(s, 'superseded'))).toEqual([...UNSENT_ITEM_STATES]);
    expect(ITEM_STATES.filter((s) => canChangeItemState(s, 'cancelled'))).toEqual([...UNSENT_ITEM_STATES]);
  });

  it('nothing leaves a terminal state and nothing goes back to awaiting approval', () => {
    for (const s of TERMINAL_ITEM_STATES) expect(ITEM_TRANSITIONS[s]).toEqual([]);
    expect(ITEM_STATES.filter((s) => canChangeItemState(s, 'awaiting-approval'))).toEqual([]);
  });

  it('follow-ups leave pending once and never come back', () => {
    for (const s of FOLLOW_UP_STATES) {
      expect(FOLLOW_UP_TRANSITIONS[s].includes('pending')).toBe(false);
      if (s !== 'pending') expect(FOLLOW_UP_TRANSITIONS[s]).toEqual([]);
    }
  });
});
