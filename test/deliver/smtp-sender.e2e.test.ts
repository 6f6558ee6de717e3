import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SmtpSenderClosedError } from '../../src/deliver/smtp-sender-closed-error.js';
import { hashMessageId, readMessageIdHeader } from '../../src/deliver/message-id.js';
import type { FailedOutcome, SendOutcome } from '../../src/deliver/send-outcome.js';
import { parseSmtpConfig, resolveSmtpConfig } from '../../src/deliver/smtp-config.js';
import { createSmtpSender, type OutgoingMessage, type SmtpSender } from '../../src/deliver/smtp-sender.js';
import { buildSampleEmail, type SampleEmail } from '../support/sample-emails.js';
import { closedPort, startSmtpTestServer, type SmtpFault, type SmtpTestServer } from '../support/smtp-test-server.js';

const FROM = 'no-reply@example.gc.ca';
const TO = 'client@example.test';
const OTHER = 'other@example.test';

let server: SmtpTestServer;
let authServer: SmtpTestServer;
let sample: SampleEmail;
const senders: SmtpSender[] = [];

beforeAll(async () => {
  server = await startSmtpTestServer();
  authServer = await startSmtpTestServer({ auth: { user: 'hcc-relay', pass: 'right-password' } });
  sample = await buildSampleEmail(1);
});

afterEach(async () => {
  server.reset();
  await Promise.all(senders.splice(0).map((s) => s.close()));
});

afterAll(async () => {
  await Promise.all([server.close(), authServer.close()]);
});

/** A sender for a loopback port, with timeouts short enough for a test and generous for a busy machine. */
function senderFor(port: number, extra: Record<string, unknown> = {}, env: Record<string, string> = {}): SmtpSender {
  const config = parseSmtpConfig({
    host: '127.0.0.1',
    port,
    security: 'none',
    timeouts: { connectionMs: 5000, greetingMs: 1000, socketMs: 5000, sendMs: 15_000 },
    ...extra,
  });
  const sender = createSmtpSender(resolveSmtpConfig(config, env));
  senders.push(sender);
  return sender;
}

function message(to: readonly string[] = [TO], overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return { raw: sample.eml, envelope: { from: FROM, to }, messageId: sample.messageId, expectedSha256: sample.sha256, ...overrides };
}

function expectFailure(outcome: SendOutcome, expected: Partial<FailedOutcome>): void {
  expect(outcome).toMatchObject(expected);
  expect(outcome.messageIdHash).toBe(hashMessageId(sample.messageId));
  // Outcomes go to logs and the store's audit: never an address, never the server's own text.
  expect(JSON.stringify(outcome)).not.toContain('@');
  expect(JSON.stringify(outcome)).not.toContain('Injected');
}

