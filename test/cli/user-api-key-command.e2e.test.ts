import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.js';
import { runCli } from '../../src/cli/run-cli.js';
import { openServerStore } from '../../src/store/open-server-store.js';

function io(stdin?: string): CliIo & { out: string; err: string } {
  const result = {
    out: '',
    err: '',
    stdout: { write: (t: string) => (result.out += t) },
    stderr: { write: (t: string) => (result.err += t) },
    now: () => 0,
    ...(stdin === undefined ? {} : { stdin: Readable.from([Buffer.from(stdin)]) }),
  };
  return result;
}

describe('hcc user add and hcc api-key create', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const db = () => {
    const dir = mkdtempSync(join(tmpdir(), 'hcc-cli-'));
    dirs.push(dir);
    return join(dir, 'hcc.sqlite');
  };

  it('adds an account whose password comes from standard input and is never printed', async () => {
    const path = db();
    const run = io('a long enough password\n');
    expect(await runCli(['user', 'add', 'OFF-1001', '--role', 'officer', '--db', path], run)).toBe(0);
    expect(run.out).toBe('');
    expect(run.err).not.toContain('a long enough password');
    const { store, access } = await openServerStore({ location: path, now: new Date() });
    try {
      expect(await access.authenticate('OFF-1001', 'a long enough password')).toMatchObject({ id: 'OFF-1001', role: 'officer' });
    } finally {
      await store.close();
    }
    const again = io('another long password\n');
    expect(await runCli(['user', 'add', 'OFF-1001', '--role', 'admin', '--db', path], again)).toBe(1);
    expect(again.err).toContain('ACCOUNT_EXISTS');
  });

  it('refuses a missing role, a password given as an argument, and no input', async () => {
    const path = db();
    expect(await runCli(['user', 'add', 'OFF-1', '--db', path], io('password password\n'))).toBe(2);
    expect(await runCli(['user', 'add', 'OFF-1', '--role', 'officer', '--password', 'x', '--db', path], io('p\n'))).toBe(2);
    expect(await runCli(['user', 'add', 'OFF-1', '--role', 'officer', '--db', path], io())).toBe(2);
    const short = io('short\n');
    expect(await runCli(['user', 'add', 'OFF-1', '--role', 'officer', '--db', path], short)).toBe(1);
    expect(short.err).toContain('ACCOUNT_INPUT_INVALID');
  });

  it('prints an API key alone on standard output, once, and stores only its hash', async () => {
    const path = db();
    const run = io();
    expect(await runCli(['api-key', 'create', 'case-system', '--db', path], run)).toBe(0);
    expect(run.out).toMatch(/^hcc_[a-f0-9]{16}_[A-Za-z0-9_-]{43}\n$/);
    const { store, access } = await openServerStore({ location: path, now: new Date() });
    try {
      expect(await access.checkApiKey(run.out.trim())).toMatchObject({ name: 'case-system' });
    } finally {
      await store.close();
    }
  });
});
