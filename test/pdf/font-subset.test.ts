import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontFaces } from '../../src/pdf/font-faces.js';
import type { FontFaces } from '../../src/pdf/font-faces.js';
import { FontSubset } from '../../src/pdf/font-subset.js';
import { shapeText } from '../../src/pdf/shape-text.js';

let faces: FontFaces;
beforeAll(async () => {
  faces = await loadFontFaces();
});

async function embedded(words: readonly string[]): Promise<{ identity: string; baseFont: string }> {
  const subset = new FontSubset(faces.regular);
  for (const word of words) subset.useShaped(shapeText(faces.regular, word, 'test'));
  const doc = await PDFDocument.create();
  const { ref, identity } = subset.embed(doc.context);
  return { identity, baseFont: doc.context.lookup(ref)?.toString().match(/\/BaseFont \/(\S+)/)?.[1] ?? '' };
}

describe('an embedded font subset', () => {
  it('depends on the glyphs it holds, not on the order they were first used', async () => {
    const a = await embedded(['Zoé ', 'Marc ', 'Dossier 7']);
    const b = await embedded(['Dossier 7', 'Marc ', 'Zoé ']);
    expect(a.identity).toBe(b.identity);
    expect(a.baseFont).toMatch(/^[A-Z]{6}\+SourceSans3-Regular$/);
    expect(a.baseFont).toBe(b.baseFont);
    expect(a.identity).not.toBe((await embedded(['Zoë ', 'Marc ', 'Dossier 7'])).identity);
  });

  it('holds every digit, so that dates and file numbers do not change it', async () => {
    const a = await embedded(['Dossier 2026-000101']);
    const b = await embedded(['Dossier 3847-995568']);
    expect(a.identity).toBe(b.identity);
    const glyphs = a.identity.split(':')[1]?.split(',').map(Number) ?? [];
    for (const digit of '0123456789') expect(glyphs).toContain(faces.regular.font.glyphForCodePoint(digit.charCodeAt(0)).id);
  });
});
