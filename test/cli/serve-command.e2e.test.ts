import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/fixtures.js';
import { HCC } from '../support/run-hcc.js';

// Slow: the built hcc in a child process (npm run build first), on a temporary SQLite store.
describe('hcc serve', () => {
  it('listens on the port asked (0: any), answers health and readiness, and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hcc-serve-'));
    const child = spawn(process.execPath, [HCC, 'serve', '--port', '0', '--db', join(dir, 'hcc.sqlite'), '--workers', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      let stderr = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString('utf8');
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr);
          if (match?.[1] !== undefined) resolve(match[1]);
        });
        child.on('exit', () => {
          reject(new Error(`hcc serve exited: ${stderr}`));
        });
      });
      expect(await (await fetch(`${url}healthz`)).json()).toEqual({ status: 'ok' });
      expect(await (await fetch(`${url}readyz`)).json()).toEqual({ status: 'ready' });
      const queue = await fetch(`${url}queue`, { redirect: 'manual' });
      expect([queue.status, queue.headers.get('location')]).toEqual([303, '/sign-in']);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
        resolve(code);
      }));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a bad port or a server section that does not match (exit 2)', async () => {
    const run = (args: string[]) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [HCC, 'serve', ...args], { stdio: 'ignore' });
        child.on('exit', (code) => {
          resolve(code);
        });
      });
    expect(await run(['--port', '99999'])).toBe(2);
    expect(await run(['--port', 'x'])).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'hcc-serve-'));
    try {
      const config = JSON.parse(readFileSync(join(FIXTURES, 'hcc.config.json'), 'utf8'));
      writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...config, server: { sessionIdleMinutes: 'soon' } }));
      expect(await run(['--config', join(dir, 'config.json'), '--db', join(dir, 'hcc.sqlite')])).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
