import { join } from 'node:path';
import type { EmailConfig } from '../email/email-config.js';
import { readLocaleFiles } from '../i18n/locale-files.js';
import { packageRoot } from '../package-root.js';
import type { RendererAssets } from './create-renderer.js';

/** The templates and locales shipped with the package, read now, with the given configuration. */
export function loadPackageAssets(config: EmailConfig): RendererAssets {
  const root = packageRoot();
  return { templates: join(root, 'templates'), locales: readLocaleFiles(join(root, 'locales')), config };
}
