import { describe, expect, it } from 'vitest';
import type { LetterDocument } from '../../src/pdf/letter-document.js';
import { typesetPdf } from '../../src/pdf/typeset-pdf.js';
import { loadFixture } from './pdf-test-kit.js';

const base: LetterDocument = loadFixture('short-letter');

async function failure(doc: LetterDocument): Promise<{ code: string; message: string }> {
  try {
    await typesetPdf(doc);
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected typesetPdf to reject');
}

describe('typesetPdf errors', () => {
  it('names a character the font cannot draw and where it came from, instead of a blank box', async () => {
    const doc: LetterDocument = {
      ...base,
      blocks: [...base.blocks, { kind: 'paragraph', runs: [{ text: 'Name: ' }, { text: '王小明', bold: true }] }],
    };
    const error = await failure(doc);
    expect(error.code).toBe('PDF_GLYPH_MISSING');
    expect(error.message).toContain('U+738B');
    expect(error.message).toContain(`blocks[${String(base.blocks.length)}].runs[1]`);
  });

  it('checks the letterhead, the continuation header and the footer too', async () => {
    const error = await failure({ ...base, pageLabel: 'Page {page} ⁄ {pages} 😀' });
    expect(error.code).toBe('PDF_GLYPH_MISSING');
    expect(error.message).toContain('pageLabel');
  });

  it('rejects a date without an offset', async () => {
    const error = await failure({ ...base, dates: { created: '2026-11-26T09:30:00' } });
    expect(error.code).toBe('PDF_INVALID_DATE');
  });

  it('rejects an impossible calendar date', async () => {
    const error = await failure({ ...base, dates: { created: '2026-02-30T09:30:00Z' } });
    expect(error.code).toBe('PDF_INVALID_DATE');
  });

  it('refuses an address that would not show in the envelope window', async () => {
    const tooLong = { kind: 'address', lines: ['A', 'B', 'C', 'D', 'E', 'F', 'G'] } as const;
    expect((await failure({ ...base, blocks: [tooLong] })).code).toBe('PDF_ADDRESS_OUT_OF_WINDOW');
    const pushedDown = [1, 2, 3, 4].map((line) => ({ kind: 'paragraph', runs: [{ text: `Line ${String(line)}` }] }) as const);
    expect((await failure({ ...base, blocks: [...pushedDown, { kind: 'address', lines: ['A'] }] })).code).toBe(
      'PDF_ADDRESS_OUT_OF_WINDOW',
    );
  });
});
