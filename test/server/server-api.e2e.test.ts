import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDecision } from '../../src/decision/parse-decision.js';
import { FIXTURES } from '../support/fixtures.js';
import { RENDERER } from '../support/render-kit.js';
import { signIn, startServer, T0, type ServerFixture } from './server-test-kit.js';

// Slow: renders fixture decisions in process and stores them in a SQLite store per test.
const fixtureText = (name: string) => readFileSync(`${FIXTURES}decisions/${name}.json`, 'utf8');
const O_BRIEN = 'refused-valid-status-en';
const BILINGUAL = 'refused-bilingual-en-first';

describe('HTTP API v1', () => {
  let s: ServerFixture & { apiKey: string };
  beforeEach(async () => {
    s = await startServer({ render: (record) => RENDERER.render(record) });
  });
  afterEach(async () => {
    await s.dispose();
  });
  const post = (payload: string | Buffer, headers: Record<string, string> = {}) =>
    s.app.inject({ method: 'POST', url: '/api/v1/decisions', headers: { authorization: `Bearer ${s.apiKey}`, 'content-type': 'application/json', ...headers }, payload });

  it('refuses every API route without a valid key (401) before reading the body', async () => {
    const routes: [string, string][] = [
      ['POST', '/api/v1/decisions'],
      ['GET', '/api/v1/decisions/HC-2026-000107'],
      ['POST', '/api/v1/decisions/HC-2026-000107/departure-confirmations'],
      ['POST', '/api/v1/decisions/HC-2026-000107/trp-decisions'],
    ];
    for (const [method, url] of routes) {
      for (const authorization of [undefined, 'Bearer wrong', `Bearer ${s.apiKey.slice(0, -1)}${s.apiKey.endsWith('x') ? 'y' : 'x'}`, `Basic ${s.apiKey}`]) {
        const response = await s.app.inject({ method: method as 'GET' | 'POST', url, headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) }, ...(method === 'POST' ? { payload: 'x'.repeat(2 * 1024 * 1024) } : {}) });
        expect([url, authorization, response.statusCode]).toEqual([url, authorization, 401]);
        expect(response.headers['www-authenticate']).toBe('Bearer');
        expect(response.json()).toMatchObject({ code: 'UNAUTHORIZED' });
      }
    }
  });

  it('accepts a record (202, plan, status URL), then the same record again is 200 unchanged', async () => {
    const first = await post(fixtureText(O_BRIEN));
    expect(first.statusCode).toBe(202);
    const body = first.json();
    expect(body).toMatchObject({ status: 'created', decisionId: 'HC-2026-000107', revision: 1, statusUrl: '/api/v1/decisions/HC-2026-000107' });
    expect(body.plan.decisionId).toBe('HC-2026-000107');
    expect(first.headers.location).toBe('/api/v1/decisions/HC-2026-000107');
    const again = await post(fixtureText(O_BRIEN));
    expect([again.statusCode, again.json().status]).toEqual([200, 'unchanged']);
    const status = await s.app.inject({ url: body.statusUrl, headers: { authorization: `Bearer ${s.apiKey}` } });
    expect(status.statusCode).toBe(200);
    expect(status.json().items.every((i: { state: string }) => i.state === 'awaiting-approval')).toBe(true);
    const audit = await s.stores.store.audit('HC-2026-000107');
    expect(audit[0]?.actor).toBe('api:case-system');
  });

  it('answers 422 with exactly the errors hcc validate reports', async () => {
    const record = JSON.parse(fixtureText(O_BRIEN));
    delete record.outcome;
    record.decisionDate = '2026-02-30';
    const expected = parseDecision(record);
    expect(expected.ok).toBe(false);
    const response = await post(JSON.stringify(record));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({ valid: false, errors: expected.ok ? [] : expected.issues });
    for (const issue of response.json().errors) expect(Object.keys(issue.message).sort()).toEqual(['en', 'fr']);
    expect(await s.stores.review.queue()).toMatchObject({ counts: { decisions: 0 } });
  });

  it('answers 413, 415 and 400 without a stack trace or the input quoted back', async () => {
    const big = await post(`{"pad":"${'x'.repeat(1024 * 1024)}"}`);
    expect([big.statusCode, big.json().code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const text = await post(fixtureText(O_BRIEN), { 'content-type': 'text/plain' });
    expect([text.statusCode, text.json().code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const form = await post('a=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.statusCode).toBe(415);
    const secret = 'SECRET-VALUE-<script>';
    for (const payload of [`{"decisionId": "${secret}",}`, `["${secret}"]`, '', `{"a":1,"a":"${secret}"}`]) {
      const response = await post(payload);
      expect([payload, response.statusCode]).toEqual([payload, 400]);
      expect(response.body).not.toContain('SECRET-VALUE');
      expect(response.body).not.toMatch(/\bat .*\.(ts|js):\d+/);
      expect(response.json().errors[0]).toMatchObject({ path: expect.any(String), code: expect.stringMatching(/^[A-Z_]+$/), message: { en: expect.any(String), fr: expect.any(String) } });
    }
  });

  it('records departure confirmations and TRP decisions; 404 for an unknown decision, 422 for a bad field', async () => {
    await post(fixtureText(O_BRIEN));
    const status = await s.stores.store.status('HC-2026-000107');
    const departure = status.followUps.find((f) => f.kind === 'departure-confirmation');
    const uci = departure?.persons[0];
    const headers = { authorization: `Bearer ${s.apiKey}`, 'content-type': 'application/json' };
    if (uci !== undefined) {
      const ok = await s.app.inject({ method: 'POST', url: '/api/v1/decisions/HC-2026-000107/departure-confirmations', headers, payload: JSON.stringify({ uci, on: '2026-12-05', by: 'OFF-3003' }) });
      expect([ok.statusCode, ok.json().status]).toEqual([200, 'recorded']);
    }
    const missing = await s.app.inject({ method: 'POST', url: '/api/v1/decisions/HC-NONE/trp-decisions', headers, payload: JSON.stringify({ uci: '1234-5678', decision: 'issued' }) });
    expect(missing.statusCode).toBe(404);
    const bad = await s.app.inject({ method: 'POST', url: '/api/v1/decisions/HC-2026-000107/departure-confirmations', headers, payload: JSON.stringify({ uci: 'x', on: 'soon' }) });
    expect(bad.statusCode).toBe(422);
    expect((await s.app.inject({ url: '/api/v1/decisions/..%2F..%2Fetc', headers })).statusCode).toBe(404);
  });

  it('shows a rendered fixture’s names escaped on the decision page, and bilingual letters side by side', async () => {
    await post(fixtureText(O_BRIEN));
    await post(fixtureText(BILINGUAL));
    const { cookie } = await signIn(s.app);
    const page = await s.app.inject({ url: '/decisions/HC-2026-000107', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('O&#39;Brien');
    expect(page.body).not.toMatch(/O'Brien/);
    const bilingual = await s.app.inject({ url: '/decisions/HC-2026-000110', headers: { cookie } });
    expect(bilingual.body).toMatch(/<article class="document bilingual"[^>]*lang="en"/);
  });

  it('serves OpenAPI from the zod schemas with English and French descriptions, health, readiness and metrics', async () => {
    const openapi = await s.app.inject({ url: '/api/v1/openapi.json' });
    const doc = openapi.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.schemas.DecisionRecord.properties.decisionId).toBeDefined();
    expect(doc.paths['/api/v1/decisions'].post['x-description']).toEqual({ en: expect.any(String), fr: expect.any(String) });
    expect((await s.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await s.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready' });
    await post(fixtureText(O_BRIEN));
    const metrics = await s.app.inject({ url: '/metrics' });
    expect(metrics.headers['content-type']).toContain('text/plain; version=0.0.4');
    expect(metrics.body).toMatch(/^hcc_items\{state="awaiting-approval"\} [1-9]\d*$/m);
    expect(metrics.body).toMatch(/^hcc_render_duration_seconds_count 1$/m);
    expect(metrics.body).toMatch(/^hcc_http_request_duration_seconds_bucket\{route="\/api\/v1\/decisions",method="POST",status="202",le="\+Inf"\} 1$/m);
    expect(T0).toBeInstanceOf(Date);
  });

  it('answers 503 INTAKE_UNAVAILABLE for a valid record when no renderer is configured', async () => {
    const bare = await startServer();
    try {
      const response = await bare.app.inject({ method: 'POST', url: '/api/v1/decisions', headers: { authorization: `Bearer ${bare.apiKey}`, 'content-type': 'application/json' }, payload: fixtureText(O_BRIEN) });
      expect([response.statusCode, response.json().code]).toEqual([503, 'INTAKE_UNAVAILABLE']);
    } finally {
      await bare.dispose();
    }
  });
});
