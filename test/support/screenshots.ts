import { mkdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Page } from 'playwright-core';

/** The default folder for `HCC_SCREENSHOTS=1` (outside the repository). */
export const DEFAULT_SCREENSHOT_FOLDER = '/tmp/hcc-screenshots';

/**
 * Where screenshots go, or `undefined` when nobody asked for them: `HCC_SCREENSHOTS` set to an
 * absolute folder path writes there; set to anything else (`1`, `true`) writes to /tmp/hcc-screenshots.
 */
export function screenshotFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env.HCC_SCREENSHOTS;
  if (value === undefined || value === '' || value === '0' || value === 'false') return undefined;
  return isAbsolute(value) ? value : DEFAULT_SCREENSHOT_FOLDER;
}

/** Saves a full-page screenshot as `<name>.png` when `HCC_SCREENSHOTS` asks for it; returns its path or `undefined`. */
export async function saveScreenshot(page: Page, name: string): Promise<string | undefined> {
  const folder = screenshotFolder();
  if (folder === undefined) return undefined;
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