describe('the sender delivers the stored bytes as they are', () => {
  it('the server receives exactly the approved bytes, Message-ID header included, with the explicit envelope', async () => {
    const outcome = await senderFor(server.port).send(message());
    expect(outcome).toEqual({ kind: 'sent', smtpCode: 250, messageIdHash: hashMessageId(sample.messageId), accepted: 1 });
    const received = server.messages.at(-1);
    expect(received?.from).toBe(FROM);
    expect(received?.to).toEqual([TO]);
    // smtp-server hands over the DATA after dot-unstuffing: these are the bytes a mailbox stores.
    expect(Buffer.compare(received?.bytes ?? Buffer.alloc(0), Buffer.from(sample.eml))).toBe(0);
    expect(createHash('sha256').update(received?.bytes ?? '').digest('hex')).toBe(sample.sha256);
    expect(readMessageIdHeader(received?.bytes ?? Buffer.alloc(0))).toBe(sample.messageId);
  });

  it('lines that start with a dot, or are a lone dot, survive dot-stuffing unchanged', async () => {
    const raw = Buffer.from(
      ['Message-ID: <dots@hc-correspondence.invalid>', 'Subject: dots', '', '.', '..', '.leading', 'middle . dot', '.', 'end', ''].join('\r\n'),
      'latin1',
    );
    const outcome = await senderFor(server.port).send({ raw, envelope: { from: FROM, to: [TO] }, messageId: '<dots@hc-correspondence.invalid>' });
    expect(outcome.kind).toBe('sent');
    expect(server.messages.at(-1)?.bytes.equals(raw)).toBe(true);
  });

  it('many messages share the pool: every one arrives intact over at most maxConnections connections', async () => {
    const emails = await Promise.all([2, 3, 4, 5, 6, 7, 8, 9].map((n) => buildSampleEmail(n, { pdfBytes: 4000 })));
    const before = { messages: server.messages.length, connections: server.connections };
    const sender = senderFor(server.port, { pool: { maxConnections: 2, maxMessages: 100 } });
    const outcomes = await Promise.all(emails.map((e) => sender.send({ raw: e.eml, envelope: { from: FROM, to: [TO] }, messageId: e.messageId, expectedSha256: e.sha256 })));
    expect(outcomes.map((o) => o.kind)).toEqual(emails.map(() => 'sent'));
    expect(server.connections - before.connections).toBeLessThanOrEqual(2);
    const received = server.messages.slice(before.messages);
    expect(received).toHaveLength(emails.length);
    for (const email of emails) {
      expect(received.some((r) => r.bytes.equals(Buffer.from(email.eml)))).toBe(true);
    }
  });

  it('a pooled connection keeps working after the server refuses a message on it', async () => {
    const sender = senderFor(server.port, { pool: { maxConnections: 1, maxMessages: 100 } });
    server.inject({ at: 'data', code: 554 });
    expect((await sender.send(message())).kind).toBe('permanent');
    server.reset();
    expect(await sender.send(message())).toMatchObject({ kind: 'sent', smtpCode: 250 });
  });
});

