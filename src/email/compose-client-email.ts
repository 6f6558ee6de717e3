import type { DecisionRecord } from '../decision/decision-schema.js';
import { fullName } from '../compose/person-name.js';
import { LANGUAGE_TAGS } from '../i18n/translator.js';
import type { CorrespondencePlan, Recipient } from '../plan/correspondence-plan.js';
import { buildMimeMessage } from './build-mime-message.js';
import type { ComposedEmail, EmailAttachment } from './composed-email.js';
import type { EmailConfig } from './email-config.js';
import { EmailInputError } from './email-errors.js';
import { emailHtmlRenderer } from './email-templates.js';
import { attachmentView, bannerLines, buildParts, emailLanguages, inEveryLanguage } from './email-view.js';
import { htmlToPlainText } from './html-to-plain-text.js';

const CLIENT_RECIPIENTS: readonly Recipient[] = ['client', 'representative'];

function checkAttachments(decisionId: string, expected: number, attachments: readonly EmailAttachment[]): void {
  if (attachments.length !== expected) {
    throw new EmailInputError('EMAIL_ATTACHMENTS_MISMATCH', decisionId, `the plan has ${expected} client documents, ${attachments.length} PDFs were given`);
  }
  const names = new Set(attachments.map((a) => a.fileName));
  if (names.size !== attachments.length) {
    throw new EmailInputError('EMAIL_ATTACHMENT_NAME_DUPLICATE', decisionId, 'two attachments have the same file name');
  }
}

/**
 * The email that carries a decision's client-facing PDFs to the client, or to the representative when the record
 * has one: in the client's language (both languages, the client's first, for a bilingual record), saying that a
 * decision was made, listing the attachments, whether paper copies follow by mail, and how to reach the office.
 * The body never carries the reasons or the outcome: the PDFs do.
 *
 * Returns `undefined` when email is not one of the client's channels or when the plan has nothing for the client.
 * Throws `EmailInputError` when the attachments do not match the plan's client documents (`EMAIL_ATTACHMENTS_MISMATCH`,
 * `EMAIL_ATTACHMENT_NAME_DUPLICATE`) or no address is on file (`EMAIL_ADDRESS_MISSING`), `EmailTemplateError` and
 * `EmailBuildError` when the email cannot be rendered or built.
 */
export async function composeClientEmail(
  record: DecisionRecord,
  plan: CorrespondencePlan,
  attachments: readonly EmailAttachment[],
  config: EmailConfig,
): Promise<ComposedEmail | undefined> {
  const c = record.correspondence;
  const documents = plan.documents.filter((d) => CLIENT_RECIPIENTS.includes(d.recipient));
  if (!c.channels.includes('email') || documents.length === 0) return undefined;
  checkAttachments(record.decisionId, documents.length, attachments);

  const representative = c.representative ?? undefined;
  const address = representative ? representative.email : c.email;
  if (!address) throw new EmailInputError('EMAIL_ADDRESS_MISSING', record.decisionId, 'no email address for the correspondence');
  const principal = record.principalApplicant;
  const clientName = fullName(principal);
  const recipientName = representative ? representative.name : clientName;
  const recipient: Recipient = representative ? 'representative' : 'client';

  const languages = emailLanguages(c.language, c.bilingual);
  const [language = c.language] = languages;
  const subjectKey = representative ? 'email:client.subjectRepresentative' : 'email:client.subject';
  const subject = inEveryLanguage(languages, (t) => t(subjectKey, { applicationNumber: record.applicationNumber }));
  const salutationKey = representative ? 'representative' : principal.salutation;
  const render = await emailHtmlRenderer('client');
  const html = render({
    langTag: LANGUAGE_TAGS[language],
    subject,
    preheader: inEveryLanguage(languages, (t) => t('email:client.preheader', { applicationNumber: record.applicationNumber })),
    banner: bannerLines(language),
    decision: { id: record.decisionId, applicationNumber: record.applicationNumber },
    recipient: { isRepresentative: representative !== undefined, clientName },
    attachmentCount: attachments.length,
    mailed: c.channels.includes('mail'),
    parts: buildParts(record, languages, (lang, t) => ({
      salutation: t(`email:salutation.${salutationKey}`, { familyName: principal.familyName, name: recipientName }),
      attachments: attachments.map((a) => attachmentView(a, lang)),
    })),
  });
  const text = htmlToPlainText(html);
  const { eml, messageId } = await buildMimeMessage({
    decisionId: record.decisionId,
    label: 'client',
    key: '',
    date: record.decisionDate,
    from: config.from,
    to: { name: recipientName, address },
    replyTo: record.office.email,
    subject,
    languageTags: languages.map((l) => LANGUAGE_TAGS[l]),
    html,
    text,
    attachments,
  });
  return {
    kind: 'client',
    recipient,
    to: address,
    language,
    languages,
    subject,
    html,
    text,
    eml,
    messageId,
    attachments: attachments.map((a) => a.fileName),
  };
}
