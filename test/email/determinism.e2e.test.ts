import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { emailContext } from '../support/render-kit.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientEmailRoutes } from '../../src/email/client-email-routes.js';
import { composeClientEmail } from '../../src/email/compose-client-email.js';
import { DEFAULT_EMAIL_CONFIG } from '../../src/email/email-config.js';
import { composeEmailsOf, loadCase, pdfFor } from './email-test-kit.js';
import { readEml } from './read-eml.js';

const execFileAsync = promisify(execFile);
const child = fileURLToPath(new URL('./compose-child.ts', import.meta.url));

async function hashesInChild(name: string, tz: string): Promise<string[]> {
  const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', child, name], {
    // Another time zone and locale must not change a byte.
    env: { ...process.env, TZ: tz, LANG: 'fr_CA.UTF-8' },
  });
  return JSON.parse(stdout) as string[];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('determinism', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('builds the same bytes twice, whatever the clock and Math.random say', async () => {
    const first = await composeEmailsOf('refused-trp-with-removal-order-en');
    vi.useFakeTimers({ now: new Date('2031-03-04T05:06:07Z'), toFake: ['Date'] });
    vi.spyOn(Math, 'random').mockReturnValue(0.123);
    const second = await composeEmailsOf('refused-trp-with-removal-order-en');
    expect(first.length).toBe(3);
    expect(second.map((e) => Buffer.from(e.eml))).toEqual(first.map((e) => Buffer.from(e.eml)));
  });

  it('builds the same bytes in two other processes and in this one', async () => {
    const name = 'refused-bilingual-en-first';
    const [a, b] = await Promise.all([hashesInChild(name, 'Asia/Tokyo'), hashesInChild(name, 'America/St_Johns')]);
    const here = (await composeEmailsOf(name)).map((e) => sha256(e.eml));
    expect(a).toHaveLength(1);
    expect(a[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toEqual(a);
    expect(here).toEqual(a);
  });

  it('derives the Message-ID, the boundaries and the Date from the record and the content', async () => {
    const { record } = loadCase('refused-trp-with-removal-order-en');
    const emails = await composeEmailsOf('refused-trp-with-removal-order-en');
    expect(emails.map((e) => e.messageId.replace(/\.[0-9a-f]{8}@/, '.{hash8}@'))).toEqual([
      `<${record.decisionId}.client.{hash8}@hc-correspondence.invalid>`,
      `<${record.decisionId}.cbsa-removals-notice.{hash8}@hc-correspondence.invalid>`,
      `<${record.decisionId}.trp-rationale.{hash8}@hc-correspondence.invalid>`,
    ]);
    expect(record.decisionDate).toBe('2026-11-24');
    for (const email of emails) {
      const raw = Buffer.from(email.eml).toString('latin1');
      const message = readEml(email.eml);
      expect(message.headers.get('date')).toBe('Tue, 24 Nov 2026 12:00:00 +0000');
      expect(message.headers.get('message-id')).toBe(email.messageId);
      // Nothing but these headers: no X-Mailer, no other header a library could stamp with time or chance.
      expect([...message.headers.keys()]).toEqual([
        'auto-submitted', 'content-language', 'from', 'to', 'reply-to', 'subject', 'message-id', 'date', 'mime-version', 'content-type',
      ]);
      const boundaries = [...raw.matchAll(/boundary=("?)([^";\r\n]+)\1/g)].map((m) => m[2]);
      expect(boundaries.length).toBeGreaterThan(0);
      for (const boundary of boundaries) expect(boundary).toMatch(/^hcc-[0-9a-f]{24}-Part_\d+$/);
      // CRLF throughout, as RFC 5322 wants on the wire.
      expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    }
  });

  it('changes the Message-ID when the content changes', async () => {
    const [a] = await composeEmailsOf('refused-valid-status-en');
    const { record, plan } = loadCase('refused-valid-status-en');
    const [route] = clientEmailRoutes(record, plan);
    if (!route) throw new Error('no client route');
    const changed = route.documents.map((d) => ({ ...pdfFor(d), bytes: new TextEncoder().encode('%PDF-1.7 another') }));
    const b = await composeClientEmail(record, route, changed, emailContext(DEFAULT_EMAIL_CONFIG));
    expect(b.messageId).toMatch(/^<HC-2026-000107\.client\.[0-9a-f]{8}@/);
    expect(b.messageId).not.toBe(a?.messageId);
  });
});
