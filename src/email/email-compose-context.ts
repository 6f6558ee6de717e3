import type { Translators } from '../i18n/translator.js';
import type { EmailConfig } from './email-config.js';
import type { EmailTemplates } from './email-templates.js';

/** What composing an email reads besides the record: built once by the renderer and handed in. */
export interface EmailComposeContext {
  readonly translators: Translators;
  readonly templates: EmailTemplates;
  readonly config: EmailConfig;
}
