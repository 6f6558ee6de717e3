import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GRAMMAR_FORMATTERS, MissingTranslationError } from '../../src/i18n/translator.js';
import { defaultTranslator, defaultLocaleResources } from '../../src/i18n/default-translators.js';

const LOCALES = fileURLToPath(new URL('../../locales/', import.meta.url));

type Tree = { [key: string]: string | Tree };

/** Every leaf of a locale tree by dotted key. */
function strings(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of strings(value, path)) out.set(k, v);
  }
  return out;
}

/** Every leaf key with its interpolation variables, sorted. */
function leaves(tree: Tree): Map<string, string[]> {
  const variables = (text: string) => [...new Set([...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? ''))].sort();
  return new Map([...strings(tree)].map(([k, v]) => [k, variables(v)]));
}

function readTree(language: string, file: string): Tree {
  return JSON.parse(readFileSync(`${LOCALES}${language}/${file}`, 'utf8')) as Tree;
}

const namespaces = readdirSync(`${LOCALES}en`).filter((f) => f.endsWith('.json'));

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/**
 * i18next contexts that only one language may need: French agrees with the gender of the person
 * (`relationship.spouse_f` "épouse"), English names it in a courtesy title (`courtesyName_f`
 * "Ms. …"). Either language may add them to a key the other has without them. Other contexts
 * (`_you`, `_rep`, `_client`) say who the sentence speaks to and exist in both languages.
 */
const GENDER_SUFFIX = /_(f|m)$/;

/** A key without its plural and gender suffixes: the key both languages must have. */
function canonical(key: string): string {
  return key.replace(PLURAL_SUFFIX, '').replace(GENDER_SUFFIX, '');
}

/** Keys with their plural suffix folded: `next.departure_one` and `_other` become `next.departure{plural}`. */
function foldPlurals(keys: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const key of keys) {
    const match = PLURAL_SUFFIX.exec(key);
    const base = match ? `${key.slice(0, match.index)}{plural}` : key;
    out.set(base, [...(out.get(base) ?? []), ...(match?.[1] ? [match[1]] : [])].sort());
  }
  return out;
}

function pluralCategories(language: string): string[] {
  return [...new Intl.PluralRules(`${language}-CA`).resolvedOptions().pluralCategories].sort();
}

/**
 * Keys where French rightly leaves out a variable English uses: a formal French salutation never
 * names the person ("Madame,", "Maître,"), an English one does ("Dear Ms. Tremblay:").
 */
const VARIABLES_MAY_DIFFER = new Set(['salutation.person', 'salutation.people', 'salutation.representative']);

describe('locale parity: English is canonical', () => {
  it('has the same namespace files in every language', () => {
    expect(readdirSync(`${LOCALES}fr`).sort()).toEqual(readdirSync(`${LOCALES}en`).sort());
  });

  it('loads every namespace file into the translator', () => {
    expect(Object.keys(defaultLocaleResources().en).map((n) => `${n}.json`).sort()).toEqual([...namespaces].sort());
  });

  it.each(namespaces)('%s: French has exactly the English keys, each with its own plural forms', (file) => {
    const enKeys = [...leaves(readTree('en', file)).keys()];
    const frKeys = [...leaves(readTree('fr', file)).keys()];
    expect([...new Set(frKeys.map(canonical))].sort()).toEqual([...new Set(enKeys.map(canonical))].sort());
    for (const [language, keys] of [['fr', frKeys], ['en', enKeys]] as const) {
      for (const [key, forms] of foldPlurals(keys)) {
        if (forms.length > 0) expect({ key, forms }).toEqual({ key, forms: pluralCategories(language) });
      }
    }
  });

  it.each(namespaces)('%s: French uses the same interpolation variables as English', (file) => {
    const en = leaves(readTree('en', file));
    const fr = leaves(readTree('fr', file));
    // A French variant is compared with the same English variant, else with the English key it varies.
    const english = (key: string): string[] | undefined => {
      const plural = PLURAL_SUFFIX.exec(key)?.[0] ?? '';
      const bare = key.replace(PLURAL_SUFFIX, '');
      const ungendered = bare.replace(GENDER_SUFFIX, '');
      return en.get(key) ?? en.get(`${bare}_other`) ?? en.get(`${ungendered}${plural}`) ?? en.get(`${ungendered}_other`) ?? en.get(ungendered);
    };
    for (const [key, variables] of fr) {
      if (VARIABLES_MAY_DIFFER.has(canonical(key))) continue;
      expect({ key, variables }).toEqual({ key, variables: english(key) });
    }
  });

  it.each(namespaces)('%s: no French string is left in English', (file) => {
    const fr = strings(readTree('fr', file));
    const same = [...strings(readTree('en', file))].filter(([k, v]) => fr.get(k) === v).map(([k]) => k);
    // A single word may read the same in both languages ("Date", "null"); a sentence never does.
    // A pattern of placeholders and punctuation only (`{{date}}, {{time}}`) holds no word to translate.
    const words = (k: string) => (strings(readTree('en', file)).get(k) ?? '').replace(/\{\{[^}]*\}\}/g, '').trim();
    expect(same.filter((k) => / /.test(words(k)))).toEqual([]);
  });

  it('never types a French no-break space by hand: code applies them', () => {
    for (const file of namespaces) expect(readFileSync(`${LOCALES}fr/${file}`, 'utf8')).not.toMatch(/[\u00A0\u202F]/);
  });
});

describe('translator', () => {
  it('throws on a missing key instead of printing it', () => {
    const t = defaultTranslator('fr');
    expect(() => t('validation:NO_SUCH_KEY')).toThrow(MissingTranslationError);
    try {
      t('validation:NO_SUCH_KEY');
    } catch (error) {
      expect(error).toMatchObject({ code: 'I18N_KEY_MISSING' });
    }
  });

  it('interpolates and applies French spacing to French output only', () => {
    expect(defaultTranslator('fr')('validation:VALUE_INVALID', { allowed: 'a, b' })).toBe('Valeurs permises\u00A0: a, b.');
    expect(defaultTranslator('en')('validation:VALUE_INVALID', { allowed: 'a, b' })).toBe('The value must be one of: a, b.');
  });
});

describe('grammar formatters in locale strings', () => {
  it.each(['en', 'fr'] as const)('%s strings name only the formatters of their language', (language) => {
    const used = new Set<string>();
    for (const file of namespaces) {
      for (const text of strings(readTree(language, file)).values()) {
        for (const m of text.matchAll(/\{\{\s*\w+\s*,\s*(\w+)/g)) used.add(m[1] ?? '');
      }
    }
    expect([...used].filter((name) => !(GRAMMAR_FORMATTERS[language] as readonly string[]).includes(name))).toEqual([]);
    expect(used.size).toBeGreaterThan(0);
  });
});
