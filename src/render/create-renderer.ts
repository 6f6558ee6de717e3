import { join } from 'node:path';
import { createTemplateEngine } from '../compose/template-engine.js';
import type { DecisionRecord } from '../decision/decision-schema.js';
import { readCompiledEmailHtml } from '../email/compiled-email-html.js';
import type { EmailConfig } from '../email/email-config.js';
import { compileEmailTemplates, emailTemplatesFromHtml, type EmailHtml } from '../email/email-templates.js';
import type { LocaleResources } from '../i18n/locale-files.js';
import { createTranslators, type Translators } from '../i18n/translator.js';
import type { CorrespondencePlan } from '../plan/correspondence-plan.js';
import { planCorrespondence } from '../plan/plan-correspondence.js';
import { planFollowUp, type FollowUpEvent } from '../plan/plan-follow-up.js';
import { renderPlan } from './render-plan.js';
import type { RenderedDecision } from './rendered-decision.js';

/** Everything a renderer is built from, read by the caller (`loadPackageAssets` reads the package's own). */
export interface RendererAssets {
  /** The folder of the letter templates, with `email/` for the email templates. */
  readonly templates: string;
  /** Every namespace of every language (`readLocaleFiles`). */
  readonly locales: LocaleResources;
  /** The sender and the partners' addresses. */
  readonly config: EmailConfig;
  /** The email templates already through MJML (`compileEmailHtml`); without it they are compiled from `templates/email/`. */
  readonly emailHtml?: EmailHtml;
  /**
   * A file of email HTML made earlier (`writeCompiledEmailHtml`, run by `npm run build`): used in
   * place of MJML when it was made from these same templates, ignored otherwise.
   */
  readonly compiledEmailHtml?: string;
}

/** Renders decisions to exact bytes, with everything it needs built once. */
export interface Renderer {
  readonly translators: Translators;
  /** The documents, follow-ups and notes a decision requires. */
  plan(record: DecisionRecord): CorrespondencePlan;
  /** Every PDF and email of a decision, with each email's envelope and each letter's address. Same record, same bytes. */
  render(record: DecisionRecord): Promise<RenderedDecision>;
  /** The correspondence a follow-up calls for, when it falls due (`planFollowUp`). */
  renderFollowUp(record: DecisionRecord, event: FollowUpEvent): Promise<RenderedDecision>;
}

/**
 * Builds a renderer: the translators, the letter templates and the compiled email templates, once.
 * Nothing is read when a module is imported; every worker thread, server or test builds its own.
 * Rejects with `EmailTemplateError` when an email template does not compile.
 */
export async function createRenderer(assets: RendererAssets): Promise<Renderer> {
  const translators = createTranslators(assets.locales);
  const engine = createTemplateEngine(assets.templates);
  const emailDir = join(assets.templates, 'email');
  const html = assets.emailHtml ?? (assets.compiledEmailHtml === undefined ? undefined : await readCompiledEmailHtml(emailDir, assets.compiledEmailHtml));
  const templates = html === undefined ? await compileEmailTemplates(emailDir) : emailTemplatesFromHtml(html);
  const context = { compose: { engine, translators }, email: { translators, templates, config: assets.config } };
  return {
    translators,
    plan: planCorrespondence,
    render: (record) => renderPlan(record, planCorrespondence(record), context),
    renderFollowUp: (record, event) => renderPlan(record, planFollowUp(record, event), context),
  };
}
