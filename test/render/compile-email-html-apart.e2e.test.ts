import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileEmailHtml } from '../../src/email/email-templates.js';
import { compileEmailHtmlApart } from '../../src/render/compile-email-html-apart.js';
import { TEMPLATES } from '../support/render-kit.js';

describe('MJML in a thread of its own (what the render pool hands its workers)', () => {
  it('answers the same HTML as compiling in this thread', async () => {
    const apart = await compileEmailHtmlApart(join(TEMPLATES, 'email'));
    expect(apart).toEqual({ ok: true, html: await compileEmailHtml(join(TEMPLATES, 'email')) });
    if (!apart.ok) throw new Error('not compiled');
    expect(apart.html.client).toContain('{{');
  });

  it('answers the template error code, not a message, when a template cannot be read', async () => {
    expect(await compileEmailHtmlApart(join(TEMPLATES, 'no-such-folder'))).toEqual({ ok: false, code: 'EMAIL_TEMPLATE_INVALID' });
  });
});
