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

/** A translator for one language. */
export function createTranslator(language: Language): Translate {
  const i18n = sharedInstance();
  const t = i18n.getFixedT(language);
  const typography = TYPOGRAPHY[language];
  return (key, values) => {
    // The values go along so that a plural key (`count`) is found under its plural forms.
    if (!i18n.exists(key, { lng: language, ...values })) throw new MissingTranslationError(language, key);
    return typography(t(key, values ?? {}));
  };
}
