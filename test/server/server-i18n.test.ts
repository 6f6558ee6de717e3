import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/i18n/languages.js';
import { packageRoot } from '../../src/package-root.js';
import { createServerTranslate } from '../../src/server/server-i18n.js';

const LOCALES = join(packageRoot(), 'locales');
const t = createServerTranslate(LOCALES);

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([name, value]): [string, string][] => {
    const key = prefix === '' ? name : `${prefix}.${name}`;
    return typeof value === 'string' ? [[key, value]] : leaves(value, key);
  });
}

describe('server strings', () => {
  it('gives every string exactly as i18next gave it, values in their places (the table replaced i18next for speed)', () => {
    const resources = Object.fromEntries(LANGUAGES.map((l) => [l, { server: JSON.parse(readFileSync(join(LOCALES, l, 'server.json'), 'utf8')) as Tree }]));
    const reference = i18next.createInstance();
    void reference.init({ initAsync: false, resources, lng: 'en', fallbackLng: false, ns: ['server'], defaultNS: 'server', interpolation: { escapeValue: false }, returnNull: false });
    let compared = 0;
    for (const language of LANGUAGES) {
      for (const [key, text] of leaves(resources[language]?.server ?? {})) {
        // Values that look like markup or like i18next syntax are inserted as given.
        const values = Object.fromEntries([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => [m[1] ?? '', `<${m[1] ?? ''}> & {{x}}`]));
        expect(t(language, key, values), `${language} ${key}`).toBe(reference.t(key, { lng: language, ...values }));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('fills places with numbers and leaves a value’s own braces alone', () => {
    expect(t('en', 'queue.total', { decisions: 3, items: 12 })).toBe('3 decisions, 12 items');
    expect(t('fr', 'decision.title', { id: '{{id}}' })).toBe('Décision {{id}}');
  });

  it('throws on a missing key (I18N_KEY_MISSING) and on a missing value, never shows either raw', () => {
    expect(() => t('fr', 'decision.nothingHere')).toThrow(expect.objectContaining({ code: 'I18N_KEY_MISSING' }) as Error);
    expect(() => t('en', 'decision')).toThrow(expect.objectContaining({ code: 'I18N_KEY_MISSING' }) as Error);
    expect(() => t('en', 'decision.title')).toThrow(/needs a value for \{\{id\}\}/);
  });
});
