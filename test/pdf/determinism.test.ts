import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { typesetPdf } from '../../src/pdf/typeset-pdf.js';
import { loadFixture } from './pdf-test-kit.js';

const execFileAsync = promisify(execFile);
const child = fileURLToPath(new URL('./render-child.ts', import.meta.url));

async function renderInChild(name: string): Promise<string> {
  const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', child, name], {
    // Another time zone and locale must not change a byte.
    env: { ...process.env, TZ: name.length % 2 === 0 ? 'Asia/Tokyo' : 'America/St_Johns', LANG: 'fr_CA.UTF-8' },
  });
  return stdout;
}

describe('determinism', () => {
  it('gives the same bytes in two other processes and in this one', async () => {
    const name = 'reference-letter-fr';
    const [first, second] = await Promise.all([renderInChild(name), renderInChild(name)]);
    const here = createHash('sha256').update(await typesetPdf(loadFixture(name))).digest('hex');
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toBe(first);
    expect(here).toBe(first);
  });

  it('derives the trailer id from the content and takes the dates from the model', async () => {
    const doc = loadFixture('short-letter');
    const text = Buffer.from(await typesetPdf(doc)).toString('latin1');
    const changed = Buffer.from(await typesetPdf({ ...doc, title: `${doc.title}.` })).toString('latin1');
    const id = /\/ID \[ <([0-9A-F]{32})> <([0-9A-F]{32})> \]/.exec(text);
    expect(id?.[1]).toBeDefined();
    expect(id?.[1]).toBe(id?.[2]);
    expect(changed).not.toContain(id?.[1]);
    expect(text).toContain("/CreationDate (D:20261126093000-05'00')");
    expect(text).toContain('<xmp:CreateDate>2026-11-26T09:30:00-05:00</xmp:CreateDate>');
  });
});
