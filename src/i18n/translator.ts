import i18next, { type i18n } from 'i18next';
import { HccError } from '../errors.js';
import { applyFrenchSpacing } from './french-spacing.js';
import { LANGUAGE_TAGS, LANGUAGES, type Language } from './languages.js';
import type { LocaleResources } from './locale-files.js';
import { withEnglishArticle } from './english-article.js';
import { frenchJoin } from './french-elision.js';
import { formatCitation } from './legal-citation.js';

/** The typographic pass each language's finished text goes through. */
export const TYPOGRAPHY: Readonly<Record<Language, (text: string) => string>> = {
  en: (text) => text,
  fr: applyFrenchSpacing,
};

export { LANGUAGE_TAGS };

export class MissingTranslationError extends HccError {
  constructor(language: Language, key: string) {
    super('I18N_KEY_MISSING', `No ${language} translation for "${key}".`);
    this.name = 'MissingTranslationError';
  }
}

/** Translates a namespaced key ("validation:FIELD_REQUIRED"); throws rather than print a raw key. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** One translator per language, built together from the same locale resources. */
export type Translators = Readonly<Record<Language, Translate>>;

function createInstance(resources: LocaleResources): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources,
    lng: 'en',
    fallbackLng: false,
    ns: Object.keys(resources.en),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  registerFormatters(instance);
  return instance;
}

/**
 * The grammar formatters a locale string may apply to a value, named after what they write:
 * `{{name, de}}` → "de Marc" or "d’Ayşe", `{{name, que}}`, `{{order, a}}` → "an exclusion order",
 * `{{code, cite(article: du; act: long)}}` → "du paragraphe 25(1) de la Loi sur l’immigration…".
 * Each is total (i18next would swallow an exception and print the bare value); a test checks that
 * locale strings name only these formatters, each in its own language.
 */
export const GRAMMAR_FORMATTERS = { fr: ['de', 'que', 'cite'], en: ['a', 'cite'] } as const;

function registerFormatters(i18n: i18n): void {
  const formatter = i18n.services.formatter;
  if (!formatter) throw new HccError('I18N_INIT_FAILED', 'i18next has no formatter service');
  const language = (lng: string | undefined): Language => (lng?.startsWith('fr') ? 'fr' : 'en');
  formatter.add('de', (value: unknown) => frenchJoin('de', String(value)));
  formatter.add('que', (value: unknown) => frenchJoin('que', String(value)));
  formatter.add('a', (value: unknown) => withEnglishArticle(String(value)));
  formatter.add('cite', (value: unknown, lng: string | undefined, options: { article?: unknown; act?: unknown }) => {
    const article = options.article === 'le' || options.article === 'du' || options.article === 'au' ? options.article : 'bare';
    return formatCitation(String(value), language(lng), { article, long: options.act === 'long' });
  });
}

/** What i18next returns for a missing key: no locale string can contain it. */
const MISSING = '\u0000missing\u0000';

/**
 * The translators of the given locale resources (`readLocaleFiles`): a missing key throws
 * `MissingTranslationError`, French output gets French spacing. Built once by whoever holds the
 * assets (a renderer, a CLI command, a test) and handed to the parts that write.
 */
export function createTranslators(resources: LocaleResources): Translators {
  const instance = createInstance(resources);
  return Object.fromEntries(LANGUAGES.map((l) => [l, makeTranslator(instance, l)])) as Record<Language, Translate>;
}

// Sentences with values repeat within a decision (the same date, name or office in the letter,
// its copy and the email) and across decisions: the last few thousand are kept, oldest dropped first.
const MAX_REMEMBERED_WITH_VALUES = 4_096;

function makeTranslator(i18n: i18n, language: Language): Translate {
  const t = i18n.getFixedT(language);
  const typography = TYPOGRAPHY[language];
  // Sentences without values (headings, labels) are the same every time: translated once.
  const fixed = new Map<string, string>();
  const withValues = new Map<string, string>();
  return (key, values) => {
    const memo = values === undefined ? undefined : `${key}\u0000${JSON.stringify(values)}`;
    const remembered = memo === undefined ? fixed.get(key) : withValues.get(memo);
    if (remembered !== undefined) return remembered;
    // One lookup, not two: a missing key (plural forms included) comes back as the sentinel.
    const text = t(key, { ...values, defaultValue: MISSING });
    if (text === MISSING) throw new MissingTranslationError(language, key);
    const result = typography(text);
    if (memo === undefined) {
      fixed.set(key, result);
    } else {
      if (withValues.size >= MAX_REMEMBERED_WITH_VALUES) {
        const oldest = withValues.keys().next();
        if (oldest.done !== true) withValues.delete(oldest.value);
      }
      withValues.set(memo, result);
    }
    return result;
  };
}