describe('each SMTP fault is classified with its outcome and code', () => {
  const cases: { name: string; fault: SmtpFault; to?: string[]; expected: Partial<FailedOutcome> }[] = [
    { name: '421 greeting', fault: { at: 'connect', code: 421 }, expected: { kind: 'temporary', code: 'SMTP_TEMPORARY', smtpCode: 421, scope: 'transport' } },
    { name: '451 greeting', fault: { at: 'connect', code: 451 }, expected: { kind: 'temporary', code: 'SMTP_TEMPORARY', smtpCode: 451, scope: 'transport' } },
    { name: '554 greeting', fault: { at: 'connect', code: 554 }, expected: { kind: 'temporary', code: 'SMTP_GREETING_REJECTED', smtpCode: 554, scope: 'transport' } },
    { name: '451 on MAIL FROM', fault: { at: 'mail-from', code: 451 }, expected: { kind: 'temporary', code: 'SMTP_TEMPORARY', smtpCode: 451, scope: 'message' } },
    { name: '550 on MAIL FROM', fault: { at: 'mail-from', code: 550 }, expected: { kind: 'temporary', code: 'SMTP_SENDER_REJECTED', smtpCode: 550, scope: 'transport' } },
    { name: '421 on RCPT', fault: { at: 'rcpt', code: 421 }, expected: { kind: 'temporary', code: 'SMTP_TEMPORARY', smtpCode: 421, scope: 'transport' } },
    { name: '451 on RCPT', fault: { at: 'rcpt', code: 451 }, expected: { kind: 'temporary', code: 'SMTP_TEMPORARY', smtpCode: 451, scope: 'message', rejectedRecipients: [0] } },
    { name: '550 on RCPT', fault: { at: 'rcpt', code: 550 }, expected: { kind: 'permanent', code: 'SMTP_RECIPIENT_REJECTED', smtpCode: 550, scope: 'message', rejectedRecipients: [0] } },
    {
      name: '550 for one recipient of two',
      fault: { at: 'rcpt', code: 550, recipient: OTHER },
      to: [TO, OTHER],
      expected: { kind: 'permanent', code: 'SMTP_PARTIAL_REJECTION', smtpCode: 550, scope: 'message', rejectedRecipients: [1] },
    },
    { name: '451 after DATA', fault: { at: 'data', code: 451 }, expected: { kind: 'temporary', code: 'SMTP_TEMPORARY', smtpCode: 451, scope: 'message' } },
    { name: '421 after DATA', fault: { at: 'data', code: 421 }, expected: { kind: 'temporary', code: 'SMTP_TEMPORARY', smtpCode: 421, scope: 'transport' } },
    { name: '554 after DATA', fault: { at: 'data', code: 554 }, expected: { kind: 'permanent', code: 'SMTP_MESSAGE_REJECTED', smtpCode: 554, scope: 'message' } },
    { name: '552 after DATA', fault: { at: 'data', code: 552 }, expected: { kind: 'permanent', code: 'SMTP_MESSAGE_TOO_LARGE', smtpCode: 552, scope: 'message' } },
    { name: 'connection dropped mid-DATA', fault: { at: 'drop-mid-data' }, expected: { kind: 'temporary', code: 'SMTP_CONNECTION', smtpCode: undefined, scope: 'transport' } },
    { name: 'silent server (no greeting)', fault: { at: 'silent' }, expected: { kind: 'temporary', code: 'SMTP_TIMEOUT', smtpCode: undefined, scope: 'transport' } },
  ];

  for (const { name, fault, to, expected } of cases) {
    it(name, async () => {
      const before = server.messages.length;
      server.inject(fault);
      const outcome = await senderFor(server.port).send(message(to));
      expectFailure(outcome, expected);
      const delivered = server.messages.slice(before);
      if (expected.code === 'SMTP_PARTIAL_REJECTION') {
        // The server took it for the other recipient: why the item cannot simply be retried.
        expect(delivered.map((m) => m.to)).toEqual([[TO]]);
      } else {
        expect(delivered).toEqual([]);
      }
    });
  }

  it('a closed port (server down) is a temporary connection failure', async () => {
    expectFailure(await senderFor(await closedPort()).send(message()), { kind: 'temporary', code: 'SMTP_CONNECTION', scope: 'transport' });
  });

  it('a server that never answers the end of DATA runs into the send deadline', async () => {
    server.inject({ at: 'hang-after-data' });
    const sender = senderFor(server.port, { timeouts: { connectionMs: 5000, greetingMs: 1000, socketMs: 60_000, sendMs: 500 } });
    expectFailure(await sender.send(message()), { kind: 'temporary', code: 'SMTP_TIMEOUT', scope: 'transport' });
  });
});

describe('authentication and TLS', () => {
  const auth = { auth: { user: 'hcc-relay', passwordEnv: 'HCC_TEST_SMTP_PASSWORD' } };

  it('logs in with the password from the named environment variable and sends', async () => {
    const sender = senderFor(authServer.port, auth, { HCC_TEST_SMTP_PASSWORD: 'right-password' });
    expect(await sender.send(message())).toMatchObject({ kind: 'sent' });
    expect(authServer.messages.at(-1)?.user).toBe('hcc-relay');
  });

  it('wrong credentials: temporary, SMTP_AUTH_FAILED, transport scope (the item waits for the operator)', async () => {
    const before = authServer.logins.rejected;
    const sender = senderFor(authServer.port, auth, { HCC_TEST_SMTP_PASSWORD: 'wrong-password' });
    expectFailure(await sender.send(message()), { kind: 'temporary', code: 'SMTP_AUTH_FAILED', smtpCode: 535, scope: 'transport' });
    expect(authServer.logins.rejected).toBe(before + 1);
  });

  it('no credentials for a server that requires them: the 530 on MAIL FROM is SMTP_AUTH_FAILED too', async () => {
    expectFailure(await senderFor(authServer.port).send(message()), { kind: 'temporary', code: 'SMTP_AUTH_FAILED', smtpCode: 530, scope: 'transport' });
  });

  it('verify() reports the same classification before any message is sent', async () => {
    expect(await senderFor(authServer.port, auth, { HCC_TEST_SMTP_PASSWORD: 'right-password' }).verify()).toEqual({ kind: 'ok' });
    expect(await senderFor(authServer.port, auth, { HCC_TEST_SMTP_PASSWORD: 'wrong-password' }).verify()).toMatchObject({ kind: 'temporary', code: 'SMTP_AUTH_FAILED' });
  });

  it('STARTTLS required but not offered: SMTP_TLS, and nothing goes out in clear text', async () => {
    const before = server.messages.length;
    const sender = senderFor(server.port, { security: 'starttls' });
    expectFailure(await sender.send(message()), { kind: 'temporary', code: 'SMTP_TLS', scope: 'transport' });
    expect(server.messages.length).toBe(before);
  });
});

