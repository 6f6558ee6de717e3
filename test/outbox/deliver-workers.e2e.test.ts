import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMessageIdHeader } from '../../src/deliver/message-id.js';
import { openStore } from '../../src/store/open-store.js';
import { assertBuildIsCurrent } from '../support/run-hcc.js';
import { runHccWithEnv } from '../support/run-hcc-with-env.js';
import { startDeliveryScene, submitEmailDecisions, type DeliveryScene } from './delivery-test-kit.js';

// One `hcc deliver --workers 3` process on one SQLite store: three delivery loops claim batches of
// the same outbox side by side. Each email must reach the server exactly once, with one attempt,
// and the loops must all have taken part (or the test would prove nothing about concurrency).

const NOW = '2026-12-01T15:00:00.000Z';
const DECISIONS = 12;
const EMAILS_EACH = 5;
const TOTAL = DECISIONS * EMAILS_EACH;
const WORKERS = 3;

let scene: DeliveryScene;

beforeAll(async () => {
  assertBuildIsCurrent();
  // Rate-limited and with small batches, so that every loop still finds work when the others have claimed theirs.
  scene = await startDeliveryScene('hcc-deliver-workers-', { pool: { maxConnections: 3 }, rateLimit: { messagesPerSecond: 120 } });
  await submitEmailDecisions(scene.db, 'HC-WK', DECISIONS, EMAILS_EACH, new Date(NOW));
});

afterAll(async () => {
  await scene.server.close();
  rmSync(scene.dir, { recursive: true, force: true });
});

interface DeliveryEvent {
  readonly event: string;
  readonly actor?: string;
  readonly itemId?: string;
  readonly state?: string;
}

describe('hcc deliver --workers 3 on SQLite', () => {
  it(`sends each of ${TOTAL} emails exactly once, every loop taking part`, async () => {
    const { server, dir, db, config } = scene;
    const log = join(dir, 'hcc.log');
    const run = await runHccWithEnv(['deliver', '--once', '--workers', String(WORKERS), '--batch', '2', '--db', db, '--config', config, '--now', NOW], {
      HCC_SMTP_URL: `smtp://127.0.0.1:${server.port}`,
      HCC_LOG: log,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`${WORKERS} workers, once`);
    expect(run.stderr).toContain(`${TOTAL} sent`);

    const events = readFileSync(log, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as DeliveryEvent)
      .filter((e) => e.event === 'item.delivery');
    const sent = events.filter((e) => e.state === 'sent');
    expect(sent).toHaveLength(TOTAL);
    expect(new Set(sent.map((e) => e.itemId)).size).toBe(TOTAL);
    // Every loop (its actor ends in .1, .2, .3) sent some of them.
    const loops = new Set(sent.map((e) => /\.(\d+)$/.exec(e.actor ?? '')?.[1]));
    expect([...loops].sort()).toEqual(['1', '2', '3']);

    const ids = server.messages.map((m) => readMessageIdHeader(m.bytes));
    expect(ids).toHaveLength(TOTAL);
    expect(new Set(ids).size).toBe(TOTAL);

    const store = await openStore({ location: db, now: new Date(NOW) });
    try {
      expect((await store.outboxCounts()).sent).toBe(TOTAL);
      const rows = await store.listItems({ state: 'sent', limit: 1000 });
      expect(rows).toHaveLength(TOTAL);
      expect(rows.every((r) => r.attempts === 1)).toBe(true);
    } finally {
      await store.close();
    }

    // A second round finds nothing left to send.
    const again = await runHccWithEnv(['deliver', '--once', '--workers', String(WORKERS), '--db', db, '--config', config, '--now', NOW], { HCC_SMTP_URL: `smtp://127.0.0.1:${server.port}` });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('0 sent');
    expect(server.messages).toHaveLength(TOTAL);
  });
});
