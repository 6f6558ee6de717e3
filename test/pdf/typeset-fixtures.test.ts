import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { typesetPdf } from '../../src/pdf/typeset-pdf.js';
import {
  FIXTURES,
  differingShare,
  extractBodyText,
  loadFixture,
  maybeWriteReference,
  modelText,
  rasterise,
  readPng,
  referenceExists,
  referencePath,
  run,
  scratchDir,
  structureText,
  withoutSpaces,
} from './pdf-test-kit.js';

const dir = scratchDir();

describe.each(FIXTURES)('$name', ({ name, pages }) => {
  const pdfPath = join(dir, `${name}.pdf`);

  let structText = '';

  beforeAll(async () => {
    writeFileSync(pdfPath, await typesetPdf(loadFixture(name)));
    structText = run('pdfinfo', ['-struct-text', pdfPath]);
  });

  it('is tagged, has the expected page count and passes qpdf --check', () => {
    const info = run('pdfinfo', [pdfPath]);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(new RegExp(`^Pages:\\s+${String(pages)}$`, 'm'));
    expect(info).toMatch(/^Page size:\s+612 x 792 pts \(letter\)$/m);
    expect(info).toMatch(/^Encrypted:\s+no$/m);
    expect(run('qpdf', ['--check', pdfPath])).toContain('No syntax or stream encoding errors found');
  });

  it('embeds every font as a subset with a Unicode map', () => {
    const rows = run('pdffonts', [pdfPath]).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+SourceSans3-\S+\s+CID TrueType\s+Identity-H\s+yes yes yes /);
    }
  });

  it('tags the model text exactly, no-break spaces included, in reading order', () => {
    expect(structureText(structText)).toBe(modelText(loadFixture(name)));
  });

  it('draws the model text on the pages in reading order, accents included', () => {
    expect(withoutSpaces(extractBodyText(pdfPath))).toBe(withoutSpaces(modelText(loadFixture(name))));
  });

  it('has the expected structure tree', async () => {
    await expect(structText).toMatchFileSnapshot(`__snapshots__/${name}.struct.txt`);
  });

  it('matches the reference images page by page', () => {
    const images = rasterise(pdfPath, dir, name, pages);
    images.forEach((image, index) => {
      const page = index + 1;
      maybeWriteReference(name, page, image);
      expect(referenceExists(name, page), `missing ${referencePath(name, page)}: run UPDATE_REFERENCE=1 npx vitest run test/pdf and review the images`).toBe(true);
      expect(differingShare(readPng(image), readPng(referencePath(name, page)))).toBeLessThan(0.002);
    });
  });
});
