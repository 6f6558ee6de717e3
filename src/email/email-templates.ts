import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import type { EmailContexts } from './email-contexts.js';
import { EmailTemplateError } from './email-template-error.js';

/** The top-level email templates in `templates/email/`; partials (`_*.mjml`) are pulled in by `mj-include`. */
export type EmailTemplateName = keyof EmailContexts;

const EMAIL_TEMPLATE_NAMES: readonly EmailTemplateName[] = ['client', 'internal'];

/**
 * Each email template after MJML: HTML with its Nunjucks tags still in place. Plain strings, so a
 * render pool compiles them once, in a thread of their own, and hands them to its workers.
 */
export type EmailHtml = { readonly [N in EmailTemplateName]: string };

/** Renders the HTML of one email from its context. */
export type EmailHtmlRenderer<N extends EmailTemplateName> = (context: EmailContexts[N]) => string;

/** Every email template, compiled: what the composers render emails with. */
export type EmailTemplates = { readonly [N in EmailTemplateName]: EmailHtmlRenderer<N> };

type Mjml = typeof import('mjml');
let mjmlLoaded: Promise<Mjml> | undefined;

/**
 * MJML, loaded on first use rather than at import: it costs a thread about 60 MB, and a render
 * worker given compiled HTML (`emailTemplatesFromHtml`) never needs it.
 */
function loadMjml(): Promise<Mjml> {
  // The types say `export =`; the ESM namespace of this CommonJS module carries it as `default`.
  mjmlLoaded ??= (import('mjml') as unknown as Promise<{ default: Mjml }>).then((module) => module.default);
  return mjmlLoaded;
}

/**
 * The HTML MJML makes of a template file, its Nunjucks tags still in place: strict validation, no
 * web fonts, and no minifying or beautifying that could rewrite the tags. Rejects with
 * `EmailTemplateError` (`EMAIL_TEMPLATE_INVALID`).
 */
export async function compileEmailMjml(emailTemplatesDir: string, name: EmailTemplateName): Promise<string> {
  const file = `${name}.mjml`;
  const path = join(emailTemplatesDir, file);
  let html: string;
  try {
    const mjml2html = await loadMjml();
    ({ html } = await mjml2html(await readFile(path, 'utf8'), {
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

function toRenderer<N extends EmailTemplateName>(name: N, html: string, environment: nunjucks.Environment): EmailHtmlRenderer<N> {
  let template: nunjucks.Template;
  try {
    template = new nunjucks.Template(html, environment, `${name}.mjml`, true);
  } catch (cause) {
    throw new EmailTemplateError('EMAIL_TEMPLATE_INVALID', `${name}.mjml`, { cause });
  }
  return (context) => {
    try {
      return template.render(context);
    } catch (cause) {
      throw new EmailTemplateError('EMAIL_RENDER_FAILED', `${name}.mjml`, { cause });
    }
  };
}

/** Runs MJML on every email template of `templates/email/`; rejects with `EmailTemplateError` (`EMAIL_TEMPLATE_INVALID`). */
export async function compileEmailHtml(emailTemplatesDir: string): Promise<EmailHtml> {
  const [client = '', internal = ''] = await Promise.all(EMAIL_TEMPLATE_NAMES.map((name) => compileEmailMjml(emailTemplatesDir, name)));
  return { client, internal };
}

/**
 * The email templates from their HTML after MJML: Nunjucks compiles each once. A rendered template
 * throws `EMAIL_RENDER_FAILED` when a value it reads is missing; rejects with
 * `EMAIL_TEMPLATE_INVALID` when a template's Nunjucks does not compile.
 */
export function emailTemplatesFromHtml(html: EmailHtml): EmailTemplates {
  // Nunjucks renders the MJML output per record: record text is data, escaped once, and a gap throws.
  const environment = new nunjucks.Environment(null, { autoescape: true, throwOnUndefined: true, trimBlocks: true, lstripBlocks: true });
  return { client: toRenderer('client', html.client, environment), internal: toRenderer('internal', html.internal, environment) };
}

/**
 * Compiles every email template of `templates/email/` once: MJML runs here (language and record
 * values are Nunjucks variables), so a batch pays for it once per renderer. Rejects with
 * `EmailTemplateError` (`EMAIL_TEMPLATE_INVALID`).
 */
export async function compileEmailTemplates(emailTemplatesDir: string): Promise<EmailTemplates> {
  return emailTemplatesFromHtml(await compileEmailHtml(emailTemplatesDir));
}
