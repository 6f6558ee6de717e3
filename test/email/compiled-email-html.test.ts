import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emailTemplatesKey, readCompiledEmailHtml, writeCompiledEmailHtml } from '../../src/email/compiled-email-html.js';
import { compileEmailHtml } from '../../src/email/email-templates.js';
import { compileEmailHtmlApart } from '../../src/render/compile-email-html-apart.js';
import { packageCompiledEmailHtml } from '../../src/render/package-assets.js';
import { TEMPLATES } from '../support/render-kit.js';

const work = mkdtempSync(join(tmpdir(), 'hcc-compiled-email-'));
afterAll(() => { rmSync(work, { recursive: true, force: true }); });

/** A copy of the package's email templates that a test may change. */
function copyOfTemplates(name: string): string {
  const dir = join(work, name);
  cpSync(join(TEMPLATES, 'email'), dir, { recursive: true });
  return dir;
}

const fresh = await compileEmailHtml(join(TEMPLATES, 'email'));

describe('email HTML made once and kept in a file', () => {
  it('is read back for the same templates, and missed once a template (a partial too) changes', async () => {
    const dir = copyOfTemplates('edited');
    const file = join(work, 'edited.json');
    await writeCompiledEmailHtml(dir, fresh, file);
    expect(await readCompiledEmailHtml(dir, file)).toEqual(fresh);
    // The same templates in another folder hit too: the key is the content, not the path.
    expect(await readCompiledEmailHtml(copyOfTemplates('same'), file)).toEqual(fresh);
    writeFileSync(join(dir, '_banner.mjml'), `${readFileSync(join(dir, '_banner.mjml'), 'utf8')}\n`);
    expect(await readCompiledEmailHtml(dir, file)).toBeUndefined();
  });

  it('keys on names and bytes: moving bytes from one file to the next changes the key', async () => {
    const a = join(work, 'a');
    const b = join(work, 'b');
    cpSync(join(TEMPLATES, 'email'), a, { recursive: true });
    cpSync(join(TEMPLATES, 'email'), b, { recursive: true });
    expect(await emailTemplatesKey(a)).toBe(await emailTemplatesKey(b));
    writeFileSync(join(a, 'x.mjml'), 'ab');
    writeFileSync(join(a, 'y.mjml'), 'c');
    writeFileSync(join(b, 'x.mjml'), 'a');
    writeFileSync(join(b, 'y.mjml'), 'bc');
    expect(await emailTemplatesKey(a)).not.toBe(await emailTemplatesKey(b));
  });

  it('is missed, never trusted, when the file is absent, not JSON, or of the wrong shape', async () => {
    const dir = join(TEMPLATES, 'email');
    expect(await readCompiledEmailHtml(dir, join(work, 'absent.json'))).toBeUndefined();
    writeFileSync(join(work, 'broken.json'), '{"key":');
    expect(await readCompiledEmailHtml(dir, join(work, 'broken.json'))).toBeUndefined();
    writeFileSync(join(work, 'shape.json'), JSON.stringify({ key: await emailTemplatesKey(dir), html: { client: 1, internal: '' } }));
    expect(await readCompiledEmailHtml(dir, join(work, 'shape.json'))).toBeUndefined();
  });

  it('is what the pool hands its workers: the kept HTML when it matches, MJML when it does not', async () => {
    const dir = copyOfTemplates('pool');
    const file = join(work, 'pool.json');
    // A kept file whose HTML is marked, so that the answer shows where it came from.
    const marked = { client: `${fresh.client}<!-- kept -->`, internal: fresh.internal };
    await writeCompiledEmailHtml(dir, marked, file);
    expect(await compileEmailHtmlApart(dir, file)).toEqual({ ok: true, html: marked });
    writeFileSync(join(dir, 'client.mjml'), `${readFileSync(join(dir, 'client.mjml'), 'utf8')}\n`);
    const recompiled = await compileEmailHtmlApart(dir, file);
    expect(recompiled.ok && recompiled.html.client.includes('<!-- kept -->')).toBe(false);
    expect(recompiled).toMatchObject({ ok: true });
  });

  it('was made by the build from the templates as they are now (when the package is built)', async ({ skip }) => {
    // `npm run check` builds before the tests; a bare `vitest run` of a fresh clone has no dist/.
    if (!existsSync(packageCompiledEmailHtml())) skip();
    expect(await readCompiledEmailHtml(join(TEMPLATES, 'email'), packageCompiledEmailHtml())).toEqual(fresh);
  });
});
