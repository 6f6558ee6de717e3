// Run as a separate process, under hcc's heap ceiling, by the long-run test: typesets the short
// letter with one unbreakable run of the given length and kind appended, and writes the PDF.
import { writeFileSync } from 'node:fs';
import type { LetterDocument } from '../../src/pdf/letter-document.js';
import { typesetPdf } from '../../src/pdf/typeset-pdf.js';
import { loadFixture, unbreakableRun } from './pdf-test-kit.js';

const [length = '15000', kind = 'ascii', out = 'long-run.pdf'] = process.argv.slice(2);
const total = Number(length);
const style = kind === 'mixed' ? 'mixed' : 'ascii';
// The run crosses a style change, so that both faces break it; most of it is in one face.
const regular = unbreakableRun(Math.min(1000, Math.floor(total / 2)), style);
const bold = unbreakableRun(total - regular.length, style);
const base = loadFixture('short-letter');
const doc: LetterDocument = {
  ...base,
  blocks: [...base.blocks, { kind: 'paragraph', runs: [{ text: `Before ${regular}` }, { text: `${bold} after.`, bold: true }] }],
};
writeFileSync(out, await typesetPdf(doc));
