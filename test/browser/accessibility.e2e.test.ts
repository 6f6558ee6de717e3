import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, scanPage } from '../support/axe-scan.js';
import { hasChromium, launchBrowser, openContext, type LoopbackContext } from '../support/browser.js';
import { OFFICER, startReviewServer, type ReviewServer } from '../support/review-server.js';
import { pdfViewsInPage } from './in-page.js';

// Set in beforeAll; undefined only when it failed or Chromium is absent.
let server: ReviewServer | undefined;
let browser: Browser | undefined;
const contexts: LoopbackContext[] = [];

beforeAll(async () => {
  if (!hasChromium()) return;
  server = await startReviewServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.context.close();
  await browser?.close();
  await server?.close();
});

function started(): { server: ReviewServer; browser: Browser } {
  if (server === undefined || browser === undefined) throw new Error('beforeAll did not start the server and the browser');
  return { server, browser };
}

const LANGUAGES = [
  { code: 'en', locale: 'en-CA' },
  { code: 'fr', locale: 'fr-CA' },
] as const;

/** A page in a language: a fresh context whose browser asks for that language and which chose it on the switch too. */
async function pageIn(locale: string, code: string): Promise<Page> {
  const c = await openContext(started().browser, started().server.origin, { locale });
  contexts.push(c);
  const page = await c.newPage();
  await page.goto(`/language?to=${code}&back=/sign-in`);
  return page;
}

async function signIn(page: Page): Promise<void> {
  await page.goto('/sign-in');
  await page.fill('#account', OFFICER.id);
  await page.fill('#password', OFFICER.password);
  await Promise.all([page.waitForURL('**/queue'), page.click('#sign-in-submit')]);
}

/** Scans the page with axe-core's WCAG 2.1 A/AA rules and expects no violation, printing each readably when there is one. */
async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await scanPage(page);
  const report = describeViolations(results.violations);
  expect(results.violations.length, `${label} (${page.url()}): ${String(results.violations.length)} WCAG 2.1 AA violation(s)\n${report}`).toBe(0);
}

describe.skipIf(!hasChromium())('every page passes axe-core with the WCAG 2.1 A/AA rules', () => {
  describe.each(LANGUAGES)('in $code', ({ code, locale }) => {
    it('sign-in, and sign-in refused', async () => {
      const page = await pageIn(locale, code);
      await page.goto('/sign-in');
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      await expectAccessible(page, 'sign-in');
      await page.fill('#account', 'OFF-UNKNOWN');
      await page.fill('#password', 'not the password at all');
      await page.click('#sign-in-submit');
      await page.waitForSelector('#sign-in-error');
      await expectAccessible(page, 'sign-in refused');
    });

    it('the queue, filtered and empty', async () => {
      const page = await pageIn(locale, code);
      await signIn(page);
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      await expectAccessible(page, 'queue');
      // A range with no decision in it: the empty queue.
      await page.goto('/queue?from=2001-01-01&to=2001-01-02');
      expect(await page.locator('#queue-empty').count()).toBe(1);
      await expectAccessible(page, 'queue (empty)');
    });

    it('a decision page, its PDFs drawn and its email headers open', async () => {
      const page = await pageIn(locale, code);
      await signIn(page);
      await page.goto('/decisions/HC-2026-000110');
      await expect.poll(async () => (await pdfViewsInPage(page)).every((v) => v.pages !== null || v.failed !== null), { timeout: 120_000, interval: 250 }).toBe(true);
      await expectAccessible(page, 'decision');
      // With every <details> open, so the headers' lists are scanned as shown.
      await page.locator('details > summary').evaluateAll((summaries) => {
        for (const s of summaries) (s as unknown as { click(): void }).click();
      });
      await expectAccessible(page, 'decision (headers shown)');
    });

    it('the problem pages: unknown decision, unknown page, a rejected action', async () => {
      const page = await pageIn(locale, code);
      await signIn(page);
      for (const path of ['/decisions/HC-2099-999999', '/no/such/page']) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(404);
        await expectAccessible(page, `problem ${path}`);
      }
      // A rejection without a reason (the browser's own check bypassed): the 400 problem page.
      await page.goto('/decisions/HC-2026-000113');
      await page.locator('#reject-reason').evaluate((el) => { (el as unknown as { removeAttribute(name: string): void }).removeAttribute('required'); });
      await page.click('#reject-submit');
      await page.waitForSelector('#problem-code');
      await expectAccessible(page, 'problem (reason required)');
    });
  });

  it('the email frame: its HTML alone passes too', async () => {
    const page = await pageIn('en-CA', 'en');
    await signIn(page);
    await page.goto('/decisions/HC-2026-000110');
    const src = await page.locator('iframe.email-frame').first().getAttribute('src');
    expect(src).toMatch(/email\.html$/);
    // Its own URL is served with a sandbox CSP (no scripts at all, so axe cannot run there): the
    // same bytes, fetched with the officer's cookies, are scanned in a blank page instead.
    const response = await page.request.get(src ?? '');
    expect(response.status()).toBe(200);
    const html = await response.text();
    const blank = await page.context().newPage();
    await blank.setContent(html);
    await expectAccessible(blank, 'email html');
  });
});
