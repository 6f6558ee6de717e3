import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { runMailCatcher } from '../../src/cli/commands/mail-catcher.js';
import { runCli } from '../../src/cli/run-cli.js';
import { hashMessageId } from '../../src/deliver/message-id.js';
import { buildSampleEmail } from '../support/sample-emails.js';

const work = () => mkdtempSync(join(tmpdir(), 'hcc-mail-catcher-cli-'));

function buffers() {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: { write: (t: string) => (out.stdout += t) },
    stderr: { write: (t: string) => (out.stderr += t), isTTY: false },
    now: () => 0,
  };
  return { out, io };
}

async function send(port: number, raw: Uint8Array): Promise<void> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ raw: Buffer.from(raw), envelope: { from: 'no-reply@example.gc.ca', to: ['client@example.test'] } });
  } finally {
    transport.close();
  }
}

const waitFor = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 50));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
};

describe('hcc mail-catcher', () => {
  it('prints one line per message (sequence, size, Message-ID hash, file) and no address, until stopped', async () => {
    const out = work();
    const { out: printed, io } = buffers();
    let stop: (() => void) | undefined;
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const run = runMailCatcher({ host: '127.0.0.1', port: 0, out, allowNonLoopback: false }, io, stopped);
    await waitFor(() => printed.stderr.includes('listening on'), 'the catcher to listen');
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(printed.stderr)?.[1]);
    const email = await buildSampleEmail(11);
    await send(port, email.eml);
    stop?.();
    expect(await run).toBe(0);
    const hash = hashMessageId(email.messageId);
    expect(printed.stdout).toBe(`000001  ${email.eml.length} bytes  message-id ${hash}  000001-${hash}.eml\n`);
    expect(printed.stderr).toContain('stopped, 1 messages written');
    expect(printed.stdout + printed.stderr).not.toContain('@');
    expect(readFileSync(join(out, `000001-${hash}.eml`)).equals(Buffer.from(email.eml))).toBe(true);
  });

  it('usage errors exit 2: no --out, a bad port, a host that is not loopback', async () => {
    for (const argv of [['mail-catcher'], ['mail-catcher', '--out', work(), '--port', '70000'], ['mail-catcher', '--out', work(), '--port', ''], ['mail-catcher', 'extra', '--out', work()]]) {
      const { out, io } = buffers();
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
      expect(out.stderr).toMatch(/^hcc: /);
    }
    const { out, io } = buffers();
    expect(await runCli(['mail-catcher', '--out', work(), '--host', '0.0.0.0', '--port', '0'], io)).toBe(2);
    expect(out.stderr).toContain('MAIL_CATCHER_HOST_NOT_LOOPBACK');
  });

  it('the help lists the command', async () => {
    const { out, io } = buffers();
    await runCli(['help'], io);
    expect(out.stdout).toContain('hcc mail-catcher --out DIR [--port 2525] [--host 127.0.0.1]');
  });

  it('as a process: runs until SIGTERM, then exits 0 with the message on disk', async () => {
    const out = work();
    const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', main, 'mail-catcher', '--port', '0', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => {
      child.once('exit', (code) => {
        resolve(code);
      });
    });
    try {
      await waitFor(() => stderr.includes('listening on'), 'the child to listen');
      const port = Number(/127\.0\.0\.1:(\d+)/.exec(stderr)?.[1]);
      const email = await buildSampleEmail(12, { pdfBytes: 2000 });
      await send(port, email.eml);
      await waitFor(() => stdout.includes('.eml'), 'the line for the message');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stderr).toContain('stopped, 1 messages written');
      expect(readdirSync(out)).toEqual([`000001-${hashMessageId(email.messageId)}.eml`]);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
