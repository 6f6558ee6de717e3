import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { startMailCatcher, type CaughtMessage, type MailCatcher } from '../../src/deliver/mail-catcher.js';
import { hashMessageId } from '../../src/deliver/message-id.js';
import { resolveSmtpConfig } from '../../src/deliver/smtp-config.js';
import { createSmtpSender } from '../../src/deliver/smtp-sender.js';
import { buildSampleEmail } from '../support/sample-emails.js';

const FROM = 'no-reply@example.gc.ca';
const TO = 'client@example.test';
const running: MailCatcher[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((c) => c.close()));
});

async function catcher(outDir: string, onMessage?: (m: CaughtMessage) => void): Promise<MailCatcher> {
  const started = await startMailCatcher({ outDir, ...(onMessage ? { onMessage } : {}) });
  running.push(started);
  return started;
}

/** Sends raw bytes as they are with a plain (unpooled) nodemailer transport. */
async function sendRaw(port: number, raw: Uint8Array): Promise<string> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    const info = await transport.sendMail({ raw: Buffer.from(raw), envelope: { from: FROM, to: [TO] } });
    return info.response;
  } finally {
    transport.close();
  }
}

const work = () => mkdtempSync(join(tmpdir(), 'hcc-mail-catcher-'));

describe('startMailCatcher', () => {
  it('writes what it receives byte for byte, named by sequence and Message-ID hash, and reports it', async () => {
    const outDir = join(work(), 'caught');
    const seen: CaughtMessage[] = [];
    const { port } = await catcher(outDir, (m) => seen.push(m));
    const email = await buildSampleEmail(1);
    expect(await sendRaw(port, email.eml)).toMatch(/^250 /);
    const hash = hashMessageId(email.messageId);
    expect(readdirSync(outDir)).toEqual([`000001-${hash}.eml`]);
    expect(readFileSync(join(outDir, `000001-${hash}.eml`)).equals(Buffer.from(email.eml))).toBe(true);
    expect(seen).toEqual([{ sequence: 1, size: email.eml.length, messageIdHash: hash, file: `000001-${hash}.eml` }]);
  });

  it('the same Message-ID twice gives two files with the same hash; names carry no address', async () => {
    const outDir = work();
    const { port } = await catcher(outDir);
    const email = await buildSampleEmail(2, { pdfBytes: 2000 });
    await sendRaw(port, email.eml);
    await sendRaw(port, email.eml);
    const names = readdirSync(outDir).sort();
    const hash = hashMessageId(email.messageId);
    expect(names).toEqual([`000001-${hash}.eml`, `000002-${hash}.eml`]);
    for (const name of names) expect(name).toMatch(/^\d{6}-[0-9a-f]{16}\.eml$/);
  });

  it('a message without Message-ID is kept too, under no-message-id', async () => {
    const outDir = work();
    const { port } = await catcher(outDir);
    const raw = Buffer.from('Subject: none\r\n\r\nbody\r\n');
    await sendRaw(port, raw);
    expect(readdirSync(outDir)).toEqual(['000001-no-message-id.eml']);
    expect(readFileSync(join(outDir, '000001-no-message-id.eml')).equals(raw)).toBe(true);
  });

  it('a restart on the same folder goes on from the highest sequence and overwrites nothing', async () => {
    const outDir = work();
    const email = await buildSampleEmail(3, { pdfBytes: 2000 });
    const first = await catcher(outDir);
    await sendRaw(first.port, email.eml);
    await sendRaw(first.port, email.eml);
    await first.close();
    const second = await catcher(outDir);
    await sendRaw(second.port, email.eml);
    expect(readdirSync(outDir).map((n) => n.slice(0, 6)).sort()).toEqual(['000001', '000002', '000003']);
    expect(second.received).toBe(1);
  });

  it('takes messages from our SMTP sender through HCC_SMTP_URL, bytes unchanged', async () => {
    const outDir = work();
    const { port } = await catcher(outDir);
    const email = await buildSampleEmail(4);
    const sender = createSmtpSender(resolveSmtpConfig(undefined, { HCC_SMTP_URL: `smtp://127.0.0.1:${port}` }));
    try {
      const outcome = await sender.send({ raw: email.eml, envelope: { from: FROM, to: [TO] }, messageId: email.messageId, expectedSha256: email.sha256 });
      expect(outcome).toMatchObject({ kind: 'sent', smtpCode: 250 });
    } finally {
      await sender.close();
    }
    const [name] = readdirSync(outDir);
    expect(readFileSync(join(outDir, name ?? '')).equals(Buffer.from(email.eml))).toBe(true);
  });

  it('answers 451 when it cannot write, so the sender keeps the message and retries', async () => {
    const outDir = work();
    const { port } = await catcher(outDir);
    rmSync(outDir, { recursive: true });
    const email = await buildSampleEmail(5, { pdfBytes: 2000 });
    const sender = createSmtpSender(resolveSmtpConfig(undefined, { HCC_SMTP_URL: `smtp://127.0.0.1:${port}` }));
    try {
      const outcome = await sender.send({ raw: email.eml, envelope: { from: FROM, to: [TO] }, messageId: email.messageId });
      expect(outcome).toMatchObject({ kind: 'temporary', code: 'SMTP_TEMPORARY', smtpCode: 451 });
    } finally {
      await sender.close();
    }
  });

  it('refuses a message over maxMessageBytes with 552 and writes nothing', async () => {
    const outDir = work();
    const started = await startMailCatcher({ outDir, maxMessageBytes: 10_000 });
    running.push(started);
    const email = await buildSampleEmail(6, { pdfBytes: 20_000 });
    const sender = createSmtpSender(resolveSmtpConfig(undefined, { HCC_SMTP_URL: `smtp://127.0.0.1:${started.port}` }));
    try {
      const outcome = await sender.send({ raw: email.eml, envelope: { from: FROM, to: [TO] }, messageId: email.messageId });
      expect(outcome).toMatchObject({ kind: 'permanent', code: 'SMTP_MESSAGE_TOO_LARGE', smtpCode: 552 });
    } finally {
      await sender.close();
    }
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('refuses a host that is not loopback unless allowed, before binding anything', async () => {
    for (const host of ['0.0.0.0', '::', '10.1.2.3', 'mail.example.gc.ca']) {
      await expect(startMailCatcher({ host, outDir: work() })).rejects.toMatchObject({ code: 'MAIL_CATCHER_HOST_NOT_LOOPBACK' });
    }
  });

  it('MAIL_CATCHER_LISTEN_FAILED when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      await expect(startMailCatcher({ port, outDir: work() })).rejects.toMatchObject({ code: 'MAIL_CATCHER_LISTEN_FAILED' });
    } finally {
      blocker.close();
    }
  });
});
