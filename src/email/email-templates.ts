import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mjml2html from 'mjml';
import nunjucks from 'nunjucks';
import { packageRoot } from '../package-root.js';
import type { EmailContexts } from './email-contexts.js';
import { EmailTemplateError } from './email-errors.js';

/** The top-level email templates in `templates/email/`; partials (`_*.mjml`) are pulled in by `mj-include`. */
export type EmailTemplateName = keyof EmailContexts;

/** Renders the HTML of one email from its context. */
export type EmailHtmlRenderer<N extends EmailTemplateName> = (context: EmailContexts[N]) => string;

const TEMPLATES_DIR = join(packageRoot(), 'templates', 'email');

// Nunjucks renders the MJML output per record: record text is data, escaped once, and a gap throws.
const environment = new nunjucks.Environment(null, {
  autoescape: true,
  throwOnUndefined: true,
  trimBlocks: true,
  lstripBlocks: true,
});

const compiled = new Map<EmailTemplateName, Promise<nunjucks.Template>>();

/**
 * The HTML MJML makes of a template, its Nunjucks tags still in place: strict validation, no web fonts, and no
 * minifying or beautifying that could rewrite the tags. Throws `EmailTemplateError` (`EMAIL_TEMPLATE_INVALID`).
 */
export async function compileEmailMjml(name: EmailTemplateName): Promise<string> {
  const file = `${name}.mjml`;
  const path = join(TEMPLATES_DIR, file);
  let html: string;
  try {
    ({ html } = await mjml2html(readFileSync(path, 'utf8'), {
      validationLevel: 'strict',
      fonts: {},
      keepComments: false,
      minify: false,
      beautify: false,
      ignoreIncludes: false,
      filePath: path,
    }));
  } catch (cause) {
    throw new EmailTemplateError('EMAIL_TEMPLATE_INVALID', file, { cause });
  }
  // Even in strict mode MJML turns a missing or denied partial into a comment ("mj-include fails…"), not an error.
  if (html.includes('mj-include')) {
    throw new EmailTemplateError('EMAIL_TEMPLATE_INVALID', file, { cause: new Error('an mj-include could not be resolved') });
  }
  return html;
}

async function compileTemplate(name: EmailTemplateName): Promise<nunjucks.Template> {
  const html = await compileEmailMjml(name);
  try {
    return new nunjucks.Template(html, environment, `${name}.mjml`, true);
  } catch (cause) {
    throw new EmailTemplateError('EMAIL_TEMPLATE_INVALID', `${name}.mjml`, { cause });
  }
}

/**
 * The renderer of an email template. MJML runs once per template and process (language and record values are
 * Nunjucks variables), so a batch pays for it once. Rejects with `EmailTemplateError` (`EMAIL_TEMPLATE_INVALID`)
 * when the template does not compile; the renderer throws `EmailTemplateError` (`EMAIL_RENDER_FAILED`) when a
 * value the template reads is missing.
 */
export async function emailHtmlRenderer<N extends EmailTemplateName>(name: N): Promise<EmailHtmlRenderer<N>> {
  let template = compiled.get(name);
  if (!template) {
    template = compileTemplate(name);
    compiled.set(name, template);
  }
  const ready = await template;
  return (context) => {
    try {
      return ready.render(context);
    } catch (cause) {
      throw new EmailTemplateError('EMAIL_RENDER_FAILED', `${name}.mjml`, { cause });
    }
  };
}
