import { join } from 'node:path';
import type { EmailConfig } from '../email/email-config.js';
import { readLocaleFiles } from '../i18n/locale-files.js';
import { packageRoot } from '../package-root.js';
import type { RendererAssets } from './create-renderer.js';

/** The package's email templates (MJML). */
export function packageEmailTemplates(): string {
  return join(packageRoot(), 'templates', 'email');
}

/** Where `npm run build` keeps the package's email templates after MJML (see `compiled-email-html.ts`). */
export function packageCompiledEmailHtml(): string {
  return join(packageRoot(), 'dist', 'email-html.json');
}

/** The templates and locales shipped with the package, read now, with the given configuration. */
export function loadPackageAssets(config: EmailConfig): RendererAssets {
  const root = packageRoot();
  return { templates: join(root, 'templates'), locales: readLocaleFiles(join(root, 'locales')), config, compiledEmailHtml: packageCompiledEmailHtml() };
}
