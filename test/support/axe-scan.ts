import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** The WCAG 2.1 A and AA rules (and the 2.0 ones they include) that axe-core checks. */
export const WCAG21_AA_TAGS: readonly string[] = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Read once per test file: axe-core's own browser build, injected into each page scanned.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One violation as a reader wants it: the rule, its impact, what it means, and each element's selector and summary. */
export function describeViolations(violations: readonly Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    at ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}\n      ${n.html.slice(0, 200)}`).join('\n');
      return `  ${v.id} (${v.impact ?? 'no impact'}): ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/**
 * Runs axe-core in the page (its source evaluated through the DevTools protocol, which the
 * pages' Content-Security-Policy does not govern) with the WCAG 2.1 A/AA rules. Frames are not
 * entered: the email frame is sandboxed without scripts, so it is scanned on its own URL.
 */
export async function scanPage(page: Page): Promise<AxeResults> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: typeof import('axe-core') }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: [...tags] }, iframes: false, resultTypes: ['violations'] });
  }, WCAG21_AA_TAGS);
}
