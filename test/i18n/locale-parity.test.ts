import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTranslator, LOCALE_RESOURCES, MissingTranslationError } from '../../src/i18n/translator.js';

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
  const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? '').sort();
  return new Map([...strings(tree)].map(([k, v]) => [k, variables(v)]));
}

function readTree(language: string, file: string): Tree {
  return JSON.parse(readFileSync(`${LOCALES}${language}/${file}`, 'utf8')) as Tree;
}

const namespaces = readdirSync(`${LOCALES}en`).filter((f) => f.endsWith('.json'));

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

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
 * names the person ("Madame,"), an English one does ("Dear Ms. Tremblay:").
 */
const VARIABLES_MAY_DIFFER = new Set(['salutation.ms', 'salutation.mr', 'salutation.unspecified', 'salutation.representative']);

describe('locale parity: English is canonical', () => {
  it('has the same namespace files in every language', () => {
    expect(readdirSync(`${LOCALES}fr`).sort()).toEqual(readdirSync(`${LOCALES}en`).sort());
  });

  it('loads every namespace file into the translator', () => {
    expect(Object.keys(LOCALE_RESOURCES.en).map((n) => `${n}.json`).sort()).toEqual([...namespaces].sort());
  });

  it.each(namespaces)('%s: French has exactly the English keys, each with its own plural forms', (file) => {
    const en = foldPlurals(leaves(readTree('en', file)).keys());
    const fr = foldPlurals(leaves(readTree('fr', file)).keys());
    expect([...fr.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, forms] of fr) {
      if (forms.length > 0) expect({ key, forms }).toEqual({ key, forms: pluralCategories('fr') });
      if ((en.get(key) ?? []).length > 0) expect({ key, forms: en.get(key) }).toEqual({ key, forms: pluralCategories('en') });
    }
  });

  it.each(namespaces)('%s: French uses the same interpolation variables as English', (file) => {
    const en = leaves(readTree('en', file));
    const fr = leaves(readTree('fr', file));
    for (const [key, variables] of fr) {
      const base = key.replace(PLURAL_SUFFIX, '');
      if (VARIABLES_MAY_DIFFER.has(base)) continue;
      const english = en.get(key) ?? en.get(`${base}_other`);
      expect({ key, variables }).toEqual({ key, variables: english });
    }
  });

  it.each(namespaces)('%s: no French string is left in English', (file) => {
    const fr = strings(readTree('fr', file));
    const same = [...strings(readTree('en', file))].filter(([k, v]) => fr.get(k) === v).map(([k]) => k);
    // A single word may read the same in both languages ("Date", "null"); a sentence never does.
    expect(same.filter((k) => / /.test(strings(readTree('en', file)).get(k) ?? ''))).toEqual([]);
  });

  it('never types a French no-break space by hand: code applies them', () => {
    for (const file of namespaces) expect(readFileSync(`${LOCALES}fr/${file}`, 'utf8')).not.toMatch(/[\u00A0\u202F]/);
  });
});

describe('translator', () => {
  it('throws on a missing key instead of printing it', () => {
    const t = createTranslator('fr');
    expect(() => t('validation:NO_SUCH_KEY')).toThrow(MissingTranslationError);
    try {
      t('validation:NO_SUCH_KEY');
    } catch (error) {
      expect(error).toMatchObject({ code: 'I18N_KEY_MISSING' });
    }
  });

  it('interpolates and applies French spacing to French output only', () => {
    expect(createTranslator('fr')('validation:VALUE_INVALID', { allowed: 'a, b' })).toBe('Valeurs permises\u00A0: a, b.');
    expect(createTranslator('en')('validation:VALUE_INVALID', { allowed: 'a, b' })).toBe('The value must be one of: a, b.');
  });
});
