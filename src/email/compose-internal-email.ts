import { formatLongDate } from '../compose/format-date.js';
import type { DecisionRecord } from '../decision/decision-schema.js';
import { LANGUAGE_TAGS } from '../i18n/translator.js';
import { listHousehold } from '../decision/household.js';
import type { PlannedDocument } from '../plan/correspondence-plan.js';
import { buildMimeMessage } from './build-mime-message.js';
import type { ComposedEmail, EmailAttachment } from './composed-email.js';
import { CbsaOfficeUnknownError } from './cbsa-office-error.js';
import type { EmailComposeContext } from './email-compose-context.js';
import { isInternalEmailRecipient, officeKey, senderName, type EmailConfig, type InternalEmailRecipient } from './email-config.js';
import { EmailInputError } from './email-input-error.js';
import { attachmentView, bannerLines, buildParts, inEveryLanguage } from './email-view.js';
import { htmlToPlainText } from './html-to-plain-text.js';

/**
 * Where an internal notice goes: the configured partner address, or for a removals notice the
 * removals unit of the CBSA office that holds the person's order. Throws `CbsaOfficeUnknownError`
 * (`CBSA_OFFICE_UNKNOWN`) for an office the configuration does not know.
 */
export function internalAddress(record: DecisionRecord, document: PlannedDocument, recipient: InternalEmailRecipient, config: EmailConfig): string {
  if (recipient !== 'cbsa-removals-unit') return config.internalRecipients[recipient];
  const office = listHousehold(record).find((p) => p.uci === document.uci)?.removalOrder?.cbsaOffice;
  const wanted = office === undefined ? undefined : officeKey(office);
  const address = Object.entries(config.cbsaRemovalsOffices).find(([name]) => officeKey(name) === wanted)?.[1];
  if (address === undefined) throw new CbsaOfficeUnknownError(record.decisionId, office ?? '');
  return address;
}

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
  context: EmailComposeContext,
): Promise<ComposedEmail> {
  const { translators, templates, config } = context;
  const { recipient } = document;
  if (!isInternalEmailRecipient(recipient)) {
    throw new EmailInputError('EMAIL_RECIPIENT_NOT_INTERNAL', record.decisionId, `${document.kind} goes to ${recipient}`);
  }
  const to = internalAddress(record, document, recipient, config);
  const languages = document.languages.length > 0 ? document.languages : [document.language];
  const [language = document.language] = languages;
  const notice = (key: 'title' | 'summary') => `email:internal.notice.${document.kind}.${key}`;
  const parts = buildParts(translators, record, languages, (lang, t) => ({
    noticeTitle: t(notice('title')),
    noticeSummary: t(notice('summary')),
    attachment: attachmentView(attachment, lang),
  }));
  const subject = inEveryLanguage(translators, languages, (t, l) =>
    t('email:internal.subject', { notice: t(notice('title')), decisionId: record.decisionId, office: record.office.name[l] }),
  );
  const html = templates.internal({
    langTag: LANGUAGE_TAGS[language],
    subject,
    preheader: inEveryLanguage(translators, languages, (t, l) =>
      t('email:internal.preheader', {
        notice: t(notice('title')),
        decisionId: record.decisionId,
        date: formatLongDate(record.decisionDate, l, t),
      }),
    ),
    banner: bannerLines(translators, language),
    decision: { id: record.decisionId },
    parts,
  });
  const text = htmlToPlainText(html);
  const { eml, sha256: emlSha256, messageId } = await buildMimeMessage({
    decisionId: record.decisionId,
    label: document.kind,
    key: [document.uci ?? '', ...document.persons].join(' '),
    date: record.decisionDate,
    from: { name: senderName(config, languages), address: config.from.address },
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
    from: config.from.address,
    label: document.kind,
    carries: [document.kind],
    language,
    languages,
    subject,
    html,
    text,
    eml,
    emlSha256,
    messageId,
    documentKind: document.kind,
    attachments: [attachment.fileName],
  };
}
