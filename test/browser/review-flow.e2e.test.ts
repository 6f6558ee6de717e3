import { createHash } from 'node:crypto';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, openContext, type LoopbackContext } from '../support/browser.js';
import { HOSTILE_DECISION_ID, HOSTILE_FAMILY_NAME, OFFICER, startReviewServer, type ReviewServer } from '../support/review-server.js';
import { saveScreenshot } from '../support/screenshots.js';
import { fetchDocumentsInPage, injectedElementsInPage, pageTextIncludes, pdfViewsInPage, type FetchedDocument } from './in-page.js';

// An English decision: two emails (the client's, CBSA's notice), a mailed refusal letter and the file update.
const EN_DECISION = 'HC-2026-000106';
// A bilingual decision (English first): its email and letters carry both languages.
const FR_DECISION = 'HC-2026-000110';

// Set in beforeAll; undefined only when it failed (afterAll then closes what was opened).
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

async function freshContext(locale = 'en-CA'): Promise<LoopbackContext> {
  const c = await openContext(started().browser, started().server.origin, { locale });
  contexts.push(c);
  return c;
}

/** Goes to a guarded page, is sent to sign-in, signs in, and is sent to the queue. */
async function signIn(page: Page): Promise<void> {
  await page.goto('/queue');
  expect(new URL(page.url()).pathname).toBe('/sign-in');
  await page.fill('#account', OFFICER.id);
  await page.fill('#password', OFFICER.password);
  await Promise.all([page.waitForURL('**/queue'), page.click('#sign-in-submit')]);
  expect(await page.locator('#queue-table').count()).toBe(1);
}

/** The responses of `/content` the page itself fetched (pdf.js), their bytes hashed here. */
function recordContentResponses(page: Page): Map<string, Promise<string>> {
  const seen = new Map<string, Promise<string>>();
  page.on('response', (response: Response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith('/content') && response.status() === 200) seen.set(path, response.body().then((b) => createHash('sha256').update(b).digest('hex')));
  });
  return seen;
}

/** Waits for every PDF view to be drawn, then checks each has canvases with ink on them. */
async function expectPdfsDrawn(page: Page): Promise<void> {
  // Polled from here: the pages' CSP forbids the string evaluation waitForFunction would use.
  await expect.poll(async () => (await pdfViewsInPage(page)).every((v) => v.pages !== null || v.failed !== null), { timeout: 120_000, interval: 250 }).toBe(true);
  const views = await pdfViewsInPage(page);
  expect(views.length).toBeGreaterThan(0);
  for (const view of views) {
    expect(view.failed, view.src).toBeNull();
    expect(Number(view.pages), view.src).toBeGreaterThan(0);
    expect(view.canvases, view.src).toBe(Number(view.pages));
    expect(view.inkedPixels, view.src).toBeGreaterThan(1000);
  }
}

/** Each bilingual PDF in two columns, English left and French right, placed by its structure tree (regression: pages two up in one flow). */
async function expectBilingualColumns(page: Page): Promise<void> {
  const views = page.locator('.pdf-view[data-languages="en fr"]');
  const count = await views.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1) {
    const view = views.nth(i);
    const src = (await view.getAttribute('data-src')) ?? '';
    expect(await view.getAttribute('data-split'), src).toBe('structure');
    expect(await view.locator('.pdf-column').evaluateAll((cs) => cs.map((c) => c.getAttribute('lang'))), src).toEqual(['en-CA', 'fr-CA']);
    const left = await view.locator('.pdf-column[lang="en-CA"] canvas').count();
    const right = await view.locator('.pdf-column[lang="fr-CA"] canvas').count();
    expect([left > 0, right > 0, left + right], src).toEqual([true, true, Number(await view.getAttribute('data-pages'))]);
  }
}

