import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HCC } from '../support/run-hcc.js';

// `npm start` runs `hcc demo`: the whole system on one machine. The built command, as a newcomer runs it.
describe('hcc demo (npm start)', () => {
  it('stores the fixtures, delivers and prints one decision, serves the pages with a demo officer, and stops cleanly on SIGTERM', async () => {
    const data = mkdtempSync(join(tmpdir(), 'hcc-demo-'));
    const child = spawn(HCC, ['demo', '--data', data, '--port', '0', '--smtp-port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        stdout += b.toString('utf8');
        if (stdout.includes('Stop with Ctrl-C.')) resolve();
      });
      child.on('exit', (code) => { reject(new Error(`hcc demo exited ${String(code)} before it was ready: ${stderr.slice(0, 400)}`)); });
    });
    try {
      await ready;
      expect(stderr).toMatch(/\d+ decisions stored, each awaiting an officer's approval/);
      // The shown decision's email went to the mail catcher; its letters to a print batch.
      expect(stdout).toMatch(/HC-2026-000101\.r1\.01\s+client-email\s+email\s+client\s+fr\s+sent\s+1\s+250/);
      expect(readdirSync(join(data, 'mail')).filter((n) => n.endsWith('.eml'))).toHaveLength(1);
      const [batch] = readdirSync(join(data, 'print'));
      const manifest = JSON.parse(readFileSync(join(data, 'print', batch ?? '', 'batch-manifest.json'), 'utf8')) as { count: number };
      expect(manifest.count).toBe(2);
      // The pages answer, and the printed password signs the demo officer in.
      const url = /The officers' pages: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)?.[1] ?? '';
      const password = /with the password (\S+) \(shown once/.exec(stdout)?.[1] ?? '';
      expect(password.length).toBeGreaterThanOrEqual(12);
      const form = await fetch(`${url}sign-in`);
      expect(form.status).toBe(200);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
      const cookies = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const signedIn = await fetch(`${url}sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
        body: new URLSearchParams({ _csrf: csrf, account: 'demo-officer', password }).toString(),
      });
      expect(signedIn.status).toBe(303);
      const session = signedIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const queue = await fetch(`${url}queue`, { headers: { cookie: `${cookies}; ${session}` }, redirect: 'manual' });
      expect(queue.status).toBe(200);
      expect(await queue.text()).toContain('HC-2026-000102');
    } finally {
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
    }
  }, 180_000);
});
