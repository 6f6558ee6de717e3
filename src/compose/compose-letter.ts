import { LANGUAGES, type DecisionRecord, type Language } from '../decision/decision-schema.js';
import { LANGUAGE_TAGS, TYPOGRAPHY, type Translate, type Translators } from '../i18n/translator.js';
import type { CorrespondencePlan, DocumentKind, PlannedDocument } from '../plan/correspondence-plan.js';
import { documentKind } from '../plan/document-kinds.js';
import type { Block, LanguageTag, LetterDocument } from '../pdf/letter-document.js';
import { languagesFrom } from '../decision/language-order.js';
import { buildLetterView, type IssuedItemView } from './letter-view.js';
import { parseLetterMarkup } from './letter-markup.js';
import type { TemplateEngine } from './template-engine.js';

const TAG_LANGUAGE = new Map<string, Language>(LANGUAGES.map((l) => [LANGUAGE_TAGS[l], l]));

/** French spacing for French runs, nothing for English ones: chosen by the run's language. */
function typography(text: string, lang: LanguageTag): string {
  const language = TAG_LANGUAGE.get(lang);
  return language ? TYPOGRAPHY[language](text) : text;
}

/** What composing reads besides the request: the letter templates and the translators, built once by the renderer. */
export interface ComposeContext {
  readonly engine: TemplateEngine;
  readonly translators: Translators;
}

/** One planned document of one decision, ready to compose. */
export interface LetterRequest {
  readonly record: DecisionRecord;
  readonly plan: CorrespondencePlan;
  readonly document: PlannedDocument;
  /** Items produced before this one (the file update lists them with their hashes and Message-IDs). */
  readonly issued?: readonly IssuedItemView[];
}

/**
 * A document's title in one language: the kind's title, or the title its recipient knows it by
 * (`title_client`: the client's copy of the CSQ request is a letter about the approval).
 */
export function documentTitle(document: PlannedDocument, t: Translate): string {
  const context = document.recipient === 'client' || document.recipient === 'family-member' || document.recipient === 'representative' ? 'client' : '';
  return t(`${document.kind}:title`, { context });
}

/** The template of a document kind, as the registry of kinds gives it. */
export function letterTemplateName(kind: DocumentKind): string {
  return documentKind(kind).template;
}

function composeBlocks(context: ComposeContext, request: LetterRequest, language: Language): Block[] {
  const t = context.translators[language];
  const view = buildLetterView({ ...request, language, t });
  const template = letterTemplateName(request.document.kind);
  const markup = context.engine.render(template, { ...view, t });
  return parseLetterMarkup(markup, { template, typography, lang: LANGUAGE_TAGS[language] });
}

/**
 * Composes the typesetter's document for one planned document: rendered from its template in each
 * of its languages, the first language first, each version in its own section tagged with its
 * language. Dates come from the record, so the same request always gives the same document.
 */
export function composeLetter(context: ComposeContext, request: LetterRequest): LetterDocument {
  const translatorFor = (l: Language): Translate => context.translators[l];
  const { record, document } = request;
  const [first, ...others] = document.languages;
  const language = first ?? document.language;
  const t = translatorFor(language);
  const versions = [language, ...others];
  const blocks: Block[] =
    versions.length === 1
      ? composeBlocks(context, request, language)
      : versions.flatMap((l, i): Block[] => [
          ...(i > 0 ? [{ kind: 'pageBreak' } as const] : []),
          { kind: 'section', ...(i > 0 ? { lang: LANGUAGE_TAGS[l] } : {}), blocks: composeBlocks(context, request, l) },
        ]);
  const letterheadOrder = languagesFrom(language, true);
  const all = (key: string) => versions.map((l) => translatorFor(l)(key)).join(' / ');
  return {
    lang: LANGUAGE_TAGS[language],
    title: versions.map((l) => documentTitle(document, translatorFor(l))).join(' / '),
    author: t('letter:department'),
    keywords: [document.kind, record.decisionId],
    dates: { created: `${record.decisionDate}T00:00:00Z` },
    letterhead: { lines: letterheadOrder.map((l) => ({ text: translatorFor(l)('letter:department'), lang: LANGUAGE_TAGS[l] })) },
    // Continuation headers show on pages of every language version, so their labels carry all of them.
    references: [
      { label: all('letter:ref.applicationNumber'), value: record.applicationNumber },
      ...(document.uci === undefined ? [] : [{ label: all('letter:ref.uci'), value: document.uci }]),
    ],
    pageLabel: all('letter:pageLabel'),
    blocks,
  };
}
