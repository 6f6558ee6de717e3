import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n } from 'i18next';
import { LANGUAGES, type Language } from '../i18n/languages.js';

/** Translates a key of `locales/<lang>/server.json`; throws on a missing key rather than show it raw. */
export type ServerTranslate = (language: Language, key: string, values?: Record<string, string | number>) => string;

/** Loads the server's strings for every language (once, at start; synchronous) and returns the translator. */
export function createServerTranslate(localesDir: string): ServerTranslate {
  const resources = Object.fromEntries(
    LANGUAGES.map((l) => [l, { server: JSON.parse(readFileSync(join(localesDir, l, 'server.json'), 'utf8')) as Record<string, unknown> }]),
  );
  const instance: i18n = i18next.createInstance();
  // Nunjucks escapes every value once when the page is written; escaping here too would double it.
  void instance.init({ initAsync: false, resources, lng: 'en', fallbackLng: false, ns: ['server'], defaultNS: 'server', interpolation: { escapeValue: false }, returnNull: false });
  return (language, key, values) => {
    if (!instance.exists(key, { lng: language })) throw new Error(`server string ${key} missing in ${language}`);
    return instance.t(key, { lng: language, ...(values ?? {}) });
  };
}

/** The language a request asked for: its cookie when valid, else the Accept-Language header's first match, else English. */
export function pickLanguage(cookie: string | undefined, acceptLanguage: string | undefined): Language {
  const fromCookie = LANGUAGES.find((l) => l === cookie);
  if (fromCookie !== undefined) return fromCookie;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    const found = LANGUAGES.find((l) => l === tag);
    if (found !== undefined) return found;
  }
  return 'en';
}
