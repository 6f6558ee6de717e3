import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { submitDecisionRecord, storeRenderedDecision } from '../../src/outbox/submit-decision-record.js';
import { submitRecordBatch, type BatchOutcome } from '../../src/outbox/submit-record-batch.js';
import type { Store } from '../../src/store/store.js';
import { FIXTURES } from '../support/fixtures.js';
import { RENDERER } from '../support/render-kit.js';
import { fixtureRecord, inProcessPool, memoryStore, NOW, validated } from './intake-kit.js';

let store: Store;
beforeEach(async () => {
  store = await memoryStore();
});
afterEach(async () => {
  await store.close();
});

const deps = () => ({ store, render: (record: Parameters<typeof RENDERER.render>[0]) => RENDERER.render(record) });
const base = { now: NOW, actor: 'intake-cli', approval: 'officer' as const };

describe('submitDecisionRecord', () => {
  it('stores a new decision as created, every item awaiting approval, and returns the plan', async () => {
    const { record, received } = fixtureRecord('refused-voluntary-departure-fr');
    const { result, plan } = await submitDecisionRecord(deps(), { ...base, record, received });
    expect(result.status).toBe('created');
    expect(result.revision).toBe(1);
    expect(result.items.length).toBeGreaterThan(0);
    expect(new Set(result.items.map((i) => i.state))).toEqual(new Set(['awaiting-approval']));
    expect(plan.decisionId).toBe(record.decisionId);
    const status = await store.status(record.decisionId);
    expect(status.followUps.map((f) => [f.kind, f.state])).toEqual(plan.followUps.map((f) => [f.kind, 'pending']));
  });

  it('the same record again is unchanged and writes nothing', async () => {
    const { record, received } = fixtureRecord('refused-voluntary-departure-fr');
    await submitDecisionRecord(deps(), { ...base, record, received });
    const before = await store.audit(record.decisionId);
    const again = await submitDecisionRecord(deps(), { ...base, record, received: structuredClone(received), now: new Date(NOW.getTime() + 60_000) });
    expect(again.result.status).toBe('unchanged');
    expect(await store.audit(record.decisionId)).toEqual(before);
  });

  it('a changed record is a new revision: unsent items superseded, items already handed over kept', async () => {
    const first = fixtureRecord('refused-voluntary-departure-fr');
    const created = await submitDecisionRecord(deps(), { ...base, ...first });
    const status = await store.status(first.record.decisionId);
    await store.approve(first.record.decisionId, { by: 'OFF-9', sha256s: status.items.map((i) => i.sha256), now: NOW });
    const [fileEntry] = await store.pendingFileEntries();
    await store.markFiled(fileEntry?.id ?? '', { by: 'OFF-9', now: NOW });
    const received = { ...first.received, applicationNumber: 'E000299999' };
    const revised = await submitDecisionRecord(deps(), { ...base, record: validated(received), received });
    expect(revised.result.status).toBe('revised');
    expect(revised.result.revision).toBe(2);
    expect(revised.result.kept.map((i) => [i.id, i.state])).toEqual([[fileEntry?.id, 'filed']]);
    expect(revised.result.superseded.map((i) => i.id).sort()).toEqual(created.result.items.map((i) => i.id).filter((id) => id !== fileEntry?.id).sort());
  });

  it('auto approval approves at intake and writes the policy into the audit log', async () => {
    const { record, received } = fixtureRecord('approved-outside-quebec-en');
    const { result } = await submitDecisionRecord(deps(), { ...base, approval: 'auto', record, received });
    expect(new Set(result.items.map((i) => i.state))).toEqual(new Set(['approved']));
    expect((await store.audit(record.decisionId)).some((e) => e.policy === 'auto')).toBe(true);
  });

  it('a render failure stores nothing', async () => {
    const { record, received } = fixtureRecord('approved-outside-quebec-en');
    const failing = { store, render: () => Promise.reject(new Error('boom')) };
    await expect(submitDecisionRecord(failing, { ...base, record, received })).rejects.toThrow('boom');
    await expect(store.status(record.decisionId)).rejects.toMatchObject({ code: 'DECISION_NOT_FOUND' });
  });

  it('storeRenderedDecision stores what was rendered ahead', async () => {
    const { record, received } = fixtureRecord('approved-outside-quebec-en');
    const { result } = await storeRenderedDecision(store, await RENDERER.render(record), { ...base, record, received });
    expect(result.status).toBe('created');
  });
});

describe('submitRecordBatch', () => {
  async function run(paths: string[]): Promise<BatchOutcome[]> {
    const outcomes: BatchOutcome[] = [];
    for await (const outcome of submitRecordBatch({ store, pool: inProcessPool() }, paths, { ...base, window: 3 })) outcomes.push(outcome);
    return outcomes;
  }

  it('reports created, then unchanged, per record in the order read; an invalid record is reported with its issues and nothing stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hcc-submit-batch-'));
    const good = fixtureRecord('approved-outside-quebec-en').received;
    writeFileSync(join(dir, 'a.json'), JSON.stringify(good));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ ...good, decisionId: 'HC-BAD', outcome: 'maybe' }));
    writeFileSync(join(dir, 'c.json'), JSON.stringify(fixtureRecord('refused-valid-status-en').received));
    const first = await run([dir]);
    expect(first.map((o) => [o.source.file.slice(dir.length + 1), o.status])).toEqual([
      ['a.json', 'created'],
      ['b.json', 'invalid'],
      ['c.json', 'created'],
    ]);
    const invalid = first[1];
    expect(invalid?.status === 'invalid' ? invalid.checked.errors.map((e) => e.code) : []).toContain('VALUE_INVALID');
    await expect(store.status('HC-BAD')).rejects.toMatchObject({ code: 'DECISION_NOT_FOUND' });
    const second = await run([dir, `${FIXTURES}decisions/approved-outside-quebec-en.json`]);
    expect(second.map((o) => o.status)).toEqual(['unchanged', 'invalid', 'unchanged', 'unchanged']);
  });
});
