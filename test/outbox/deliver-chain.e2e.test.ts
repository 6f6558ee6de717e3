import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMessageIdHeader } from '../../src/deliver/message-id.js';
import { openStore } from '../../src/store/open-store.js';
import { FIXTURES } from '../support/fixtures.js';
import { assertBuildIsCurrent } from '../support/run-hcc.js';
import { runHccWithEnv, type HccRun } from '../support/run-hcc-with-env.js';
import type { SmtpTestServer } from '../support/smtp-test-server.js';
import { startDeliveryScene } from './delivery-test-kit.js';

// The whole chain on the built hcc: submit a fixture (approval auto), deliver its emails to a real
// SMTP server, print its letters, then after the departure deadline deliver again: the follow-up
// fires before the claim and its notice goes out in the same round.

const NOW = '2026-12-01T15:00:00Z';
const AFTER_DEADLINE = '2026-12-19T15:00:00Z';
const DECISION = 'HC-2026-000113';

let server: SmtpTestServer;
let dir: string;
let db: string;
let config: string;

beforeAll(async () => {
  assertBuildIsCurrent();
  // Approval auto: an upstream system reviewed the bytes, so what is submitted goes out.
  ({ server, dir, db, config } = await startDeliveryScene('hcc-chain-', { timeouts: { connectionMs: 5000, greetingMs: 5000, socketMs: 10_000, sendMs: 20_000 } }, { approval: 'auto' }));
});

afterAll(async () => {
  await server.close();
});

function hcc(...argv: string[]): Promise<HccRun> {
  return runHccWithEnv([...argv, '--db', db], { HCC_SMTP_URL: `smtp://127.0.0.1:${server.port}`, HCC_LOG: join(dir, 'hcc.log') });
}

interface StatusItem {
  id: string;
  kind: string;
  channel: string;
  state: string;
  attempts: number;
  messageId?: string;
}

async function items(): Promise<StatusItem[]> {
  const run = await hcc('status', DECISION, '--json');
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { items: StatusItem[] }).items;
}

describe('submit, deliver, print, and a follow-up that fires in deliver', () => {
  it('sends every email as stored, files the file entry, prints the letters; after the deadline the notice fires and goes out', async () => {
    const submit = await hcc('submit', `${FIXTURES}decisions/refused-family-departure-together-en.json`, '--config', config, '--now', NOW, '--workers', '1');
    expect(submit.code, submit.stderr).toBe(0);
    const submitted = await items();
    expect(submitted.every((i) => i.state === 'approved')).toBe(true);

    const first = await hcc('deliver', '--once', '--config', config, '--now', NOW);
    expect(first.code, first.stderr).toBe(0);
    const delivered = await items();
    const emails = delivered.filter((i) => i.channel === 'email');
    expect(emails.length).toBeGreaterThan(0);
    expect(emails.map((i) => [i.state, i.attempts])).toEqual(emails.map(() => ['sent', 1]));
    expect(delivered.filter((i) => i.channel === 'file').map((i) => i.state)).toEqual(delivered.filter((i) => i.channel === 'file').map(() => 'filed'));
    expect(delivered.filter((i) => i.channel === 'mail').every((i) => i.state === 'approved')).toBe(true);

    // What the server received is byte for byte what the store holds.
    const store = await openStore({ location: db, now: new Date(NOW) });
    try {
      for (const email of emails) {
        const got = server.messages.find((m) => readMessageIdHeader(m.bytes) === email.messageId);
        expect(Buffer.compare(got?.bytes ?? Buffer.alloc(0), Buffer.from((await store.itemContent(email.id)).bytes))).toBe(0);
      }
    } finally {
      await store.close();
    }

    // The client has a postal address: the refusal letter and the departure instructions go by post too.
    const letters = delivered.filter((i) => i.channel === 'mail');
    expect(letters.map((i) => i.kind)).toEqual(['refusal-letter', 'departure-instructions']);
    const print = await hcc('print', '--out', join(dir, 'print'), '--now', NOW);
    expect(print.code, print.stderr).toBe(0);
    expect(readdirSync(join(dir, 'print', 'batch-20261201T150000Z'))).toHaveLength(letters.length + 1);
    expect((await items()).filter((i) => i.channel === 'mail').map((i) => i.state)).toEqual(letters.map(() => 'printed'));

    const sentBefore = server.messages.length;
    const later = await hcc('deliver', '--once', '--config', config, '--now', AFTER_DEADLINE);
    expect(later.code, later.stderr).toBe(0);
    expect(later.stderr).toContain('1 follow-ups fired');
    const after = await items();
    const added = after.slice(delivered.length);
    // Neither person confirmed: the notices (emails) were sent and the file update filed, in the round that fired them.
    const notices = added.filter((i) => i.channel === 'email');
    expect(notices.length).toBeGreaterThan(0);
    expect(added.map((i) => [i.kind, i.state])).toEqual([...notices.map(() => ['cbsa-no-status-notice', 'sent']), ['file-update', 'filed']]);
    expect(server.messages.length).toBe(sentBefore + notices.length);

    // Nothing is sent twice: another round finds nothing.
    const again = await hcc('deliver', '--once', '--config', config, '--now', AFTER_DEADLINE);
    expect(again.stderr).toContain('0 sent');
    expect(server.messages.length).toBe(sentBefore + notices.length);
    // The log holds ids, states and codes: no address.
    expect(readFileSync(join(dir, 'hcc.log'), 'utf8')).not.toMatch(/@example/);
  });
});
