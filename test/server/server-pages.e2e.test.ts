import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CODE_SETS } from '../../src/server/server-labels.js';
import { csrfOf, HOSTILE, mergeCookies, OFFICER, PASSWORD, postForm, reviewSubmission, SECOND_OFFICER, signIn, startServer, T0, type ServerFixture } from './server-test-kit.js';

// Slow: a SQLite store in a temporary folder per test, the server driven through Fastify's inject.
const DECISION = 'HC-S-1';
const PAGES = ['/queue', `/decisions/${DECISION}`, `/decisions/${DECISION}/items/${DECISION}.r1.01/content`, `/decisions/${DECISION}/items/${DECISION}.r1.01/email.html`];
const FORMS = ['/sign-out', `/decisions/${DECISION}/approve`, `/decisions/${DECISION}/reject`, `/decisions/${DECISION}/departure-confirmations`, `/decisions/${DECISION}/trp-decisions`];

describe('officers’ pages', () => {
  let s: ServerFixture;
  beforeEach(async () => {
    s = await startServer();
    await s.stores.store.submitDecision(reviewSubmission(DECISION), { now: T0, actor: 'intake' });
  });
  afterEach(async () => {
    await s.dispose();
  });

  const statesOf = async () => (await s.stores.store.status(DECISION)).items.map((i) => i.state);

  it('sends every page without a session to sign-in, and refuses every form with 401', async () => {
    for (const url of PAGES) {
      const response = await s.app.inject({ url });
      expect([url, response.statusCode, response.headers.location]).toEqual([url, 303, '/sign-in']);
    }
    for (const url of FORMS) {
      const response = await postForm(s.app, url, '', { _csrf: 'x', sha256: 'a'.repeat(64), reason: 'r' });
      expect([url, response.statusCode]).toEqual([url, 401]);
    }
    const forged = await s.app.inject({ url: '/queue', headers: { cookie: 'hcc_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } });
    expect(forged.statusCode).toBe(303);
  });

  it('refuses a form without a CSRF token or with a wrong one (403), and changes nothing', async () => {
    const { cookie, csrf } = await signIn(s.app);
    const hashes = reviewSubmission(DECISION).items.map((i) => i.fileSha256);
    for (const url of FORMS) {
      const without = await postForm(s.app, url, cookie, { sha256: hashes, reason: 'r', uci: '1111-2222', on: '2026-12-10', decision: 'issued' });
      expect([url, without.statusCode]).toEqual([url, 403]);
      const wrong = await postForm(s.app, url, cookie, { _csrf: `${csrf.slice(0, -2)}xx`, sha256: hashes, reason: 'r', uci: '1111-2222', on: '2026-12-10', decision: 'issued' });
      expect([url, wrong.statusCode]).toEqual([url, 403]);
    }
    // A token from another browser's secret does not pass either.
    const other = await signIn(s.app, SECOND_OFFICER);
    expect((await postForm(s.app, `/decisions/${DECISION}/approve`, cookie, { _csrf: other.csrf, sha256: hashes })).statusCode).toBe(403);
    expect(await statesOf()).toEqual(['awaiting-approval', 'awaiting-approval', 'awaiting-approval']);
  });

  it('approves exactly the hashes shown; a stale hash is 409 and approves nothing', async () => {
    const { cookie } = await signIn(s.app);
    const page = await s.app.inject({ url: `/decisions/${DECISION}`, headers: { cookie } });
    const shown = [...page.body.matchAll(/name="sha256" value="([0-9a-f]{64})"/g)].map((m) => m[1] ?? '');
    expect(shown).toEqual(reviewSubmission(DECISION).items.map((i) => i.fileSha256));
    const csrf = csrfOf(page.body);
    // A new revision arrives while the officer looks at the old one.
    await s.stores.store.submitDecision(reviewSubmission(DECISION, 2), { now: T0, actor: 'intake' });
    const stale = await postForm(s.app, `/decisions/${DECISION}/approve`, cookie, { _csrf: csrf, sha256: shown });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('HASH_MISMATCH');
    expect((await s.stores.store.status(DECISION)).items.map((i) => i.state)).not.toContain('approved');
    const fresh = await s.app.inject({ url: `/decisions/${DECISION}`, headers: { cookie } });
    const hashes = [...fresh.body.matchAll(/name="sha256" value="([0-9a-f]{64})"/g)].map((m) => m[1] ?? '');
    const ok = await postForm(s.app, `/decisions/${DECISION}/approve`, cookie, { _csrf: csrfOf(fresh.body), sha256: hashes });
    expect([ok.statusCode, ok.headers.location]).toEqual([303, `/decisions/${DECISION}`]);
    const status = await s.stores.store.status(DECISION);
    expect(status.items.filter((i) => i.revision === 2).map((i) => i.state)).toEqual(['approved', 'approved', 'approved']);
    const audit = await s.app.inject({ url: `/decisions/${DECISION}`, headers: { cookie } });
    const timeline = /<table id="audit-table">(.*?)<\/table>/s.exec(audit.body)?.[1] ?? '';
    expect(timeline).toContain('<td><data value="decision.approved" title="decision.approved">Decision approved</data></td>');
    expect(timeline).toContain(
      `<td>${DECISION}.r2.01</td><td><data value="awaiting-approval" title="awaiting-approval">Awaiting approval</data> → <data value="approved" title="approved">Approved</data></td><td>${OFFICER}</td>`,
    );
  });

  it('two-person rule: the author cannot approve; another officer can', async () => {
    await s.dispose();
    s = await startServer({ approval: { twoPerson: true } });
    await s.stores.store.submitDecision(reviewSubmission(DECISION), { now: T0, actor: 'intake' });
    const hashes = reviewSubmission(DECISION).items.map((i) => i.fileSha256);
    const author = await signIn(s.app, OFFICER);
    const refused = await postForm(s.app, `/decisions/${DECISION}/approve`, author.cookie, { _csrf: author.csrf, sha256: hashes });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('APPROVER_IS_AUTHOR');
    const other = await signIn(s.app, SECOND_OFFICER);
    expect((await postForm(s.app, `/decisions/${DECISION}/approve`, other.cookie, { _csrf: other.csrf, sha256: hashes })).statusCode).toBe(303);
    expect(await statesOf()).toEqual(['approved', 'approved', 'approved']);
  });

  it('rejects only with a reason', async () => {
    const { cookie, csrf } = await signIn(s.app);
    expect((await postForm(s.app, `/decisions/${DECISION}/reject`, cookie, { _csrf: csrf, reason: '   ' })).statusCode).toBe(400);
    expect(await statesOf()).toEqual(['awaiting-approval', 'awaiting-approval', 'awaiting-approval']);
    expect((await postForm(s.app, `/decisions/${DECISION}/reject`, cookie, { _csrf: csrf, reason: `Name misspelt: ${HOSTILE}` })).statusCode).toBe(303);
    expect(await statesOf()).toEqual(['rejected', 'rejected', 'rejected']);
    const page = await s.app.inject({ url: `/decisions/${DECISION}`, headers: { cookie } });
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toContain('O&#39;Brien &amp; &lt;Fils&gt; &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;');
  });

  it('records a confirmed departure and a TRP decision from the decision page', async () => {
    const { cookie, csrf } = await signIn(s.app);
    const departure = await postForm(s.app, `/decisions/${DECISION}/departure-confirmations`, cookie, { _csrf: csrf, uci: '1111-2222', on: '2026-12-10' });
    expect(departure.statusCode).toBe(303);
    const status = await s.stores.store.status(DECISION);
    expect(status.followUps.map((f) => [f.kind, f.state, f.pendingPersons])).toEqual([['departure-confirmation', 'resolved', []]]);
    expect((await postForm(s.app, `/decisions/${DECISION}/departure-confirmations`, cookie, { _csrf: csrf, uci: '1111-2222', on: 'tomorrow' })).statusCode).toBe(400);
    expect((await postForm(s.app, `/decisions/${DECISION}/trp-decisions`, cookie, { _csrf: csrf, uci: '1111-2222', decision: 'maybe' })).statusCode).toBe(400);
  });

  it('shows hostile names escaped once in the text, the decoded headers (regression: RFC 2047 words shown raw) and the frame; the frame runs under a sandboxing CSP', async () => {
    const { cookie } = await signIn(s.app);
    const page = await s.app.inject({ url: `/decisions/${DECISION}`, headers: { cookie } });
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).not.toContain(HOSTILE);
    expect(page.body).toContain('Dear O&#39;Brien &amp; &lt;Fils&gt; &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;');
    expect(page.body).toContain('sandbox=""');
    // Headers decoded from their RFC 2047 words, then escaped once by the page.
    expect(page.body).not.toContain('=?UTF-8?');
    expect(page.body).toContain('<dt>From</dt><dd>Me Aurélie Bélanger &amp; Associés &lt;no-reply@example.gc.ca&gt;</dd>');
    expect(page.body).toContain('<dt>To</dt><dd>Zoé O’Brien &amp; &lt;Fils&gt; &lt;client@example.org&gt;</dd>');
    expect(page.body).toContain('<p class="email-subject">Décision &amp; suite HC-S-1</p>');
    const frame = await s.app.inject({ url: `/decisions/${DECISION}/items/${DECISION}.r1.01/email.html`, headers: { cookie } });
    expect(frame.headers['content-security-policy']).toContain("default-src 'none'");
    expect(frame.headers['content-security-policy']).toContain('sandbox');
    expect(frame.body).toContain('Dear O&#39;Brien &amp; &lt;Fils&gt;'.replace('&#39;', "'"));
  });

  it('serves each document’s exact stored bytes, with their SHA-256', async () => {
    const { cookie } = await signIn(s.app);
    const submission = reviewSubmission(DECISION);
    for (const [n, item] of submission.items.entries()) {
      const response = await s.app.inject({ url: `/decisions/${DECISION}/items/${DECISION}.r1.0${n + 1}/content`, headers: { cookie } });
      expect(response.statusCode).toBe(200);
      expect(createHash('sha256').update(response.rawPayload).digest('hex')).toBe(item.fileSha256);
      expect(response.headers['x-content-sha256']).toBe(item.fileSha256);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('is immune to path traversal on document and asset routes', async () => {
    const { cookie } = await signIn(s.app);
    const attempts = [
      `/decisions/..%2F..%2Fpackage.json`,
      `/decisions/${DECISION}/items/..%2F..%2F..%2Fetc%2Fpasswd/content`,
      `/decisions/${DECISION}/items/${DECISION}.r1.01%2F..%2F..%2Fpackage.json/content`,
      `/decisions/${DECISION}/items/HC-OTHER.r1.01/content`,
      `/decisions/${DECISION}/items/..%5C..%5Cpackage.json/email.html`,
      '/assets/../package.json',
      '/assets/..%2Fpackage.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/assets/pdfjs/../../package.json',
      '/assets/pdfjs/..%2F..%2F..%2Fpackage.json',
    ];
    for (const url of attempts) {
      const response = await s.app.inject({ url, headers: { cookie } });
      expect([url, response.statusCode]).toEqual([url, 404]);
      expect(response.body).not.toContain('"devDependencies"');
      expect(response.body).not.toContain('root:');
    }
    expect((await s.app.inject({ url: '/assets/server.css' })).statusCode).toBe(200);
  });

  it('puts security headers on every page', async () => {
    const { cookie } = await signIn(s.app);
    for (const url of ['/sign-in', '/queue', `/decisions/${DECISION}`, '/decisions/HC-NONE', '/nowhere']) {
      const response = await s.app.inject({ url, headers: { cookie } });
      expect(response.headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(response.headers['content-security-policy'], url).toContain("object-src 'none'");
      expect(response.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['referrer-policy'], url).toBe('no-referrer');
      expect(response.body, url).not.toMatch(/<script(?![^>]*\bsrc=)/);
    }
  });

  it('gives a new session id at sign-in: a cookie from before sign-in is rejected after it', async () => {
    const first = await signIn(s.app);
    const before = /hcc_session=([^;]+)/.exec(first.cookie)?.[1];
    expect(before).toBeDefined();
    const second = await signIn(s.app, OFFICER, first.cookie);
    const after = /hcc_session=([^;]+)/.exec(second.cookie)?.[1];
    expect(after).not.toBe(before);
    const old = await s.app.inject({ url: '/queue', headers: { cookie: `hcc_session=${before ?? ''}` } });
    expect([old.statusCode, old.headers.location]).toEqual([303, '/sign-in']);
    expect((await s.app.inject({ url: '/queue', headers: { cookie: `hcc_session=${after ?? ''}` } })).statusCode).toBe(200);
  });

  it('sets the session cookie HttpOnly and SameSite=Strict, Secure when configured; signs out', async () => {
    await s.dispose();
    s = await startServer({ secureCookies: true });
    const form = await s.app.inject({ url: '/sign-in' });
    const cookie = mergeCookies('', form);
    const response = await postForm(s.app, '/sign-in', cookie, { _csrf: csrfOf(form.body), account: OFFICER, password: PASSWORD });
    const set = String(response.headers['set-cookie']);
    expect(set).toMatch(/hcc_session=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Strict/);
    const session = mergeCookies(cookie, response);
    const page = await s.app.inject({ url: '/queue', headers: { cookie: session } });
    const out = await postForm(s.app, '/sign-out', session, { _csrf: csrfOf(page.body) });
    expect([out.statusCode, out.headers.location]).toEqual([303, '/sign-in']);
    expect((await s.app.inject({ url: '/queue', headers: { cookie: session } })).statusCode).toBe(303);
  });

  it('ends a session after the idle timeout', async () => {
    const { cookie } = await signIn(s.app);
    s.setNow(new Date(T0.getTime() + 29 * 60_000));
    expect((await s.app.inject({ url: '/queue', headers: { cookie } })).statusCode).toBe(200);
    s.setNow(new Date(T0.getTime() + 60 * 60_000));
    expect((await s.app.inject({ url: '/queue', headers: { cookie } })).statusCode).toBe(303);
  });

  it('says the same thing for an unknown account and a wrong password, and limits sign-in attempts', async () => {
    const form = await s.app.inject({ url: '/sign-in' });
    const cookie = mergeCookies('', form);
    const csrf = csrfOf(form.body);
    const wrong = await postForm(s.app, '/sign-in', cookie, { _csrf: csrf, account: OFFICER, password: 'not the password' });
    const unknown = await postForm(s.app, '/sign-in', cookie, { _csrf: csrf, account: 'OFF-9999', password: 'not the password' });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    const message = (body: string) => /<div class="error-summary"[^>]*>(.*?)<\/div>/s.exec(body)?.[1];
    expect(message(wrong.body)).toBe(message(unknown.body));
    expect(wrong.body).not.toContain('not the password');
    const codes: number[] = [];
    for (let i = 0; i < 5; i += 1) codes.push((await postForm(s.app, '/sign-in', cookie, { _csrf: csrf, account: OFFICER, password: PASSWORD })).statusCode);
    // 5 attempts a minute per address: two were spent above.
    expect(codes).toEqual([303, 303, 303, 429, 429]);
  });

  it('filters the queue and switches language, remembered in a cookie', async () => {
    await s.stores.store.submitDecision({ ...reviewSubmission('HC-S-2'), officeId: 'TOR-02' }, { now: T0, actor: 'intake' });
    const { cookie } = await signIn(s.app);
    const all = await s.app.inject({ url: '/queue', headers: { cookie } });
    expect([...all.body.matchAll(/class="decision-link"[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual([DECISION, 'HC-S-2']);
    const toronto = await s.app.inject({ url: '/queue?office=TOR-02&kind=refusal-letter', headers: { cookie } });
    expect([...toronto.body.matchAll(/class="decision-link"[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual(['HC-S-2']);
    expect(toronto.body).toContain('MTL-01 (2)');
    const switched = await s.app.inject({ url: `/language?to=fr&back=${encodeURIComponent('/queue?office=TOR-02')}`, headers: { cookie } });
    expect([switched.statusCode, switched.headers.location]).toEqual([303, '/queue?office=TOR-02']);
    const french = await s.app.inject({ url: '/queue', headers: { cookie: mergeCookies(cookie, switched) } });
    expect(french.body).toContain('<html lang="fr-CA">');
    expect(french.body).toContain('Décisions en attente d’approbation');
    const open = await s.app.inject({ url: '/language?to=fr&back=//evil.example/x', headers: { cookie } });
    expect(open.headers.location).toBe('/queue');
  });

  it('shows no English state, kind, channel, recipient or event code as text on the French pages, and times in Toronto time (regression: raw codes and ISO times)', async () => {
    const { cookie } = await signIn(s.app);
    const french = `${cookie}; hcc_lang=fr`;
    await s.stores.store.approve(DECISION, { by: SECOND_OFFICER, sha256s: reviewSubmission(DECISION).items.map((i) => i.fileSha256), now: T0 });
    const codes = [...CODE_SETS.state, ...CODE_SETS.kind, ...CODE_SETS.channel, ...CODE_SETS.recipient, ...CODE_SETS.followUpKind, ...CODE_SETS.followUpState, ...CODE_SETS.event, ...CODE_SETS.policy].filter(
      // Words French itself uses (“la file”, “client”).
      (c) => !['client', 'mail', 'file'].includes(c),
    );
    for (const url of ['/queue', '/queue?state=approved', `/decisions/${DECISION}`]) {
      const page = await s.app.inject({ url, headers: { cookie: french } });
      expect(page.statusCode).toBe(200);
      const text = visibleText(page.body);
      const shown = codes.filter((c) => new RegExp(`(?<![\\p{L}\\p{N}.-])${c.replace(/\./g, '\\.')}(?![\\p{L}\\p{N}-])`, 'u').test(text));
      expect([url, shown]).toEqual([url, []]);
      expect(text, url).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
      expect(text, url).toContain('America/Toronto');
    }
    const decision = visibleText((await s.app.inject({ url: `/decisions/${DECISION}`, headers: { cookie: french } })).body);
    // T0 is 2026-12-01T15:00Z: 10:00 in Toronto; the departure is due on 2026-12-20.
    expect(decision).toContain('1er décembre 2026, 10 h 00');
    expect(decision).toContain('20 décembre 2026');
    expect(decision).toContain('Lettre de refus');
    expect(decision).toContain('Approuvé');
    const english = visibleText((await s.app.inject({ url: `/decisions/${DECISION}`, headers: { cookie: `${cookie}; hcc_lang=en` } })).body);
    expect(english).toContain('1 December 2026, 10:00');
    expect(english).toContain('Refusal letter');
  });
});

describe('a bilingual letter (one PDF holding both versions)', () => {
  it('asks the PDF view for one column per language, first language left, labelled in the page language', async () => {
    const s = await startServer();
    try {
      const submission = reviewSubmission('HC-S-9');
      const [email, en] = submission.items;
      if (email === undefined || en?.channel !== 'mail') throw new Error('fixture changed');
      await s.stores.store.submitDecision({ ...submission, items: [email, { ...en, key: '01-refusal-letter.client.en-fr', languages: ['en', 'fr'], pageCount: 4 }] }, { now: T0, actor: 'intake' });
      const { cookie } = await signIn(s.app);
      const page = await s.app.inject({ url: '/decisions/HC-S-9', headers: { cookie: `${cookie}; hcc_lang=fr` } });
      expect(page.body).toContain('data-languages="en fr" data-language-tags="en-CA fr-CA" data-language-labels="anglais|français"');
      expect(page.body).toMatch(/<article class="document bilingual"/);
    } finally {
      await s.dispose();
    }
  });
});

/** A page's text as a reader sees it: no markup, no attribute, no script, and no `<code>` (codes kept raw on purpose). */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style|code)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}
