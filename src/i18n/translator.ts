import i18next, { type i18n } from 'i18next';
import type { Language } from '../decision/decision-schema.js';
import { HccError } from '../errors.js';
import { applyFrenchSpacing } from './french-spacing.js';
import enValidation from '../../locales/en/validation.json' with { type: 'json' };
import frValidation from '../../locales/fr/validation.json' with { type: 'json' };
import enPlan from '../../locales/en/plan.json' with { type: 'json' };
import frPlan from '../../locales/fr/plan.json' with { type: 'json' };
import enCli from '../../locales/en/cli.json' with { type: 'json' };
import frCli from '../../locales/fr/cli.json' with { type: 'json' };

/** Every namespace of every language; English is canonical and the parity test compares to it. */
export const LOCALE_RESOURCES = {
  en: { validation: enValidation, plan: enPlan, cli: enCli },
  fr: { validation: frValidation, plan: frPlan, cli: frCli },
} as const;

export type Namespace = keyof (typeof LOCALE_RESOURCES)['en'];

/** The typographic pass each language's finished text goes through. */
const TYPOGRAPHY: Record<Language, (text: string) => string> = {
  en: (text) => text,
  fr: applyFrenchSpacing,
};

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
    if (!i18n.exists(key, { lng: language })) throw new MissingTranslationError(language, key);
    return typography(t(key, values ?? {}));
  };
}