/** Each email item: a sandboxed frame whose document has text, the plain text, and the headers. */
async function expectEmailsShown(page: Page): Promise<void> {
  const frames = page.locator('iframe.email-frame');
  const count = await frames.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1) {
    const frame = frames.nth(i);
    // sandbox="" (no scripts, no same-origin, no forms) on the element itself.
    expect(await frame.getAttribute('sandbox')).toBe('');
    const body = frame.contentFrame().locator('body');
    await expect.poll(async () => (await body.innerText()).trim().length, { timeout: 60_000 }).toBeGreaterThan(50);
  }
  const texts = await page.locator('pre.email-text').allInnerTexts();
  expect(texts.length).toBe(count);
  for (const text of texts) expect(text.trim().length).toBeGreaterThan(50);
  // Inside a closed <details>: read as text content, not as rendered text.
  const headerNames = (await page.locator('.email-headers dt').allTextContents()).map((n) => n.trim().toLowerCase());
  for (const name of ['from', 'to', 'subject', 'message-id', 'date']) expect(headerNames).toContain(name);
}

/** Every document's bytes, fetched in the page, hash to the value the page shows and the store holds. */
async function expectFetchedBytesMatch(page: Page, decisionId: string, pdfResponses: Map<string, Promise<string>>): Promise<FetchedDocument[]> {
  const fetched = await fetchDocumentsInPage(page);
  const status = await started().server.stores.store.status(decisionId);
  const current = status.items.filter((i) => i.revision === status.revision);
  expect(fetched.map((f) => f.articleId).sort()).toEqual(current.map((i) => `item-${i.id}`).sort());
  for (const doc of fetched) {
    expect(doc.status, doc.url).toBe(200);
    expect(doc.bytes, doc.url).toBeGreaterThan(0);
    expect(doc.fetched, doc.url).toBe(doc.shown);
    expect(current.find((i) => `item-${i.id}` === doc.articleId)?.sha256, doc.url).toBe(doc.fetched);
  }
  // What pdf.js drew came from the same bytes.
  expect(pdfResponses.size).toBeGreaterThan(0);
  for (const [path, hash] of pdfResponses) expect(fetched.find((f) => f.url === path)?.fetched, path).toBe(await hash);
  return fetched;
}

/** Approves on the page and checks the store approved exactly the hashes the browser fetched. */
async function approveAndCheck(page: Page, decisionId: string, fetched: readonly FetchedDocument[]): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.waitForURL(`**/decisions/${decisionId}`), page.click('#approve-submit')]);
  expect(await page.locator('#nothing-awaiting').count()).toBe(1);
  const status = await started().server.stores.store.status(decisionId);
  const current = status.items.filter((i) => i.revision === status.revision);
  for (const item of current) {
    expect(item.state, item.id).not.toBe('awaiting-approval');
    expect(fetched.find((f) => f.articleId === `item-${item.id}`)?.fetched, item.id).toBe(item.sha256);
  }
  const approvals = (await started().server.stores.store.audit(decisionId)).filter((e) => e.event === 'item.state-changed' && e.to === 'approved');
  expect(approvals.length).toBeGreaterThanOrEqual(current.length);
  for (const event of approvals) expect(event.actor).toBe(OFFICER.id);
  // The timeline on the page shows the approval by this officer.
  expect(await page.locator('#audit-table').innerText()).toContain(OFFICER.id);
}

