import { languagesFrom } from '../decision/language-order.js';
import { formatLongDate } from '../compose/format-date.js';
import { formatPhone } from '../compose/format-phone.js';
import { phoneUri } from '../decision/phone-number.js';
import type { DecisionRecord, Language } from '../decision/decision-schema.js';
import { LANGUAGE_TAGS, type Translate, type Translators } from '../i18n/translator.js';
import type { EmailAttachment } from './composed-email.js';

/** A line of text tagged with its language. */
export interface TaggedLine {
  readonly langTag: string;
  readonly text: string;
}

/** An attachment as one language version lists it. */
export interface AttachmentView {
  readonly title: string;
  readonly fileName: string;
}

/** The office as one language version of an email shows it. */
export interface OfficeView {
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  /** The number as a `tel:` URI wants it: digits and a leading plus, then `;ext=` and the extension. */
  readonly phoneUri: string;
}

/** What every language version of an email reads: its translator, the decision date written out, the office. */
export interface EmailPart {
  readonly lang: Language;
  readonly langTag: string;
  readonly t: Translate;
  readonly decisionDate: string;
  readonly office: OfficeView;
  /** On every version but the last, the next version's "The English version follows" line, in its language. */
  readonly followedBy: TaggedLine | null;
}

/** The languages of an email: the first one, then, for a bilingual one, the other official language. */
export function emailLanguages(first: Language, bilingual: boolean): Language[] {
  return languagesFrom(first, bilingual);
}

/** The department's name in both official languages, the email's first, as the federal identity requires. */
export function bannerLines(translators: Translators, first: Language): TaggedLine[] {
  return emailLanguages(first, true).map((l) => ({ langTag: LANGUAGE_TAGS[l], text: translators[l]('email:department') }));
}

/** One part per language, each with what every template reads plus `extra` for that language. */
export function buildParts<T extends object>(
  translators: Translators,
  record: DecisionRecord,
  languages: readonly Language[],
  extra: (language: Language, t: Translate) => T,
): (EmailPart & T)[] {
  return languages.map((lang, i) => {
    const t = translators[lang];
    const next = languages[i + 1];
    return {
      lang,
      langTag: LANGUAGE_TAGS[lang],
      t,
      decisionDate: formatLongDate(record.decisionDate, lang, t),
      office: {
        name: record.office.name[lang],
        email: record.office.email,
        phone: formatPhone(record.office.phone, t),
        phoneUri: phoneUri(record.office.phone),
      },
      followedBy: next === undefined ? null : { langTag: LANGUAGE_TAGS[next], text: translators[next]('email:versionFollows') },
      ...extra(lang, t),
    };
  });
}

/** A value in every language of the email, joined: bilingual subjects and preheaders carry both. */
export function inEveryLanguage(translators: Translators, languages: readonly Language[], text: (t: Translate, language: Language) => string): string {
  return languages.map((l) => text(translators[l], l)).join(' / ');
}

/** An attachment as a language version lists it: its title in that language when the caller gave one. */
export function attachmentView(attachment: EmailAttachment, language: Language): AttachmentView {
  return { title: attachment.titles?.[language] ?? attachment.title, fileName: attachment.fileName };
}
