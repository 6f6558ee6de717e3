import type { DecisionRecord } from '../decision/decision-schema.js';
import { fullName } from '../compose/person-name.js';
import { LANGUAGE_TAGS } from '../i18n/translator.js';
import { buildMimeMessage } from './build-mime-message.js';
import type { ClientEmailRoute } from './client-email-routes.js';
import type { ComposedEmail, EmailAttachment } from './composed-email.js';
import type { EmailComposeContext } from './email-compose-context.js';
import { senderName } from './email-config.js';
import { EmailInputError } from './email-input-error.js';
import { attachmentView, bannerLines, buildParts, emailLanguages, inEveryLanguage } from './email-view.js';
import { htmlToPlainText } from './html-to-plain-text.js';

function checkAttachments(decisionId: string, expected: number, attachments: readonly EmailAttachment[]): void {
  if (attachments.length !== expected) {
    throw new EmailInputError('EMAIL_ATTACHMENTS_MISMATCH', decisionId, `the route has ${expected} documents, ${attachments.length} PDFs were given`);
  }
  const names = new Set(attachments.map((a) => a.fileName));
  if (names.size !== attachments.length) {
    throw new EmailInputError('EMAIL_ATTACHMENT_NAME_DUPLICATE', decisionId, 'two attachments have the same file name');
  }
}

const gender = (salutation: string) => (salutation === 'ms' ? 'f' : salutation === 'mr' ? 'm' : '');

/**
 * The email that carries client-side PDFs along one route (`clientEmailRoutes`): to the client, to
 * the representative, or to the client's own address when a representative receives the rest. In
 * the client's language (both, the client's first, for a bilingual record): that a decision was
 * made, the attachments, whether paper copies follow by mail, and how to reach the office. The body
 * never carries the reasons or the outcome: the PDFs do.
 *
 * Throws `EmailInputError` when the attachments do not match the route's documents
 * (`EMAIL_ATTACHMENTS_MISMATCH`, `EMAIL_ATTACHMENT_NAME_DUPLICATE`), `EmailTemplateError` and
 * `EmailBuildError` when the email cannot be rendered or built.
 */
export async function composeClientEmail(
  record: DecisionRecord,
  route: ClientEmailRoute,
  attachments: readonly EmailAttachment[],
  context: EmailComposeContext,
): Promise<ComposedEmail> {
  const { translators, templates, config } = context;
  checkAttachments(record.decisionId, route.documents.length, attachments);
  const c = record.correspondence;
  const principal = record.principalApplicant;
  const isRepresentative = route.recipient === 'representative';
  const languages = emailLanguages(c.language, c.bilingual);
  const [language = c.language] = languages;
  const clientGender = gender(principal.salutation);
  const subjectKey = isRepresentative ? 'email:client.subjectRepresentative' : 'email:client.subject';
  const subject = inEveryLanguage(translators, languages, (t) =>
    t(subjectKey, { applicationNumber: record.applicationNumber, yourClient: t('letter:yourClient', { context: clientGender }) }),
  );
  const html = templates.client({
    langTag: LANGUAGE_TAGS[language],
    subject,
    preheader: inEveryLanguage(translators, languages, (t) => t('email:client.preheader', { applicationNumber: record.applicationNumber })),
    banner: bannerLines(translators, language),
    decision: { id: record.decisionId, applicationNumber: record.applicationNumber },
    recipient: { isRepresentative, clientName: fullName(principal), copyToRepresentative: route.label === 'applicant' },
    attachmentCount: attachments.length,
    mailed: route.documents.some((d) => d.channels.includes('mail')),
    parts: buildParts(translators, record, languages, (lang, t) => ({
      salutation: isRepresentative
        ? t('email:salutation.representative', { name: route.to.name })
        : t('letter:salutation.person', {
            context: clientGender,
            names: t('letter:courtesyName', { context: clientGender, familyName: principal.familyName, name: fullName(principal) }),
          }),
      yourClient: t('letter:yourClient', { context: clientGender }),
      attachments: attachments.map((a) => attachmentView(a, lang)),
    })),
  });
  const text = htmlToPlainText(html);
  const from = { name: senderName(config, languages), address: config.from.address };
  const { eml, sha256: emlSha256, messageId } = await buildMimeMessage({
    decisionId: record.decisionId,
    label: route.label,
    key: '',
    date: record.decisionDate,
    from,
    to: route.to,
    replyTo: record.office.email,
    subject,
    languageTags: languages.map((l) => LANGUAGE_TAGS[l]),
    html,
    text,
    attachments,
  });
  return {
    kind: 'client',
    recipient: route.recipient,
    to: route.to.address,
    from: from.address,
    language,
    languages,
    subject,
    html,
    text,
    eml,
    emlSha256,
    messageId,
    label: route.label,
    carries: route.documents.map((d) => d.kind),
    attachments: attachments.map((a) => a.fileName),
  };
}
