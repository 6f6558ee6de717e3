import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LetterDocument } from '../../src/pdf/letter-document.js';
import { typesetPdf } from '../../src/pdf/typeset-pdf.js';
import { loadFixture, readPng, run, scratchDir } from './pdf-test-kit.js';

// Every letter the applicants' names and French need, in the four faces: after subsetting, each
// must still put ink on the page (the failure mode of fontkit with some fonts is a blank glyph).
const LETTERS = [
  ...Array.from('àâçéèêëîïôûùüÿœæÀÂÇÉÈÊËÎÏÔÛÙÜŸŒÆ'),
  ...Array.from('ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ'),
  ...Array.from('ğĞıİşŞ'),
  ...Array.from('șȘțȚ'),
  ...Array.from('ąćęłńóśźżĄĆĘŁŃÓŚŹŻ'),
  ...Array.from('ðÐþÞáíúý'),
  'q\u0303',
  'ọ\u0300',
  'n\u0308',
];
// pdftotext splits words at a zero-width mark, so a letter with a combining mark stands alone.
function sample(letter: string): string {
  return letter.length > 1 ? letter.normalize('NFC') : letter.repeat(2);
}

const STYLES = [{}, { bold: true }, { italic: true }, { bold: true, italic: true }] as const;

describe('glyph ink', () => {
  it('draws every required letter in every face', async () => {
    const base = loadFixture('short-letter');
    const doc: LetterDocument = {
      ...base,
      blocks: STYLES.map((style) => ({ kind: 'paragraph', runs: [{ text: LETTERS.map(sample).join(' '), ...style }] })),
    };
    const dir = scratchDir();
    const pdfPath = join(dir, 'ink.pdf');
    writeFileSync(pdfPath, await typesetPdf(doc));
    run('pdftoppm', ['-png', '-gray', '-r', '72', '-singlefile', pdfPath, join(dir, 'ink')]);
    const page = readPng(join(dir, 'ink.png'));
    const words = [...run('pdftotext', ['-bbox', pdfPath, '-']).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)];
    const checked = words.filter((word) => LETTERS.some((letter) => word[5] === sample(letter)));
    expect(checked.length).toBe(LETTERS.length * STYLES.length);
    for (const [, xMin = '0', yMin = '0', xMax = '0', yMax = '0', text = ''] of checked) {
      let ink = 0;
      for (let y = Math.floor(Number(yMin)); y < Math.ceil(Number(yMax)); y += 1) {
        for (let x = Math.floor(Number(xMin)); x < Math.ceil(Number(xMax)); x += 1) {
          if ((page.data[(y * page.width + x) * 4] ?? 255) < 128) ink += 1;
        }
      }
      expect(ink, `no ink for ${text}`).toBeGreaterThan(3);
    }
  });
});
