import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { isStructuralCode, type DecisionErrorCode } from '../../src/decision/error-codes.js';
import { decisionJsonSchema } from '../../src/decision/json-schema.js';
import { loadExpectations, loadFixtures } from '../support/fixtures.js';
import { permit, recordWith, validRecord } from '../support/records.js';

// Formats are left to the patterns zod writes beside them (the date pattern knows leap years).
const ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: false });
const validate = ajv.compile(decisionJsonSchema());

describe('the JSON Schema of `hcc schema`', () => {
  it('is a draft 2020-12 schema that forbids unknown fields', () => {
    const schema = decisionJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'decisionId', 'outcome', 'principalApplicant']));
  });

  it('accepts the base record', () => {
    expect(validate(validRecord()), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(loadFixtures('decisions').map((f) => [f.name, f.record]))('accepts the valid fixture %s', (_name, record) => {
    expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
  });

  const expected = loadExpectations<{ code: DecisionErrorCode }[]>('invalid.expected.json');
  const structural = loadFixtures('invalid').filter((f) => (expected[f.name] ?? []).some((e) => isStructuralCode(e.code)));
  it.each(structural.map((f) => [f.name, f.record]))('rejects the structurally invalid fixture %s', (_name, record) => {
    expect(validate(record)).toBe(false);
  });

  it('accepts the changes that only the cross-field rules reject', () => {
    expect(validate(recordWith((r) => { r.trp = [permit()]; }))).toBe(true);
  });

  it.each<[string, (r: any) => void]>([
    ['a misspelt field', (r) => { r.decisonDate = '2026-11-20'; }],
    ['30 February', (r) => { r.decisionDate = '2026-02-30'; }],
    ['schemaVersion 2', (r) => { r.schemaVersion = 2; }],
    ['a blank reason', (r) => { r.reasons = '  '; }],
    ['a fee with both forms', (r) => { r.trp = [permit({ fee: { receiptNumber: 'R', exemption: 'E' } })]; }],
    ['a missing field', (r) => { delete r.principalApplicant.uci; }],
  ])('rejects %s, as the zod schema does', (_name, edit) => {
    expect(validate(recordWith(edit))).toBe(false);
  });
});
