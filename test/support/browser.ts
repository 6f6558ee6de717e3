import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs it); no browser is ever downloaded. */
export const CHROMIUM = '/usr/bin/chromium';

/** True when Debian's Chromium is installed (browser tests are skipped with a message otherwise). */
export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

/**
 * Flags that keep the browser off the network: every host name but the loopback address fails to
 * resolve, and none of Chromium's own services (updates, sync, metrics, safe browsing, translation,
 * DNS prefetch) starts. playwright-core adds some of these itself; they are listed so the set is
 * visible here and does not depend on its defaults.
 */
export const OFFLINE_FLAGS: readonly string[] = [
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions',
  '--disable-breakpad',
  '--metrics-recording-only',
  '--no-pings',
  '--no-first-run',
  '--dns-prefetch-disable',
  '--disable-quic',
];

/** Chromium refuses to start its sandbox as root (the CI container runs as root); only then is it turned off. */
function sandboxFlags(): string[] {
  return process.getuid?.() === 0 ? ['--no-sandbox'] : [];
}

/** Launches headless Chromium from Debian's executable, off the network. One per test file; close it in `afterAll`. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...OFFLINE_FLAGS, ...sandboxFlags()],
    // The pages' text is compared in English and French: no host locale or time zone leaks in.
    env: { ...process.env, LANG: 'C.UTF-8', TZ: 'America/Toronto' },
  });
}

/** A browser context whose pages may reach `origin` only; any other request is aborted and listed in `blocked`. */
export interface LoopbackContext {
  readonly context: BrowserContext;
  /** URLs the pages tried to reach outside the origin (a test expects none). */
  readonly blocked: string[];
  /** Errors the pages raised (uncaught exceptions, `console.error`), for a test to expect none. */
  readonly pageErrors: string[];
  readonly newPage: () => Promise<Page>;
}

function isAllowed(request: Request, origin: string): boolean {
  const url = request.url();
  // data: and blob: URLs never leave the browser (pdf.js hands its worker and images over them).
  return url.startsWith(`${origin}/`) || url === origin || url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank' || url.startsWith('about:srcdoc');
}

/**
 * A fresh context (its own cookies) on `origin`: the language of the browser is set (`en-CA` or
 * `fr-CA`, so Accept-Language is deterministic), and a second guard beside the resolver rules
 * aborts any request that does not go to the origin.
 */
export async function openContext(browser: Browser, origin: string, options: { readonly locale?: string } = {}): Promise<LoopbackContext> {
  const context = await browser.newContext({
    baseURL: origin,
    locale: options.locale ?? 'en-CA',
    timezoneId: 'America/Toronto',
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled: true,
  });
  const blocked: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', async (route) => {
    if (isAllowed(route.request(), origin)) await route.continue();
    else {
      blocked.push(route.request().url());
      await route.abort('blockedbyclient');
    }
  });
  const watch = (page: Page): void => {
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`${page.url()}: ${message.text()}`);
    });
  };
  context.on('page', watch);
  return { context, blocked, pageErrors, newPage: () => context.newPage() };
}
