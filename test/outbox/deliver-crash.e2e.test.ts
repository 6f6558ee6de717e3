import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMessageIdHeader } from '../../src/deliver/message-id.js';
import { openStore } from '../../src/store/open-store.js';
import { assertBuildIsCurrent, HCC } from '../support/run-hcc.js';
import type { SmtpTestServer } from '../support/smtp-test-server.js';
import { seededRandom, startDeliveryScene, submitEmailDecisions } from './delivery-test-kit.js';

// `hcc deliver` (the built dist, a child process) killed with SIGKILL at random points, then run
// again until everything is delivered: nothing is lost, and a message the server got twice (sent,
// then killed before the commit) is the same Message-ID with the same bytes.

const T0 = Date.parse('2026-12-01T15:00:00.000Z');
const DECISIONS = 30;
const EMAILS_EACH = 10;
const TOTAL = DECISIONS * EMAILS_EACH;
const KILLED_RUNS = 30;
const SEED = Number(process.env.HCC_CRASH_SEED ?? Date.now() % 2_147_483_647);

let server: SmtpTestServer;
let db: string;
let config: string;

beforeAll(async () => {
  assertBuildIsCurrent();
  // A slow, narrow pool so each run is cut in the middle of its work; a short send deadline keeps the lease (deadline + 60 s) short.
  ({ server, db, config } = await startDeliveryScene('hcc-crash-', { pool: { maxConnections: 2 }, rateLimit: { messagesPerSecond: 10 }, timeouts: { connectionMs: 5000, greetingMs: 5000, socketMs: 10_000, sendMs: 10_000 } }));
  await submitEmailDecisions(db, 'HC-CRASH', DECISIONS, EMAILS_EACH, new Date(T0));
});

afterAll(async () => {
  await server.close();
});

interface Run {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/** One `hcc deliver --once` at `now`, killed after `killAfterMs` when given. */
function deliver(now: number, killAfterMs?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HCC, 'deliver', '--once', '--db', db, '--config', config, '--now', new Date(now).toISOString(), '--batch', '20'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, HCC_SMTP_URL: `smtp://127.0.0.1:${server.port}` },
    });
    const err: Buffer[] = [];
    child.stderr.on('data', (b: Buffer) => err.push(b));
    // The clock of the kill starts when the command reports it is running (store open), so a busy machine's slow start-up does not eat the window.
    let timer: NodeJS.Timeout | undefined;
    child.stderr.once('data', () => {
      if (killAfterMs !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ exitCode, signal, stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

describe('hcc deliver killed with SIGKILL at random points', () => {
  it(`delivers every one of ${TOTAL} emails after ${KILLED_RUNS} killed runs; duplicates carry the same Message-ID and bytes`, async () => {
    console.log(`crash test seed ${SEED} (HCC_CRASH_SEED=${SEED} replays the kill times)`);
    const random = seededRandom(SEED);
    // Each run comes after the lease of the one before has ended (send deadline 10 s + 60 s), so a killed run's items are taken over.
    const step = 2 * 60_000;
    let clock = T0;
    let killed = 0;
    let finished = 0;
    for (let run = 0; run < KILLED_RUNS; run += 1) {
      clock += step;
      // From its first line: some runs die before claiming, most in the middle of sending or committing.
      const result = await deliver(clock, Math.floor(random() * 1500));
      if (result.signal === 'SIGKILL') killed += 1;
      else {
        expect(result.exitCode, result.stderr).toBe(0);
        finished += 1;
      }
    }
    let restarts = 0;
    let counts: Record<string, number> = {};
    for (; restarts < 20; restarts += 1) {
      const store = await openStore({ location: db, now: new Date(clock) });
      counts = await store.outboxCounts();
      await store.close();
      if (counts.sent === TOTAL) break;
      clock += step;
      const result = await deliver(clock);
      expect(result.exitCode, result.stderr).toBe(0);
    }

    const store = await openStore({ location: db, now: new Date(clock) });
    const expected = new Map<string, Buffer>();
    let retried = 0;
    try {
      for (let d = 1; d <= DECISIONS; d += 1) {
        const status = await store.status(`HC-CRASH-${String(d).padStart(3, '0')}`);
        for (const item of status.items) {
          if (item.attempts > 1) retried += 1;
          expected.set(item.messageId ?? '', Buffer.from((await store.itemContent(item.id)).bytes));
        }
      }
    } finally {
      await store.close();
    }
    const byMessageId = new Map<string, Buffer[]>();
    for (const message of server.messages) {
      const id = readMessageIdHeader(message.bytes) ?? '';
      byMessageId.set(id, [...(byMessageId.get(id) ?? []), message.bytes]);
    }
    const duplicates = [...byMessageId.values()].reduce((sum, copies) => sum + copies.length - 1, 0);
    console.log(
      `crash test: ${KILLED_RUNS} runs (${killed} killed, ${finished} finished before the kill), ${restarts} restarts to finish; ` +
        `${TOTAL} items, ${counts.sent ?? 0} sent, ${retried} taken over after a kill; server received ${server.messages.length} messages, ${byMessageId.size} distinct Message-IDs, ${duplicates} duplicates`,
    );

    expect(killed).toBeGreaterThanOrEqual(20);
    expect(counts.sent).toBe(TOTAL);
    expect(Object.entries(counts).filter(([state, n]) => state !== 'sent' && n > 0)).toEqual([]);
    // Nothing lost: every item reached the server; nothing foreign: every Message-ID is one of ours.
    expect([...byMessageId.keys()].sort()).toEqual([...expected.keys()].sort());
    // Every copy, the duplicates included, is byte for byte the approved message.
    for (const [id, copies] of byMessageId) {
      for (const copy of copies) expect(Buffer.compare(copy, expected.get(id) ?? Buffer.alloc(0)), id).toBe(0);
    }
  });
});
