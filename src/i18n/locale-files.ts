import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Language } from './languages.js';

/** A namespace's strings, nested by key. */
export interface LocaleTree {
  readonly [key: string]: string | LocaleTree;
}

export type LocaleResources = Record<Language, Record<string, LocaleTree>>;

/** Reads `locales/<language>/<namespace>.json` for every language, once, at start-up. */
export function readLocaleFiles(localesDir: string): LocaleResources {
  const read = (language: Language) =>
    Object.fromEntries(
      readdirSync(join(localesDir, language))
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => [f.slice(0, -'.json'.length), JSON.parse(readFileSync(join(localesDir, language, f), 'utf8')) as LocaleTree]),
    );
  return Object.fromEntries(LANGUAGES.map((l) => [l, read(l)])) as LocaleResources;
}
