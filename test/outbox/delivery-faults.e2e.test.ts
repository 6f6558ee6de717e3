import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readMessageIdHeader } from '../../src/deliver/message-id.js';
import { parseSmtpConfig, resolveSmtpConfig } from '../../src/deliver/smtp-config.js';
import { createSmtpSender, type SmtpSender } from '../../src/deliver/smtp-sender.js';
import { SILENT_LOG } from '../../src/outbox/delivery-log.js';
import { runDeliveryRound } from '../../src/outbox/delivery-round.js';
import type { DeliveryWorkerOptions } from '../../src/outbox/delivery-worker.js';
import { openStore } from '../../src/store/open-store.js';
import type { ItemStatus, Store } from '../../src/store/store.js';
import { closedPort, startSmtpTestServer, type SmtpFault, type SmtpTestServer } from '../support/smtp-test-server.js';
import { CLIENT, deliverySubmission, REPRESENTATIVE, seededRandom } from './delivery-test-kit.js';

// The worker against a real SMTP server on loopback with faults injected, a real SQLite store and a
// clock the test moves: each fault ends in its state with its number of attempts.

const T0 = new Date('2026-12-01T15:00:00.000Z');
const HOUR = 3_600_000;
const LEASE_MS = 60_000;

let server: SmtpTestServer;
let authServer: SmtpTestServer;
let store: Store;
let now: Date;
const senders: SmtpSender[] = [];
let decisionCount = 0;

beforeAll(async () => {
  server = await startSmtpTestServer();
  authServer = await startSmtpTestServer({ auth: { user: 'hcc-relay', pass: 'right-password' } });
});
afterAll(async () => {
  await Promise.all([server.close(), authServer.close()]);
});
beforeEach(async () => {
  now = T0;
  random = seededRandom(7);
  store = await openStore({ location: join(mkdtempSync(join(tmpdir(), 'hcc-deliver-')), 'hcc.sqlite'), now: T0 });
});
afterEach(async () => {
  server.reset();
  await Promise.all(senders.splice(0).map((s) => s.close()));
  await store.close();
});

/** A sender for a loopback port with timeouts short enough for a test, generous for a busy machine. */
function senderFor(port: number, extra: Record<string, unknown> = {}, env: Record<string, string> = {}): SmtpSender {
  const config = parseSmtpConfig({ host: '127.0.0.1', port, security: 'none', timeouts: { connectionMs: 5000, greetingMs: 1000, socketMs: 3000, sendMs: 10_000 }, ...extra });
  const sender = createSmtpSender(resolveSmtpConfig(config, env));
  senders.push(sender);
  return sender;
}

/** The jitter source of the next rounds: seeded, or fixed at the middle (no jitter) where a test counts attempts. */
let random: () => number = seededRandom(7);

function round(sender: SmtpSender) {
  const worker: DeliveryWorkerOptions = { store, sender, workerId: 'worker-a', clock: () => now, random, leaseMs: LEASE_MS, batchSize: 20, log: SILENT_LOG };
  return runDeliveryRound({ store, clock: () => now, actor: 'round-test', log: SILENT_LOG, workers: [worker] });
}

/** Stores one decision, approved at intake; returns its id. */
async function submit(options: Parameters<typeof deliverySubmission>[1] = {}): Promise<string> {
  decisionCount += 1;
  const id = `HC-DLV-${String(decisionCount).padStart(4, '0')}`;
  await store.submitDecision(deliverySubmission(id, options), { now, actor: 'intake-test', approval: 'auto' });
  return id;
}

async function emailItems(decisionId: string): Promise<ItemStatus[]> {
  return (await store.status(decisionId)).items.filter((i) => i.channel === 'email');
}

async function onlyEmail(decisionId: string): Promise<ItemStatus> {
  const [item] = await emailItems(decisionId);
  if (item === undefined) throw new Error('no email item');
  return item;
}

async function afterOneFault(fault: SmtpFault, options: Parameters<typeof deliverySubmission>[1] = {}): Promise<ItemStatus> {
  const id = await submit(options);
  server.inject(fault);
  await round(senderFor(server.port));
  return onlyEmail(id);
}

