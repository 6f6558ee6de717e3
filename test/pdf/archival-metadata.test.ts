import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_VERSION } from '../../src/pdf/producer.js';
import { srgbProfile } from '../../src/pdf/srgb-profile.js';
import { typesetPdf } from '../../src/pdf/typeset-pdf.js';
import { loadFixture, run, scratchDir } from './pdf-test-kit.js';

const dir = scratchDir();
const pdfPath = join(dir, 'with-attachment.pdf');
const record = new TextEncoder().encode('{"decisionId":"HC-2026-000123"}');
let raw = '';

beforeAll(async () => {
  const bytes = await typesetPdf(loadFixture('reference-letter-fr'), {
    attachments: [
      {
        fileName: 'decision-record.json',
        mediaType: 'application/json',
        description: 'Source decision record',
        relationship: 'Source',
        modified: '2026-11-20T16:00:00-05:00',
        bytes: record,
      },
    ],
  });
  writeFileSync(pdfPath, bytes);
  raw = Buffer.from(bytes).toString('latin1');
});

describe('archival and accessibility metadata', () => {
  it('identifies PDF/A-3B and PDF/UA-1 in XMP that matches the information dictionary', () => {
    const xmp = run('pdfinfo', ['-meta', pdfPath]);
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).toContain(`<pdf:Producer>hc-correspondence ${PACKAGE_VERSION} typesetter on pdf-lib</pdf:Producer>`);
    expect(xmp).toContain('<xmp:CreateDate>2026-11-26T10:15:00-05:00</xmp:CreateDate>');
    const info = run('pdfinfo', ['-isodates', pdfPath]);
    expect(info).toMatch(/^Title:\s+Décision concernant votre demande/m);
    expect(info).toMatch(/^CreationDate:\s+2026-11-26T10:15:00-05/m);
    expect(xmp).toContain('<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Décision concernant votre demande');
  });

  it('declares the language, the title to display, marked content and tab order by structure', () => {
    expect(raw).toContain('/Lang (fr-CA)');
    expect(raw).toContain('/DisplayDocTitle true');
    expect(raw).toMatch(/\/MarkInfo <<\s*\/Marked true\s*>>/);
    expect(raw).toMatch(/\/Tabs \/S/);
  });

  it('carries an sRGB output intent with a valid ICC profile', () => {
    expect(raw).toMatch(/\/S \/GTS_PDFA1/);
    const profile = srgbProfile();
    const view = new DataView(profile.buffer, profile.byteOffset, profile.byteLength);
    expect(view.getUint32(0)).toBe(profile.length);
    expect(Buffer.from(profile.subarray(36, 40)).toString('latin1')).toBe('acsp');
    expect(Buffer.from(profile.subarray(12, 24)).toString('latin1')).toBe('mntrRGB XYZ ');
  });

  it('embeds the attachment with its relationship', () => {
    expect(run('pdfdetach', ['-list', pdfPath])).toContain('decision-record.json');
    run('pdfdetach', ['-save', '1', '-o', join(dir, 'out.json'), pdfPath]);
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('{"decisionId":"HC-2026-000123"}');
    expect(raw).toContain('/AFRelationship /Source');
    expect(raw).toContain('/Subtype /application#2Fjson');
    expect(run('qpdf', ['--check', pdfPath])).toContain('No syntax or stream encoding errors found');
  });

  it('marks the letterhead, headers and footers as artifacts', () => {
    const streams = [...raw.matchAll(/stream\r?\n/g)].map((match) => match.index + match[0].length);
    const contents = streams.flatMap((start) => {
      try {
        return [inflateSync(Buffer.from(raw.slice(start, start + 200_000), 'latin1')).toString('latin1')];
      } catch {
        return [];
      }
    });
    const page = contents.find((text) => text.includes('/Artifact <</Type /Pagination /Subtype /Footer>> BDC'));
    expect(page).toBeDefined();
    expect(page).toContain('/Artifact <</Type /Pagination /Subtype /Header>> BDC');
    expect(page).toMatch(/\/P <<\/MCID \d+>> BDC/);
  });

  it('prints the version that package.json declares', () => {
    const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(PACKAGE_VERSION).toBe(packageJson.version);
  });
});

describe('text of glyphs that several characters share', () => {
  // Regression: Source Sans draws U+0020 and U+00A0 with one glyph, and a CID per glyph once
  // made every no-break space read as a plain space.
  it('keeps U+00A0 and U+202F apart from the space that shares their glyph', async () => {
    const doc = loadFixture('short-letter');
    const text = 'Montant\u00A0: 1\u00A0250,00\u00A0$ et voilà\u202F! Fin';
    const dir2 = scratchDir();
    const path = join(dir2, 'nbsp.pdf');
    writeFileSync(path, await typesetPdf({ ...doc, blocks: [{ kind: 'paragraph', runs: [{ text }] }] }));
    expect(run('pdfinfo', ['-struct-text', path])).toContain(`"${text}"`);
  });
});