describe('checks before sending: nothing reaches the server', () => {
  const refusals: { name: string; edit: (m: OutgoingMessage) => OutgoingMessage; code: FailedOutcome['code'] }[] = [
    { name: 'bytes that do not match the approved hash', edit: (m) => ({ ...m, expectedSha256: '0'.repeat(64) }), code: 'BYTES_HASH_MISMATCH' },
    {
      name: 'one byte changed after approval',
      edit: (m) => {
        const tampered = Uint8Array.from(m.raw);
        const at = tampered.length - 10;
        tampered[at] = (tampered[at] ?? 0) ^ 1;
        return { ...m, raw: tampered };
      },
      code: 'BYTES_HASH_MISMATCH',
    },
    {
      name: 'bare LF line endings, which SMTP would rewrite',
      edit: (m) => ({ raw: Buffer.from(`Message-ID: ${m.messageId}\n\nbody\n`), envelope: m.envelope, messageId: m.messageId }),
      code: 'BYTES_NOT_CRLF',
    },
    {
      name: 'a last line without CRLF, to which SMTP would add one',
      edit: (m) => ({ raw: Buffer.from(`Message-ID: ${m.messageId}\r\n\r\nbody`), envelope: m.envelope, messageId: m.messageId }),
      code: 'BYTES_NOT_CRLF',
    },
    { name: 'a Message-ID other than the expected one', edit: (m) => ({ ...m, messageId: '<another@hc-correspondence.invalid>' }), code: 'MESSAGE_ID_MISMATCH' },
    { name: 'no recipient', edit: (m) => ({ ...m, envelope: { from: FROM, to: [] } }), code: 'ENVELOPE_INVALID' },
    { name: 'a recipient with a line break', edit: (m) => ({ ...m, envelope: { from: FROM, to: ['a@example.test>\r\nRCPT TO:<b@example.test'] } }), code: 'ENVELOPE_INVALID' },
  ];

  for (const { name, edit, code } of refusals) {
    it(name, async () => {
      const before = { connections: server.connections, messages: server.messages.length };
      const edited = edit(message());
      const outcome = await senderFor(server.port).send(edited);
      expect(outcome).toMatchObject({ kind: 'permanent', code, scope: 'message', smtpCode: undefined });
      expect(outcome.messageIdHash).toBe(hashMessageId(edited.messageId));
      expect(server.connections).toBe(before.connections);
      expect(server.messages.length).toBe(before.messages);
    });
  }
});

describe('closing', () => {
  it('close() waits for sends in flight, then refuses new ones with SMTP_SENDER_CLOSED', async () => {
    const sender = senderFor(server.port);
    const inFlight = sender.send(message());
    await sender.close();
    expect((await inFlight).kind).toBe('sent');
    await expect(sender.send(message())).rejects.toBeInstanceOf(SmtpSenderClosedError);
    await expect(sender.send(message())).rejects.toMatchObject({ code: 'SMTP_SENDER_CLOSED' });
  });
});