describe.skipIf(!hasChromium())('officers review and approve in a browser', () => {
  it('signs in, filters the queue, sees the PDFs and emails, approves the bytes it fetched (English)', async () => {
    const { newPage, blocked, pageErrors } = await freshContext('en-CA');
    const page = await newPage();
    await signIn(page);
    expect(await page.getAttribute('html', 'lang')).toBe('en-CA');
    await saveScreenshot(page, 'queue-en');

    // Filter by the first office offered: every row then shows that office, and the count follows.
    const office = await page.locator('#filter-office option:not([value=""])').first().getAttribute('value');
    expect(office).toBeTruthy();
    await page.selectOption('#filter-office', office ?? '');
    await Promise.all([page.waitForURL(/office=/), page.click('#apply-filters')]);
    const offices = await page.locator('#queue-table tbody tr td:nth-child(2)').allInnerTexts();
    expect(offices.length).toBeGreaterThan(0);
    expect(new Set(offices.map((o) => o.trim()))).toEqual(new Set([office]));
    expect(await page.locator('#filter-office').inputValue()).toBe(office);

    // The decision is reached from the queue's link.
    await page.goto('/queue');
    const pdfResponses = recordContentResponses(page);
    await Promise.all([page.waitForURL(`**/decisions/${EN_DECISION}`), page.click(`a.decision-link[href="/decisions/${EN_DECISION}"]`)]);
    await expectPdfsDrawn(page);
    await expectEmailsShown(page);
    await saveScreenshot(page, 'decision-en');
    const fetched = await expectFetchedBytesMatch(page, EN_DECISION, pdfResponses);
    await approveAndCheck(page, EN_DECISION, fetched);

    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('does the same in French, switched on the page and remembered on the next pages', async () => {
    const { newPage, blocked, pageErrors } = await freshContext('en-CA');
    const page = await newPage();
    await signIn(page);
    expect(await page.getAttribute('html', 'lang')).toBe('en-CA');
    const englishTitle = await page.locator('h1').innerText();

    await Promise.all([page.waitForURL('**/queue'), page.click('#language-fr')]);
    expect(await page.getAttribute('html', 'lang')).toBe('fr-CA');
    expect(await page.locator('h1').innerText()).not.toBe(englishTitle);
    expect(await page.locator('#language-en').count()).toBe(1);
    await saveScreenshot(page, 'queue-fr');

    const pdfResponses = recordContentResponses(page);
    await Promise.all([page.waitForURL(`**/decisions/${FR_DECISION}`), page.click(`a.decision-link[href="/decisions/${FR_DECISION}"]`)]);
    // Remembered: the next page comes in French without asking again.
    expect(await page.getAttribute('html', 'lang')).toBe('fr-CA');
    // The bilingual letters are one document each, in both languages.
    expect(await page.locator('article.document.bilingual').count()).toBeGreaterThan(1);
    await expectPdfsDrawn(page);
    await expectBilingualColumns(page);
    await saveScreenshot(page, 'decision-fr');
    const fetched = await expectFetchedBytesMatch(page, FR_DECISION, pdfResponses);
    await approveAndCheck(page, FR_DECISION, fetched);
    expect(await page.getAttribute('html', 'lang')).toBe('fr-CA');

    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('shows hostile names as text: no element, script or dialog comes from a record', async () => {
    const { newPage, blocked } = await freshContext('en-CA');
    const page = await newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signIn(page);
    await page.goto(`/decisions/${HOSTILE_DECISION_ID}`);
    await expectPdfsDrawn(page);
    // The name is printed as written (escaped once): the literal text is there, no element made of it.
    expect(await pageTextIncludes(page, HOSTILE_FAMILY_NAME)).toBe(true);
    expect(await injectedElementsInPage(page)).toEqual([]);
    // The email's frame shows it as text too.
    const frames = page.locator('iframe.email-frame');
    for (let i = 0; i < (await frames.count()); i += 1) {
      const frameBody = frames.nth(i).contentFrame().locator('body');
      await expect.poll(async () => (await frameBody.innerText()).length, { timeout: 60_000 }).toBeGreaterThan(0);
      expect(await frames.nth(i).contentFrame().locator('script, img[onerror], x').count()).toBe(0);
    }
    // The fixtures' own apostrophe, shown once-escaped (never as an entity).
    await page.goto('/decisions/HC-2026-000107');
    expect(await pageTextIncludes(page, "O'Brien")).toBe(true);
    expect(await pageTextIncludes(page, '&#39;')).toBe(false);
    expect(await pageTextIncludes(page, '&amp;')).toBe(false);
    expect(await injectedElementsInPage(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(blocked).toEqual([]);
  });
});
