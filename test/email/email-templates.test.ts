import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileEmailMjml, compileEmailTemplates } from '../../src/email/email-templates.js';

const TEMPLATES = fileURLToPath(new URL('../../templates/email/', import.meta.url));
const files = readdirSync(TEMPLATES).filter((f) => f.endsWith('.mjml'));

/** Every Nunjucks tag of a text, as written. */
function nunjucksTags(text: string): Set<string> {
  return new Set([...text.matchAll(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g)].map((m) => m[0]));
}

describe('email templates', () => {
  it('name their partials with a leading underscore and have two top-level templates', () => {
    expect(files.filter((f) => !f.startsWith('_')).sort()).toEqual(['client.mjml', 'internal.mjml']);
  });

  it('keep every Nunjucks tag intact through MJML, and lose none', async () => {
    const written = new Set(files.flatMap((f) => [...nunjucksTags(readFileSync(`${TEMPLATES}${f}`, 'utf8'))]));
    const compiled = new Set([...nunjucksTags(await compileEmailMjml(TEMPLATES, 'client')), ...nunjucksTags(await compileEmailMjml(TEMPLATES, 'internal'))]);
    expect([...compiled].sort()).toEqual([...written].sort());
  });

  it('compile without web fonts or any remote resource', async () => {
    for (const name of ['client', 'internal'] as const) {
      const html = await compileEmailMjml(TEMPLATES, name);
      expect(html).toMatch(/^<!doctype html>\n<html lang="\{\{ langTag \}\}" dir="ltr"/);
      expect(html).not.toMatch(/fonts\.googleapis|<link\b|@import|<img\b|url\(/i);
    }
  });

  it('throw on a value the template reads and the context lacks, instead of printing nothing', async () => {
    const render = (await compileEmailTemplates(TEMPLATES)).client;
    const part = { langTag: 'en-CA', t: (key: string) => key, followedBy: null };
    const context = { langTag: 'en-CA', subject: 's', preheader: 'p', banner: [], recipient: { isRepresentative: false }, parts: [part] };
    expect(() => render(context as any)).toThrow(
      expect.objectContaining({ code: 'EMAIL_RENDER_FAILED', template: 'client.mjml' }),
    );
  });

  it('hold no sentence of their own: every text node is a Nunjucks tag', () => {
    for (const file of files) {
      const source = readFileSync(`${TEMPLATES}${file}`, 'utf8');
      const text = source
        .replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g, ' ')
        .replace(/<[^>]*>/g, ' ')
        .trim();
      expect({ file, text }).toEqual({ file, text: expect.stringMatching(/^\s*$/) });
    }
  });
});
