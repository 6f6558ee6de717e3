import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fireDueFollowUps } from '../../src/outbox/fire-due-follow-ups.js';
import { recordTrpDecision } from '../../src/outbox/record-trp-decision.js';
import { submitDecisionRecord } from '../../src/outbox/submit-decision-record.js';
import type { Store } from '../../src/store/store.js';
import { RENDERER } from '../support/render-kit.js';
import { fixtureRecord, memoryStore, NOW } from './intake-kit.js';

let store: Store;
beforeEach(async () => {
  store = await memoryStore();
});
afterEach(async () => {
  await store.close();
});

const approval = 'officer' as const;
const submit = async (name: string) => {
  const { record, received } = fixtureRecord(name);
  await submitDecisionRecord({ store, render: (r) => RENDERER.render(r) }, { record, received, now: NOW, actor: 'intake-cli', approval });
  return record;
};
const fire = (now: Date) => fireDueFollowUps({ store, renderer: RENDERER, now, actor: 'worker-a', approval });

describe('fireDueFollowUps', () => {
  it('fires nothing on the deadline itself, then the no-status notice for each person not confirmed, once', async () => {
    const record = await submit('refused-family-departure-together-en');
    await store.confirmDeparture(record.decisionId, { uci: '1102-0116', on: '2026-12-10', by: 'OFF-9', now: NOW });
    // 18 December 2026, 23:00 in Toronto: a person may still leave that day.
    expect(await fire(new Date('2026-12-19T04:00:00Z'))).toEqual({ fired: [], failed: [] });
    const later = new Date('2026-12-19T15:00:00Z');
    const { fired, failed } = await fire(later);
    expect(failed).toEqual([]);
    expect(fired).toHaveLength(1);
    const items = fired[0]?.items ?? [];
    expect(new Set(items.map((i) => i.state))).toEqual(new Set(['awaiting-approval']));
    expect(items.some((i) => i.kind === 'cbsa-no-status-notice' && i.channel === 'email')).toBe(true);
    // The notice names the person not confirmed (the principal applicant), not the spouse who left.
    const expected = await RENDERER.renderFollowUp(record, { kind: 'departure-not-confirmed', persons: ['1102-0115'], on: '2026-12-19' });
    expect(expected.plan.documents.filter((d) => d.kind === 'cbsa-no-status-notice').map((d) => d.uci)).toEqual(['1102-0115']);
    expect(items).toHaveLength(expected.emails.length + expected.letters.length + expected.fileEntries.length);
    expect(items.some((i) => i.channel === 'file' && i.kind === 'file-update')).toBe(true);
    const plan = RENDERER.plan(record);
    expect(plan.followUps[0]?.persons).toEqual(['1102-0115', '1102-0116']);
    const status = await store.status(record.decisionId);
    expect(status.followUps.map((f) => [f.kind, f.state, f.pendingPersons])).toEqual([['departure-confirmation', 'fired', ['1102-0115']]]);
    expect(await fire(new Date(later.getTime() + 86_400_000))).toEqual({ fired: [], failed: [] });
  });

  it('never fires a permit’s follow-up by date; a refusal recorded queues the no-status correspondence once', async () => {
    const record = await submit('refused-trp-compelling-reasons-fee-receipt-en');
    expect(await fire(new Date('2027-06-01T15:00:00Z'))).toEqual({ fired: [], failed: [] });
    const now = new Date('2026-12-02T15:00:00Z');
    const refused = await recordTrpDecision({ store, renderer: RENDERER, decisionId: record.decisionId, uci: '1102-0120', decision: 'refused', by: 'OFF-7', now, approval });
    expect(refused.outcome.status).toBe('recorded');
    expect(refused.fired?.items.map((i) => i.kind)).toContain('file-update');
    expect(refused.fired?.items.some((i) => i.kind === 'cbsa-no-status-notice')).toBe(true);
    const again = await recordTrpDecision({ store, renderer: RENDERER, decisionId: record.decisionId, uci: '1102-0120', decision: 'refused', by: 'OFF-7', now, approval });
    expect(again.outcome.status).toBe('unchanged');
    expect(again.fired).toBeUndefined();
    await expect(
      recordTrpDecision({ store, renderer: RENDERER, decisionId: record.decisionId, uci: '1102-0120', decision: 'issued', by: 'OFF-7', now, approval }),
    ).rejects.toMatchObject({ code: 'PERSON_OUTCOME_CONFLICT' });
  });

  it('an issued permit resolves the follow-up and queues nothing', async () => {
    const record = await submit('refused-trp-spouse-principal-departs-fr');
    const before = (await store.status(record.decisionId)).items.length;
    const issued = await recordTrpDecision({ store, renderer: RENDERER, decisionId: record.decisionId, uci: '1102-0122', decision: 'issued', by: 'OFF-7', now: NOW, approval });
    expect(issued.fired).toBeUndefined();
    expect(issued.outcome.followUps.map((f) => f.state)).toEqual(['resolved']);
    expect((await store.status(record.decisionId)).items).toHaveLength(before);
  });
});
