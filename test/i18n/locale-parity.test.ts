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

describe('locale parity: English is canonical', () => {
  it('has the same namespace files in every language', () => {
    expect(readdirSync(`${LOCALES}fr`).sort()).toEqual(readdirSync(`${LOCALES}en`).sort());
  });

  it('loads every namespace file into the translator', () => {
    expect(Object.keys(LOCALE_RESOURCES.en).map((n) => `${n}.json`).sort()).toEqual([...namespaces].sort());
  });

  it.each(namespaces)('%s: French has exactly the English keys, with the same variables', (file) => {
    const en = leaves(readTree('en', file));
    const fr = leaves(readTree('fr', file));
    expect([...fr.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, variables] of en) expect({ key, variables: fr.get(key) }).toEqual({ key, variables });
  });

  it.each(namespaces)('%s: no French string is left in English', (file) => {
    const fr = strings(readTree('fr', file));
    const same = [...strings(readTree('en', file))].filter(([k, v]) => fr.get(k) === v).map(([k]) => k);
    // Type names like "null" read the same in both languages; sentences never do.
    expect(same.filter((k) => !k.startsWith('type.'))).toEqual([]);
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
