import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMessageIdHeader } from '../../src/deliver/message-id.js';
import { openStore } from '../../src/store/open-store.js';
import { assertBuildIsCurrent, HCC } from '../support/run-hcc.js';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server.js';
import { postgresFixtures } from '../store/store-fixtures.js';
import { submitEmailDecisions, writeConfigWithSmtp } from './delivery-test-kit.js';

// Two `hcc deliver` processes (the built dist) on one PostgreSQL database, over one batch: they
// claim with FOR UPDATE SKIP LOCKED, so each item is sent exactly once, and both take part.
// Needs PostgreSQL at 127.0.0.1:5432; the run's database is created and dropped.

const NOW = '2026-12-01T15:00:00.000Z';
const DECISIONS = 30;
const EMAILS_EACH = 10;
const TOTAL = DECISIONS * EMAILS_EACH;

const postgres = postgresFixtures();
let server: SmtpTestServer;
let dir: string;
let config: string;

beforeAll(async () => {
  assertBuildIsCurrent();
  await postgres.setUp();
  server = await startSmtpTestServer();
  dir = mkdtempSync(join(tmpdir(), 'hcc-pg-deliver-'));
  config = join(dir, 'hcc.config.json');
  // Rate-limited so that both processes are still sending when the second has started.
  writeConfigWithSmtp(config, { pool: { maxConnections: 2 }, rateLimit: { messagesPerSecond: 60 } });
});

afterAll(async () => {
  await server.close();
  await postgres.tearDown();
});

/** One `hcc deliver --once`; its JSON-lines log (HCC_LOG) goes to `log`. */
function deliver(log: string): Promise<{ exitCode: number | null; stdout: string; stderr: string; log: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HCC, 'deliver', '--once', '--db', postgres.url(), '--config', config, '--now', NOW, '--batch', '20'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HCC_SMTP_URL: `smtp://127.0.0.1:${server.port}`, HCC_LOG: log },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (exitCode) => { resolve({ exitCode, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), log: existsSync(log) ? readFileSync(log, 'utf8') : '' }); });
  });
}

/** The workers that reported a sent item, from the JSON-lines log. */
function sentBy(log: string): string[] {
  return log
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { event: string; state?: string; itemId?: string })
    .filter((e) => e.event === 'item.delivery' && e.state === 'sent')
    .map((e) => e.itemId ?? '');
}

describe('two hcc deliver processes on PostgreSQL', () => {
  it(`send each of ${TOTAL} emails exactly once between them`, async () => {
    await submitEmailDecisions(postgres.url(), 'HC-PG', DECISIONS, EMAILS_EACH, new Date(NOW));

    const [a, b] = await Promise.all([deliver(join(dir, 'a.log')), deliver(join(dir, 'b.log'))]);
    expect(a.exitCode, a.stderr).toBe(0);
    expect(b.exitCode, b.stderr).toBe(0);
    const sentA = sentBy(a.log);
    const sentB = sentBy(b.log);
    console.log(`two workers on PostgreSQL: ${sentA.length} + ${sentB.length} sent, server received ${server.messages.length}`);

    expect(sentA.length + sentB.length).toBe(TOTAL);
    expect(new Set([...sentA, ...sentB]).size).toBe(TOTAL);
    expect(sentA.length).toBeGreaterThan(0);
    expect(sentB.length).toBeGreaterThan(0);
    // The logs carry ids, states and codes: no address reaches them.
    expect(`${a.log}${a.stdout}${a.stderr}${b.log}${b.stdout}${b.stderr}`).not.toContain('@');
    const ids = server.messages.map((m) => readMessageIdHeader(m.bytes));
    expect(ids).toHaveLength(TOTAL);
    expect(new Set(ids).size).toBe(TOTAL);

    const after = await openStore({ location: postgres.url(), now: new Date(NOW) });
    try {
      const counts = await after.outboxCounts();
      expect(counts.sent).toBe(TOTAL);
      const rows = await after.listItems({ state: 'sent', limit: 1000 });
      expect(rows.every((r) => r.attempts === 1)).toBe(true);
    } finally {
      await after.close();
    }
  });
});
