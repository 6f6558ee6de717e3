// Messages per second through the real `hcc deliver --once` (built dist, a child process): approved
// emails of ~45 kB (the project's MIME builder, one synthetic PDF each) from the store to a loopback
// SMTP server in a process of its own that discards them. SQLite with one worker process, then
// PostgreSQL with two worker processes on one database. The time runs from the start of the
// process(es) to their exit, start-up included.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { packageRoot } from '../../src/package-root.js';
import { parseSmtpConfig, resolveSmtpConfig } from '../../src/deliver/smtp-config.js';
import { createSmtpSender } from '../../src/deliver/smtp-sender.js';
import { openStore } from '../../src/store/open-store.js';
import type { DecisionSubmission, FileInput, ItemInput } from '../../src/store/store.js';
import { buildSampleEmail, type SampleEmail } from '../support/sample-emails.js';

export interface DeliveryBenchResult {
  readonly messages: number;
  readonly meanKb: number;
  /** The same messages through createSmtpSender alone (no store), 64 in flight: the ceiling on this machine now. */
  readonly poolAloneMessagesPerSecond: number;
  readonly sqliteMessagesPerSecond: number;
  /** Two `hcc deliver` processes on one PostgreSQL database; null when PostgreSQL is not reachable. */
  readonly postgresMessagesPerSecond: number | null;
}

const NOW = '2026-12-01T15:00:00.000Z';
const EMAILS_PER_DECISION = 10;
const POSTGRES_ADMIN = process.env.HCC_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Sink {
  readonly port: number;
  stop(): Promise<number>;
}

/** The discard server, compiled beside this file. */
async function startSink(): Promise<Sink> {
  const script = fileURLToPath(new URL('./discard-smtp-server.js', import.meta.url));
  const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const first = await lines.next();
  const { port } = JSON.parse(String(first.value)) as { port: number };
  return {
    port,
    async stop() {
      child.stdin.end();
      const last = await lines.next();
      return (JSON.parse(String(last.value)) as { received: number }).received;
    },
  };
}

function submissions(emails: readonly SampleEmail[]): DecisionSubmission[] {
  const result: DecisionSubmission[] = [];
  for (let start = 0; start < emails.length; start += EMAILS_PER_DECISION) {
    const decisionId = `HC-BENCH-${String(start / EMAILS_PER_DECISION).padStart(5, '0')}`;
    const batch = emails.slice(start, start + EMAILS_PER_DECISION);
    const files: FileInput[] = batch.map((e) => ({ sha256: e.sha256, mediaType: 'message/rfc822', bytes: e.eml }));
    const items: ItemInput[] = batch.map((e, i) => ({
      key: `email-${String(i + 1).padStart(2, '0')}`,
      kind: 'client-email',
      channel: 'email',
      recipient: 'client',
      languages: ['en', 'fr'],
      fileSha256: e.sha256,
      messageId: e.messageId,
      envelope: { from: 'no-reply@example.gc.ca', to: ['client@example.test'], cc: [] },
    }));
    result.push({ decisionId, record: { decisionId, synthetic: true }, officerId: 'OFF-1001', officeId: 'OTT-01', plan: { decisionId }, files, items, followUps: [] });
  }
  return result;
}

async function fill(location: string, emails: readonly SampleEmail[]): Promise<void> {
  const store = await openStore({ location, now: new Date(NOW) });
  try {
    for (const submission of submissions(emails)) await store.submitDecision(submission, { now: new Date(NOW), actor: 'bench', approval: 'auto' });
  } finally {
    await store.close();
  }
}

function deliver(location: string, config: string, port: number): Promise<void> {
  const hcc = join(packageRoot(), 'dist', 'src', 'cli', 'main.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [hcc, 'deliver', '--once', '--db', location, '--config', config, '--now', NOW], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, HCC_SMTP_URL: `smtp://127.0.0.1:${port}` },
    });
    const err: Buffer[] = [];
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`hcc deliver exited with ${String(code)}: ${Buffer.concat(err).toString('utf8')}`));
    });
  });
}

