import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MissingTranslationError } from '../i18n/translator.js';
import { LANGUAGES, type Language } from '../i18n/languages.js';

/** Translates a key of `locales/<lang>/server.json`; throws on a missing key rather than show it raw. */
export type ServerTranslate = (language: Language, key: string, values?: Record<string, string | number>) => string;

/** A server string split once into its literal text and the names of its `{{value}}` places, alternating (text first and last). */
interface CompiledString {
  readonly texts: readonly string[];
  readonly names: readonly string[];
}

const PLACE = /\{\{\s*([A-Za-z_]\w*)\s*\}\}/g;

/**
 * The server's strings are labels and short sentences with plain `{{name}}` places: no plurals,
 * contexts, formatters or nesting. Anything else in the file is refused when the server starts,
 * so such a string never reaches a page half-translated.
 */
function compileString(language: Language, key: string, text: string): CompiledString {
  const texts: string[] = [];
  const names: string[] = [];
  let from = 0;
  for (const match of text.matchAll(PLACE)) {
    texts.push(text.slice(from, match.index));
    names.push(match[1] ?? '');
    from = match.index + match[0].length;
  }
  texts.push(text.slice(from));
  if (texts.some((t) => t.includes('{{') || t.includes('$t('))) throw new Error(`server string ${key} in ${language} uses more than {{name}} places`);
  return { texts, names };
}

/** Every string leaf of a locale tree by its dotted key. */
function compileTree(language: Language, tree: Record<string, unknown>, prefix: string, into: Map<string, CompiledString>): void {
  for (const [name, value] of Object.entries(tree)) {
    const key = prefix === '' ? name : `${prefix}.${name}`;
    if (typeof value === 'string') into.set(key, compileString(language, key, value));
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) compileTree(language, value as Record<string, unknown>, key, into);
    else throw new Error(`server string ${key} in ${language} is neither text nor a group`);
  }
}

function fill(language: Language, key: string, compiled: CompiledString, values: Record<string, string | number> | undefined): string {
  const { texts, names } = compiled;
  let out = texts[0] ?? '';
  for (let i = 0; i < names.length; i += 1) {
    const value = values?.[names[i] ?? ''];
    if (value === undefined) throw new Error(`server string ${key} in ${language} needs a value for {{${names[i] ?? ''}}}`);
    out += String(value) + (texts[i + 1] ?? '');
  }
  return out;
}

/**
 * Loads the server's strings for every language (once, at start; synchronous) and returns the
 * translator: a lookup in a table built here, with the values put in their places. Values are
 * inserted as given; Nunjucks escapes the result once when the page is written.
 */
export function createServerTranslate(localesDir: string): ServerTranslate {
  const tables = new Map<Language, Map<string, CompiledString>>();
  for (const language of LANGUAGES) {
    const table = new Map<string, CompiledString>();
    compileTree(language, JSON.parse(readFileSync(join(localesDir, language, 'server.json'), 'utf8')) as Record<string, unknown>, '', table);
    tables.set(language, table);
  }
  return (language, key, values) => {
    const compiled = tables.get(language)?.get(key);
    if (compiled === undefined) throw new MissingTranslationError(language, key);
    return compiled.names.length === 0 ? (compiled.texts[0] ?? '') : fill(language, key, compiled, values);
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
