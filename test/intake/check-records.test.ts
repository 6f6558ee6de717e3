import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRecordInput, checkRecords, type CheckedRecord } from '../../src/intake/check-records.js';
import { describeInputError } from '../../src/intake/describe-input-error.js';
import { InputError, INPUT_ERROR_CODES } from '../../src/intake/input-error.js';
import { OUTPUT_ERROR_CODES } from '../../src/output/output-error.js';
import { recordWith, validRecord } from '../support/records.js';

describe('checkRecords', () => {
  it('reads, parses and validates: valid records come back typed, invalid ones with every issue', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hcc-check-'));
    writeFileSync(join(dir, 'a.ndjson'), `${JSON.stringify(validRecord())}\n${JSON.stringify(recordWith((r) => { r.decisionId = 'HC-X-1'; delete r.reasons; }))}\n`);
    const out: CheckedRecord[] = [];
    for await (const checked of checkRecords([dir])) out.push(checked);
    expect(out).toMatchObject([
      { valid: true, record: { decisionId: 'HC-2026-000101' } },
      { valid: false, failure: 'decision', decisionId: 'HC-X-1', errors: [{ path: '$.reasons', code: 'FIELD_REQUIRED' }] },
    ]);
  });

  it('a parser differential (the outcome given twice) is never accepted: JSON_DUPLICATE_KEY at $.outcome', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hcc-check-'));
    const text = JSON.stringify(validRecord()).replace('"outcome":"refused"', '"outcome":"approved-in-principle","outcome":"refused"');
    expect(text).toContain('"outcome":"approved-in-principle","outcome":"refused"');
    writeFileSync(join(dir, 'twice.json'), text);
    const out: CheckedRecord[] = [];
    for await (const checked of checkRecords([join(dir, 'twice.json')])) out.push(checked);
    expect(out).toMatchObject([{ valid: false, failure: 'input', errors: [{ path: '$.outcome', code: 'JSON_DUPLICATE_KEY' }] }]);
  });
});

describe('checkRecordInput', () => {
  it('turns an input error into one issue at $, explained in both languages', () => {
    const checked = checkRecordInput({ source: { file: 'f.json' }, ok: false, error: new InputError('INPUT_TOO_DEEP', { limit: 64, line: 1, column: 65 }) });
    expect(checked).toEqual({
      source: { file: 'f.json' },
      valid: false,
      failure: 'input',
      errors: [
        {
          path: '$',
          code: 'INPUT_TOO_DEEP',
          message: {
            en: 'The input nests objects and arrays more than 64 levels deep (at line 1, column 65).',
            fr: "L'entrée imbrique objets et tableaux sur plus de 64 niveaux (ligne 1, colonne 65).",
          },
        },
      ],
    });
  });
});

describe('describeInputError', () => {
  const detail = { limit: 10, line: 2, column: 3, offset: 4, reason: 'ENOTDIR', kind: 'fifo', path: '$.a' };

  it.each([...INPUT_ERROR_CODES, ...OUTPUT_ERROR_CODES])('%s has an English and a French message', (code) => {
    const message = describeInputError({ code, detail });
    expect(message.en).toMatch(/^[A-Z].*\.$/);
    expect(message.fr).toMatch(/^[A-Z].*\.$/);
    expect(message.fr).not.toBe(message.en);
    expect(`${message.en}${message.fr}`).not.toMatch(/\{\{|undefined/);
  });

  it('names the kind of a path that is not a regular file, and any errno code', () => {
    expect(describeInputError({ code: 'INPUT_NOT_REGULAR_FILE', detail: { kind: 'characterDevice' } }).en).toBe('The path is not a regular file but a character device; it is not read.');
    expect(describeInputError({ code: 'INPUT_UNREADABLE', detail: { reason: 'EIO' } }).fr).toBe('Le fichier ne peut pas être lu (erreur EIO).');
  });
});
