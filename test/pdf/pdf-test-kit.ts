import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import type { Block, LetterDocument, TextRun } from '../../src/pdf/letter-document.js';

export const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/documents/', import.meta.url));
export const REFERENCE_DIR = fileURLToPath(new URL('./reference/', import.meta.url));

/** The sample documents and the page count each must have. */
export const FIXTURES = [
  { name: 'short-letter', pages: 1 },
  { name: 'reference-letter-en', pages: 2 },
  { name: 'reference-letter-fr', pages: 2 },
  { name: 'bilingual-letter', pages: 2 },
  { name: 'long-letter', pages: 6 },
  { name: 'names-letter', pages: 1 },
] as const;

export function loadFixture(name: string): LetterDocument {
  // The fixtures are written in the model's shape; the typesetter's own tests exercise it.
  return JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.json`), 'utf8')) as LetterDocument;
}

export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'hcc-pdf-'));
}

export function run(command: string, args: readonly string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Collapses ASCII white space only: U+00A0 and U+202F must survive as they are. */
export function squeeze(text: string): string {
  return text.replace(/[ \t\r\n\f]+/g, ' ').trim();
}

function runsText(runs: readonly TextRun[]): string {
  return runs.map((run) => run.text).join('');
}

function blockTexts(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return [runsText(block.runs)];
    case 'list':
      return block.items.map((item, index) => `${block.ordered ? `${String(index + 1)}.` : '\u2022'} ${runsText(item.runs)}`);
    case 'table':
      return [...(block.header === undefined ? [] : [block.header]), ...block.rows].map((row) => row.map(runsText).join(' '));
    case 'address':
      return [...block.lines];
    case 'signature':
      return [...(block.closing === undefined ? [] : [runsText(block.closing)]), block.signatory, ...block.lines];
    case 'section':
      return block.blocks.flatMap(blockTexts);
    case 'spacer':
    case 'pageBreak':
      return [];
  }
}

/** The text of the letter body in reading order, as the model gives it (NFC). */
export function modelText(doc: LetterDocument): string {
  return squeeze(doc.blocks.flatMap(blockTexts).join(' ').normalize('NFC'));
}

/** Text with every kind of space removed: poppler turns U+00A0 into a space and may drop U+202F. */
export function withoutSpaces(text: string): string {
  return text.replace(/[\s\u00A0\u202F]+/g, '');
}

/** The page text of every page, header, letterhead and footer cropped off, from `pdftotext -raw`. */
export function extractBodyText(pdfPath: string): string {
  // The body lies between 64 pt and 728 pt from the page top on every page.
  return run('pdftotext', ['-raw', '-enc', 'UTF-8', '-x', '0', '-y', '64', '-W', '612', '-H', '664', pdfPath, '-']);
}

/**
 * The text of the structure tree's content, exactly as tagged: strings of one block joined as
 * they are (an inline `Span` continues its paragraph), blocks joined by a space.
 */
export function structureText(structText: string): string {
  let text = '';
  let glue = false;
  let inlineIndent = -1;
  for (const line of structText.split('\n')) {
    const indent = line.length - line.trimStart().length;
    const string = /^\s*"(.*)"$/.exec(line)?.[1];
    if (string === undefined) {
      glue = line.includes('(inline)');
      inlineIndent = glue ? indent : -1;
      continue;
    }
    text += text === '' || glue ? string : ` ${string}`;
    glue = inlineIndent >= 0 && indent > inlineIndent;
  }
  return squeeze(text);
}

export interface PageImage {
  readonly width: number;
  readonly height: number;
  readonly data: Buffer;
}

export function readPng(path: string): PageImage {
  const png = PNG.sync.read(readFileSync(path));
  return { width: png.width, height: png.height, data: png.data };
}

/** Rasterises each page in grey at 50 dpi; returns the PNG paths in page order. */
export function rasterise(pdfPath: string, outDir: string, prefix: string, pages: number): string[] {
  run('pdftoppm', ['-png', '-gray', '-r', '50', pdfPath, join(outDir, prefix)]);
  return Array.from({ length: pages }, (_, index) => join(outDir, `${prefix}-${String(index + 1)}.png`));
}

/** Share of pixels whose grey level differs by more than a quarter of the range. */
export function differingShare(actual: PageImage, expected: PageImage): number {
  if (actual.width !== expected.width || actual.height !== expected.height) return 1;
  let differing = 0;
  const pixels = actual.width * actual.height;
  for (let index = 0; index < pixels; index += 1) {
    const a = actual.data[index * 4] ?? 0;
    const b = expected.data[index * 4] ?? 0;
    if (Math.abs(a - b) > 64) differing += 1;
  }
  return differing / pixels;
}

/** Reference images are written only on purpose: UPDATE_REFERENCE=1, never in CI. */
export function referencePath(name: string, page: number): string {
  return join(REFERENCE_DIR, `${name}-${String(page)}.png`);
}

export function maybeWriteReference(name: string, page: number, pngPath: string): void {
  if (process.env.UPDATE_REFERENCE !== '1' || process.env.CI !== undefined) return;
  mkdirSync(REFERENCE_DIR, { recursive: true });
  writeFileSync(referencePath(name, page), readFileSync(pngPath));
}

export function referenceExists(name: string, page: number): boolean {
  return existsSync(referencePath(name, page));
}

// Letters, then clusters with combining marks and characters beyond U+FFFF that the font draws
// and that allow no line break around them (line-breaking class AL).
const MIXED_UNITS = ['a', 'q\u0301', '\u{1F12F}', 'e\u0323\u0302', 'Z', '\u{1F16A}', 'o\u0328', '\u{1F748}', 'ß'];

/**
 * A run of `length` UTF-16 code units with no line-break opportunity: ASCII letters, or a mix
 * of letters, combining marks and surrogate pairs. It never ends inside a cluster.
 */
export function unbreakableRun(length: number, kind: 'ascii' | 'mixed'): string {
  if (kind === 'ascii') return Array.from({ length }, (_, index) => String.fromCharCode(97 + (index % 26))).join('');
  const parts: string[] = [];
  let size = 0;
  for (let index = 0; ; index += 1) {
    const unit = MIXED_UNITS[index % MIXED_UNITS.length] ?? 'a';
    if (size + unit.length > length) break;
    parts.push(unit);
    size += unit.length;
  }
  return parts.join('').padEnd(length, 'a');
}
