import { formatLongDate } from '../compose/format-date.js';
import type { DecisionRecord } from '../decision/decision-schema.js';
import { LANGUAGE_TAGS } from '../i18n/translator.js';
import type { PlannedDocument } from '../plan/correspondence-plan.js';
import { buildMimeMessage } from './build-mime-message.js';
import type { ComposedEmail, EmailAttachment } from './composed-email.js';
import { isInternalEmailRecipient, type EmailConfig } from './email-config.js';
import { EmailInputError } from './email-errors.js';
import { emailHtmlRenderer } from './email-templates.js';
import { attachmentView, bannerLines, buildParts, inEveryLanguage } from './email-view.js';
import { htmlToPlainText } from './html-to-plain-text.js';

/**
 * The email that carries one internal document (CBSA notice, TRP rationale, CSQ request) to the address configured
 * for its recipient, in the document's language, with that one PDF attached: what the document is, the decision
 * and its date, and how to reach the office. Names no person: the PDF does.
 *
 * Throws `EmailInputError` (`EMAIL_RECIPIENT_NOT_INTERNAL`) for a document that does not go out by internal email
 * (a client letter, the file update), `EmailTemplateError` and `EmailBuildError` when the email cannot be built.
 */
export async function composeInternalEmail(
  record: DecisionRecord,
  document: PlannedDocument,
  attachment: EmailAttachment,
  config: EmailConfig,
): Promise<ComposedEmail> {
  const { recipient } = document;
  if (!isInternalEmailRecipient(recipient)) {
    throw new EmailInputError('EMAIL_RECIPIENT_NOT_INTERNAL', record.decisionId, `${document.kind} goes to ${recipient}`);
  }
  const to = config.internalRecipients[recipient];
  const languages = document.languages.length > 0 ? document.languages : [document.language];
  const [language = document.language] = languages;
  const notice = (key: 'title' | 'summary') => `email:internal.notice.${document.kind}.${key}`;
  const parts = buildParts(record, languages, (lang, t) => ({
    noticeTitle: t(notice('title')),
    noticeSummary: t(notice('summary')),
    attachment: attachmentView(attachment, lang),
  }));
  const subject = inEveryLanguage(languages, (t, l) =>
    t('email:internal.subject', { notice: t(notice('title')), decisionId: record.decisionId, office: record.office.name[l] }),
  );
  const render = await emailHtmlRenderer('internal');
  const html = render({
    langTag: LANGUAGE_TAGS[language],
    subject,
    preheader: inEveryLanguage(languages, (t, l) =>
      t('email:internal.preheader', {
        notice: t(notice('title')),
        decisionId: record.decisionId,
        date: formatLongDate(record.decisionDate, l, t),
      }),
    ),
    banner: bannerLines(language),
    decision: { id: record.decisionId },
    parts,
  });
  const text = htmlToPlainText(html);
  const { eml, messageId } = await buildMimeMessage({
    decisionId: record.decisionId,
    label: document.kind,
    key: [document.uci ?? '', ...document.persons].join(' '),
    date: record.decisionDate,
    from: config.from,
    to: { address: to },
    replyTo: record.office.email,
    subject,
    languageTags: languages.map((l) => LANGUAGE_TAGS[l]),
    html,
    text,
    attachments: [attachment],
  });
  return {
    kind: 'internal',
    recipient,
    to,
    language,
    languages,
    subject,
    html,
    text,
    eml,
    messageId,
    documentKind: document.kind,
    attachments: [attachment.fileName],
  };
}
