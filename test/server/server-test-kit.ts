import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createServer } from '../../src/server/create-server.js';
import type { ServerOptions } from '../../src/server/server-options.js';
import { sha256Hex } from '../../src/store/canonical-json.js';
import { openServerStore, type ServerStore } from '../../src/store/open-server-store.js';
import type { DecisionSubmission, FileInput } from '../../src/store/store.js';

export const T0 = new Date('2026-12-01T15:00:00.000Z');
export const OFFICER = 'OFF-1001';
export const SECOND_OFFICER = 'OFF-2002';
export const PASSWORD = 'correct horse battery staple';
/** A name built to break HTML that does not escape: it must show as written. */
export const HOSTILE = `O'Brien & <Fils> "<script>alert(1)</script>"`;

/** The decoded From name of `emailBytes`. */
export const ENCODED_FROM_NAME = 'Me Aurélie Bélanger & Associés';
/** The decoded To name of `emailBytes`: accents and characters HTML must escape. */
export const ENCODED_TO_NAME = 'Zoé O’Brien & <Fils>';

function file(bytes: Uint8Array, mediaType: string): FileInput {
  return { sha256: sha256Hex(bytes), mediaType, bytes };
}

/** A small MIME message like the renderer's: plain text and HTML alternatives, quoted-printable, a hostile name in both. */
export function emailBytes(decisionId: string, name = HOSTILE): Uint8Array {
  const html = `<html><body><p>Dear ${name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p><script>parent.document.title='pwned'</script></body></html>`;
  const text = `Dear ${name}\r\nDecision ${decisionId}`;
  const message = [
    // Names and subject as RFC 2047 encoded words, like the renderer writes them: accents, `&` and `<` inside.
    `From: =?UTF-8?Q?Me_Aur=C3=A9lie_B=C3=A9langer_=26_Associ=C3=A9s?= <no-reply@example.gc.ca>`,
    `To: =?UTF-8?B?${Buffer.from(ENCODED_TO_NAME).toString('base64')}?= <client@example.org>`,
    `Subject: =?UTF-8?Q?D=C3=A9cision_=26_suite?= ${decisionId}`,
    `Message-ID: <${decisionId}@hcc.example.gc.ca>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="hcc-b1"',
    '',
    '--hcc-b1',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    text,
    '--hcc-b1',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    html,
    '--hcc-b1--',
    '',
  ].join('\r\n');
  return new TextEncoder().encode(message);
}

/** A synthetic decision: one email, a bilingual pair of letters, a file entry, and a departure follow-up. */
export function reviewSubmission(decisionId: string, variant = 1): DecisionSubmission {
  const email = file(emailBytes(decisionId), 'message/rfc822');
  const en = file(new TextEncoder().encode(`%PDF-1.7 letter en ${decisionId} v${variant}`), 'application/pdf');
  const fr = file(new TextEncoder().encode(`%PDF-1.7 lettre fr ${decisionId} v${variant}`), 'application/pdf');
  return {
    decisionId,
    record: { decisionId, variant },
    officerId: OFFICER,
    officeId: 'MTL-01',
    plan: {
      decisionId,
      documents: [{ kind: 'refusal-letter', recipient: 'client', languages: ['en', 'fr'], channels: ['mail'], rule: 'refusal-letter', persons: ['1111-2222'] }],
      followUps: [{ kind: 'departure-confirmation', dueOn: '2026-12-20', persons: ['1111-2222'], ifNotConfirmed: 'cbsa-no-status-notice', rule: 'departure' }],
      notes: [],
    },
    files: [email, en, fr],
    items: [
      { key: 'email-01-client.en', kind: 'client-email', channel: 'email', recipient: 'client', languages: ['en'], fileSha256: email.sha256, messageId: `<${decisionId}@hcc.example.gc.ca>`, envelope: { from: 'no-reply@example.gc.ca', to: ['client@example.org'], cc: [] } },
      { key: '01-refusal-letter.client.en', kind: 'refusal-letter', channel: 'mail', recipient: 'client', languages: ['en'], fileSha256: en.sha256, addressBlock: ['A', 'B'], pageCount: 1 },
      { key: '01-refusal-letter.client.fr', kind: 'refusal-letter', channel: 'mail', recipient: 'client', languages: ['fr'], fileSha256: fr.sha256, addressBlock: ['A', 'B'], pageCount: 1 },
    ],
    followUps: [{ kind: 'departure-confirmation', dueOn: '2026-12-20', persons: ['1111-2222'], ifNotConfirmed: 'cbsa-no-status-notice' }],
  };
}

export interface ServerFixture {
  readonly app: FastifyInstance;
  readonly stores: ServerStore;
  /** Moves the server's clock. */
  setNow(now: Date): void;
  dispose(): Promise<void>;
}

/** A server over a fresh SQLite store with two officer accounts and an API key. */
export async function startServer(options: Partial<ServerOptions> = {}): Promise<ServerFixture & { apiKey: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'hcc-server-'));
  const stores = await openServerStore({ location: join(dir, 'hcc.sqlite'), now: T0, access: { scrypt: { N: 1024, r: 8, p: 1 } } });
  await stores.access.addAccount({ id: OFFICER, role: 'officer', password: PASSWORD, now: T0 });
  await stores.access.addAccount({ id: SECOND_OFFICER, role: 'officer', password: PASSWORD, now: T0 });
  const { key } = await stores.access.createApiKey('case-system', { now: T0 });
  let now = T0;
  const app = await createServer({ stores, now: () => now, ...options });
  return {
    app,
    stores,
    apiKey: key,
    setNow: (next) => {
      now = next;
    },
    dispose: async () => {
      await app.close();
      await stores.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The cookies a response sets, as one Cookie header value merged over `previous`. */
export function mergeCookies(previous: string, response: LightMyRequestResponse): string {
  const jar = new Map(previous.split('; ').filter(Boolean).map((c) => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)]));
  for (const c of response.cookies as { name: string; value: string }[]) {
    if (c.value === '') jar.delete(c.name);
    else jar.set(c.name, c.value);
  }
  return [...jar.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** The CSRF token of the page's first form. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  expect(match, 'a CSRF token in the page').not.toBeNull();
  return match?.[1] ?? '';
}

/** Signs in through the form; returns the cookie header (session, CSRF secret) and a CSRF token. */
export async function signIn(app: FastifyInstance, account = OFFICER, cookies = ''): Promise<{ cookie: string; csrf: string }> {
  const form = await app.inject({ method: 'GET', url: '/sign-in', headers: cookies === '' ? {} : { cookie: cookies } });
  let cookie = mergeCookies(cookies, form);
  const response = await app.inject({
    method: 'POST',
    url: '/sign-in',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfOf(form.body), account, password: PASSWORD }).toString(),
  });
  expect(response.statusCode).toBe(303);
  cookie = mergeCookies(cookie, response);
  const page = await app.inject({ method: 'GET', url: '/queue', headers: { cookie } });
  expect(page.statusCode).toBe(200);
  return { cookie: mergeCookies(cookie, page), csrf: csrfOf(page.body) };
}

/** A form POST with cookies. */
export function postForm(app: FastifyInstance, url: string, cookie: string, fields: Record<string, string | string[]>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  return app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: params.toString() });
}