/** Runs `workers` deliver processes at once on a filled store; messages per second over their wall time. */
async function measure(location: string, workers: number, config: string, total: number): Promise<number> {
  const sink = await startSink();
  const started = performance.now();
  await Promise.all(Array.from({ length: workers }, () => deliver(location, config, sink.port)));
  const seconds = (performance.now() - started) / 1000;
  const received = await sink.stop();
  if (received !== total) throw new Error(`the sink received ${received} messages of ${total}`);
  return total / seconds;
}

/** The sender alone on the same messages and the same kind of sink: what the worker is compared with. */
async function poolAlone(emails: readonly SampleEmail[]): Promise<number> {
  const sink = await startSink();
  const sender = createSmtpSender(resolveSmtpConfig(parseSmtpConfig({ host: '127.0.0.1', port: sink.port, security: 'none', pool: { maxConnections: 5, maxMessages: 1000 } }), {}));
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      for (let email = emails[next++]; email !== undefined; email = emails[next++]) {
        await sender.send({ raw: email.eml, envelope: { from: 'no-reply@example.gc.ca', to: ['client@example.test'] }, messageId: email.messageId, expectedSha256: email.sha256 });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await sender.close();
  await sink.stop();
  return emails.length / seconds;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Delivery throughput on SQLite (one process) and PostgreSQL (two processes). */
export async function benchmarkDelivery(total: number): Promise<DeliveryBenchResult> {
  const count = Math.max(EMAILS_PER_DECISION, Math.round(total / EMAILS_PER_DECISION) * EMAILS_PER_DECISION);
  const emails: SampleEmail[] = [];
  for (let n = 1; n <= count; n += 1) emails.push(await buildSampleEmail(n));
  const meanKb = emails.reduce((sum, e) => sum + e.eml.length, 0) / count / 1024;
  const dir = mkdtempSync(join(tmpdir(), 'hcc-bench-deliver-'));
  const config = join(dir, 'hcc.config.json');
  const base = JSON.parse(readFileSync(join(packageRoot(), 'fixtures', 'hcc.config.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(config, JSON.stringify({ ...base, smtp: { pool: { maxConnections: 5, maxMessages: 1000 } } }));
  try {
    const sqlite = join(dir, 'hcc.sqlite');
    await fill(sqlite, emails);
    const poolRate = await poolAlone(emails);
    console.log(`delivery: ${count} messages of ${meanKb.toFixed(1)} kB; nodemailer's pool alone (5 connections): ${poolRate.toFixed(0)} messages/s`);
    const sqliteRate = await measure(sqlite, 1, config, count);
    console.log(`delivery: hcc deliver --once, SQLite, 1 worker: ${sqliteRate.toFixed(0)} messages/s (${((100 * sqliteRate) / poolRate).toFixed(0)}% of the pool alone)`);

    let postgresRate: number | null = null;
    const database = `hcc_bench_${process.pid}_${Date.now().toString(36)}`;
    try {
      await admin(`create database ${database}`);
    } catch {
      console.log('delivery: PostgreSQL not reachable, skipped');
      return { messages: count, meanKb, poolAloneMessagesPerSecond: poolRate, sqliteMessagesPerSecond: sqliteRate, postgresMessagesPerSecond: null };
    }
    try {
      const url = POSTGRES_ADMIN.replace(/\/[^/]*$/, `/${database}`);
      await fill(url, emails);
      postgresRate = await measure(url, 2, config, count);
      console.log(`delivery: hcc deliver --once, PostgreSQL, 2 worker processes: ${postgresRate.toFixed(0)} messages/s (${((100 * postgresRate) / poolRate).toFixed(0)}% of the pool alone)`);
    } finally {
      await admin(`drop database if exists ${database} with (force)`);
    }
    return { messages: count, meanKb, poolAloneMessagesPerSecond: poolRate, sqliteMessagesPerSecond: sqliteRate, postgresMessagesPerSecond: postgresRate };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
