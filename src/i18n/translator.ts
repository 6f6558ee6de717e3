import i18next, { type i18n } from 'i18next';
import type { Language } from '../decision/decision-schema.js';
import { HccError } from '../errors.js';
import { applyFrenchSpacing } from './french-spacing.js';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import { readLocaleFiles } from './locale-files.js';

/** Every namespace of every language, read from `locales/`; English is canonical. */
export const LOCALE_RESOURCES = readLocaleFiles(join(packageRoot(), 'locales'));

/** The typographic pass each language's finished text goes through. */
export const TYPOGRAPHY: Readonly<Record<Language, (text: string) => string>> = {
  en: (text) => text,
  fr: applyFrenchSpacing,
};

/** The BCP 47 tag of each language as Canadian documents carry it (PDF /Lang, HTML lang, Intl). */
export const LANGUAGE_TAGS = { en: 'en-CA', fr: 'fr-CA' } as const satisfies Record<Language, string>;

export class MissingTranslationError extends HccError {
  constructor(language: Language, key: string) {
    super('I18N_KEY_MISSING', `No ${language} translation for "${key}".`);
    this.name = 'MissingTranslationError';
  }
}

/** Translates a namespaced key ("validation:FIELD_REQUIRED"); throws rather than print a raw key. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

let instance: i18n | undefined;

function sharedInstance(): i18n {
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      initAsync: false,
      resources: LOCALE_RESOURCES,
      lng: 'en',
      fallbackLng: false,
      ns: Object.keys(LOCALE_RESOURCES.en),
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }
  return instance;
}

/** What i18next returns for a missing key: no locale string can contain it. */
const MISSING = '\u0000missing\u0000';

const translators = new Map<Language, Translate>();

/** The translator for one language, made once per process and shared. */
export function createTranslator(language: Language): Translate {
  let translator = translators.get(language);
  if (!translator) {
    translator = makeTranslator(language);
    translators.set(language, translator);
  }
  return translator;
}

function makeTranslator(language: Language): Translate {
  const i18n = sharedInstance();
  const t = i18n.getFixedT(language);
  const typography = TYPOGRAPHY[language];
  // Sentences without values (headings, labels) are the same every time: translated once.
  const fixed = new Map<string, string>();
  return (key, values) => {
    if (values === undefined) {
      const known = fixed.get(key);
      if (known !== undefined) return known;
    }
    // One lookup, not two: a missing key (plural forms included) comes back as the sentinel.
    const text = t(key, { ...values, defaultValue: MISSING });
    if (text === MISSING) throw new MissingTranslationError(language, key);
    const result = typography(text);
    if (values === undefined) fixed.set(key, result);
    return result;
  };
}
