import { join } from 'node:path';
import type { ComposeContext } from '../../src/compose/compose-letter.js';
import { createTemplateEngine } from '../../src/compose/template-engine.js';
import type { EmailComposeContext } from '../../src/email/email-compose-context.js';
import type { EmailConfig } from '../../src/email/email-config.js';
import { compileEmailTemplates } from '../../src/email/email-templates.js';
import { defaultTranslators } from '../../src/i18n/default-translators.js';
import { packageRoot } from '../../src/package-root.js';
import { createRenderer, type Renderer } from '../../src/render/create-renderer.js';
import { loadPackageAssets } from '../../src/render/package-assets.js';
import { FIXTURE_EMAIL_CONFIG } from './email-config.js';

/** The package's templates folder. */
export const TEMPLATES = join(packageRoot(), 'templates');

/** What composing a letter reads, from the package's own templates and locales. */
export const COMPOSE: ComposeContext = { engine: createTemplateEngine(TEMPLATES), translators: defaultTranslators() };

const emailTemplates = await compileEmailTemplates(join(TEMPLATES, 'email'));

/** What composing an email reads, with the fixtures' configuration or another. */
export function emailContext(config: EmailConfig = FIXTURE_EMAIL_CONFIG): EmailComposeContext {
  return { translators: defaultTranslators(), templates: emailTemplates, config };
}

/** A renderer of the package's templates and locales, with the fixtures' configuration. */
export const RENDERER: Renderer = await createRenderer(loadPackageAssets(FIXTURE_EMAIL_CONFIG));