/** Rounds on the moving clock: each time to the item's next attempt, until it is no longer retried. */
async function retryUntilSettled(decisionId: string, sender: SmtpSender): Promise<ItemStatus> {
  for (let guard = 0; guard < 100; guard += 1) {
    const item = await onlyEmail(decisionId);
    if (item.state !== 'temporary-failure') return item;
    const [entry] = (await store.listItems({ state: 'temporary-failure' })).filter((e) => e.id === item.id);
    if (entry?.nextAttemptAt === undefined) throw new Error('a temporary failure without a next attempt');
    now = new Date(entry.nextAttemptAt);
    await round(sender);
  }
  throw new Error('the retries did not settle');
}

describe('delivery through a real SMTP server', () => {
  it('sends the approved bytes as they are, with the envelope, once: sent after one attempt', async () => {
    const before = server.messages.length;
    const id = await submit({ emails: 3, cc: [REPRESENTATIVE] });
    const result = await round(senderFor(server.port));
    expect(result.emails).toMatchObject({ claimed: 3, sent: 3 });
    const items = await emailItems(id);
    expect(items.map((i) => [i.state, i.attempts, i.lastSmtpCode])).toEqual([
      ['sent', 1, 250],
      ['sent', 1, 250],
      ['sent', 1, 250],
    ]);
    const received = server.messages.slice(before);
    expect(received).toHaveLength(3);
    for (const item of items) {
      const stored = await store.itemContent(item.id);
      const got = received.find((m) => readMessageIdHeader(m.bytes) === item.messageId);
      expect(got?.to).toEqual([CLIENT, REPRESENTATIVE]);
      expect(Buffer.compare(got?.bytes ?? Buffer.alloc(0), Buffer.from(stored.bytes))).toBe(0);
    }
    // Nothing is due any more: another round sends nothing.
    expect((await round(senderFor(server.port))).emails.claimed).toBe(0);
  });

  it('421 on MAIL FROM: temporary failure, retried on the schedule, then sent', async () => {
    const item = await afterOneFault({ at: 'mail-from', code: 421 });
    expect(item).toMatchObject({ state: 'temporary-failure', attempts: 1, lastCode: 'SMTP_TEMPORARY', lastSmtpCode: 421 });
    server.reset();
    const settled = await retryUntilSettled(item.id.split('.r')[0] ?? '', senderFor(server.port));
    expect(settled).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('451 on RCPT: temporary failure after one attempt', async () => {
    expect(await afterOneFault({ at: 'rcpt', code: 451 })).toMatchObject({ state: 'temporary-failure', attempts: 1, lastCode: 'SMTP_TEMPORARY', lastSmtpCode: 451 });
  });

  it('a server that keeps answering 451 turns the item into a technical failure after 72 hours (26 attempts without jitter)', async () => {
    // Attempts at 0, 1, 3, 7 … 255 minutes (the 9th), then every 4 hours: the 25th at 68.25 h, the 26th a second before 72 h.
    random = () => 0.5;
    const id = await submit();
    server.inject({ at: 'data', code: 451 });
    const sender = senderFor(server.port);
    await round(sender);
    const settled = await retryUntilSettled(id, sender);
    expect(settled).toMatchObject({ state: 'technical-failure', attempts: 26, lastCode: 'SMTP_TEMPORARY', lastSmtpCode: 451 });
    // The last attempt came just before the 72 hours were up, none after.
    expect(now.getTime() - T0.getTime()).toBe(72 * HOUR - 1000);
  });

  it('with jitter the retries still end in a technical failure within 72 hours', async () => {
    const id = await submit();
    server.inject({ at: 'rcpt', code: 421 });
    const sender = senderFor(server.port);
    await round(sender);
    const settled = await retryUntilSettled(id, sender);
    expect(settled.state).toBe('technical-failure');
    expect(settled.attempts).toBeGreaterThan(20);
    expect(now.getTime() - T0.getTime()).toBeLessThan(72 * HOUR);
  });

  it('550 on RCPT: permanent failure after one attempt, never retried', async () => {
    const item = await afterOneFault({ at: 'rcpt', code: 550 });
    expect(item).toMatchObject({ state: 'permanent-failure', attempts: 1, lastCode: 'SMTP_RECIPIENT_REJECTED', lastSmtpCode: 550 });
    now = new Date(T0.getTime() + HOUR);
    expect((await round(senderFor(server.port))).emails.claimed).toBe(0);
  });

  it('554 after DATA: permanent failure after one attempt', async () => {
    expect(await afterOneFault({ at: 'data', code: 554 })).toMatchObject({ state: 'permanent-failure', attempts: 1, lastCode: 'SMTP_MESSAGE_REJECTED', lastSmtpCode: 554 });
  });

  it('one recipient of several refused (nodemailer resolves without an error): permanent failure, the others got it once', async () => {
    const before = server.messages.length;
    const item = await afterOneFault({ at: 'rcpt', code: 550, recipient: REPRESENTATIVE }, { cc: [REPRESENTATIVE] });
    expect(item).toMatchObject({ state: 'permanent-failure', attempts: 1, lastCode: 'SMTP_PARTIAL_REJECTION', lastSmtpCode: 550 });
    expect(server.messages.slice(before).map((m) => m.to)).toEqual([[CLIENT]]);
  });

  it('the connection dropped mid-DATA: temporary failure, then sent at the next attempt', async () => {
    const item = await afterOneFault({ at: 'drop-mid-data' });
    expect(item).toMatchObject({ state: 'temporary-failure', attempts: 1, lastCode: 'SMTP_CONNECTION' });
    server.reset();
    const settled = await retryUntilSettled(item.id.split('.r')[0] ?? '', senderFor(server.port));
    expect(settled).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('the server down: temporary failure (connection refused)', async () => {
    const id = await submit();
    await round(senderFor(await closedPort()));
    expect(await onlyEmail(id)).toMatchObject({ state: 'temporary-failure', attempts: 1, lastCode: 'SMTP_CONNECTION' });
  });

  it('a silent server (no greeting): temporary failure by timeout', async () => {
    const item = await afterOneFault({ at: 'silent' });
    expect(item).toMatchObject({ state: 'temporary-failure', attempts: 1, lastCode: 'SMTP_TIMEOUT' });
  });

  it('a server that stalls after DATA: temporary failure by timeout', async () => {
    const id = await submit();
    server.inject({ at: 'hang-after-data' });
    await round(senderFor(server.port, { timeouts: { connectionMs: 5000, greetingMs: 1000, socketMs: 1000, sendMs: 10_000 } }));
    expect(await onlyEmail(id)).toMatchObject({ state: 'temporary-failure', attempts: 1, lastCode: 'SMTP_TIMEOUT' });
  });

  it('wrong credentials: temporary failure (our configuration), sent once the password is right', async () => {
    const id = await submit();
    const auth = { auth: { user: 'hcc-relay', passwordEnv: 'HCC_TEST_SMTP_PASSWORD' } };
    await round(senderFor(authServer.port, auth, { HCC_TEST_SMTP_PASSWORD: 'wrong-password' }));
    expect(await onlyEmail(id)).toMatchObject({ state: 'temporary-failure', attempts: 1, lastCode: 'SMTP_AUTH_FAILED', lastSmtpCode: 535 });
    const settled = await retryUntilSettled(id, senderFor(authServer.port, auth, { HCC_TEST_SMTP_PASSWORD: 'right-password' }));
    expect(settled).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('a lease that expired (its worker died after claiming) is taken over by another worker', async () => {
    const id = await submit();
    const [claimed] = await store.claimEmails({ now, limit: 10, leaseMs: LEASE_MS, worker: 'worker-dead' });
    expect(claimed?.attempts).toBe(1);
    // Still leased: nobody takes it.
    expect((await round(senderFor(server.port))).emails.claimed).toBe(0);
    now = new Date(T0.getTime() + LEASE_MS + 1);
    expect((await round(senderFor(server.port))).emails).toMatchObject({ claimed: 1, sent: 1 });
    expect(await onlyEmail(id)).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('the sweep ends items whose retry window ran out while no worker ran, and file entries are filed', async () => {
    const id = await submit({ fileEntry: true });
    await store.claimEmails({ now, limit: 10, leaseMs: LEASE_MS, worker: 'worker-dead' });
    now = new Date(T0.getTime() + 73 * HOUR);
    const result = await round(senderFor(server.port));
    expect(result).toMatchObject({ swept: 1, filed: 1 });
    const items = (await store.status(id)).items;
    expect(items.map((i) => [i.channel, i.state, i.lastCode ?? null])).toEqual([
      ['email', 'technical-failure', 'RETRY_WINDOW_EXPIRED'],
      ['file', 'filed', null],
    ]);
  });
});
