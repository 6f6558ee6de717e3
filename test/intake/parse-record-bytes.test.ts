import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/intake/input-error.js';
import { DEFAULT_INPUT_LIMITS } from '../../src/intake/input-limits.js';
import { parseRecordBytes, parseRecordText } from '../../src/intake/parse-record-bytes.js';
import { parseDecision } from '../../src/decision/parse-decision.js';

const bytes = (...parts: Array<string | number[]>) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

function refusal(run: () => unknown): InputError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
}

describe('parseRecordBytes', () => {
  it('turns the bytes of one record into its object, with or without a BOM', () => {
    expect(parseRecordBytes(bytes('{"decisionId":"HC-1","n":[1,{"a":null}]}'))).toEqual({ decisionId: 'HC-1', n: [1, { a: null }] });
    expect(parseRecordBytes(bytes([0xef, 0xbb, 0xbf], '{"a":"é"}'))).toEqual({ a: 'é' });
  });

  it.each<[string, string, Uint8Array, Record<string, unknown>]>([
    ['Latin-1 bytes', 'INPUT_NOT_UTF8', bytes('{"name":"Ren', [0xe9], '"}'), { offset: 12 }],
    ['an encoded surrogate after a BOM', 'INPUT_NOT_UTF8', bytes([0xef, 0xbb, 0xbf], '{"a":"', [0xed, 0xa0, 0x80], '"}'), { offset: 9 }],
    ['an overlong NUL', 'INPUT_NOT_UTF8', bytes('{"a":"', [0xc0, 0x80], '"}'), { offset: 6 }],
    ['a raw NUL byte in a string', 'INPUT_NOT_JSON', bytes('{"a":"x', [0x00], '"}'), { line: 1, column: 8 }],
    ['a NUL byte between values', 'INPUT_NOT_JSON', bytes('{"a":1', [0x00], '}'), { line: 1, column: 7 }],
    ['nothing', 'INPUT_EMPTY', bytes(''), {}],
    ['only a BOM and spaces', 'INPUT_EMPTY', bytes([0xef, 0xbb, 0xbf], ' \n '), {}],
    ['a JSON array', 'INPUT_NOT_OBJECT', bytes('[{}]'), {}],
    ['a duplicate key', 'JSON_DUPLICATE_KEY', bytes('{"outcome":"approved-in-principle","outcome":"refused"}'), { path: '$.outcome' }],
    ['10,000 levels of nesting', 'INPUT_TOO_DEEP', bytes('['.repeat(10_000)), { limit: DEFAULT_INPUT_LIMITS.maxDepth }],
  ])('refuses %s with %s', (_name, code, input, detail) => {
    const error = refusal(() => parseRecordBytes(input));
    expect(error?.code).toBe(code);
    expect(error?.detail).toMatchObject(detail);
  });

  it('refuses more bytes than the limit before reading any of them as text', () => {
    const limits = { ...DEFAULT_INPUT_LIMITS, maxBytes: 8 };
    expect(refusal(() => parseRecordBytes(bytes('{"a":123}'), limits))?.detail).toEqual({ limit: 8 });
    expect(parseRecordBytes(bytes('{"a":12}'), limits)).toEqual({ a: 12 });
  });
});

describe('parseRecordText', () => {
  it('counts the limit in UTF-8 bytes, and skips a BOM', () => {
    // {"a":"éé"} is 10 characters and 12 bytes.
    const limits = { ...DEFAULT_INPUT_LIMITS, maxBytes: 12 };
    expect(parseRecordText('\uFEFF{"a":"éé"}', limits)).toEqual({ a: 'éé' });
    expect(refusal(() => parseRecordText('{"a":"ééé"}', limits))?.code).toBe('INPUT_TOO_LARGE');
  });
});

describe('parseRecordText: a schemaVersion written otherwise than 1 (issue 8)', () => {
  it.each(['1.0', '1e0', '1E0', '10e-1', '1.00000000000000002', '1.0000000000000000000001'])('hands %s on as its text, so that validation refuses it', (written) => {
    const record = parseRecordText(`{"schemaVersion":${written},"decisionId":"HC-1"}`);
    expect(record.schemaVersion).toBe(written);
    expect(parseDecision(record)).toMatchObject({ ok: false, issues: [{ path: '$.schemaVersion', code: 'SCHEMA_VERSION_UNSUPPORTED' }] });
  });

  it('keeps 1 written as 1, and other values and nested keys as parsed', () => {
    expect(parseRecordText('{ "schemaVersion" : 1 }').schemaVersion).toBe(1);
    expect(parseRecordText('{"schemaVersion":2}').schemaVersion).toBe(2);
    expect(parseRecordText('{"schemaVersion":"1.0"}').schemaVersion).toBe('1.0');
    expect(parseRecordText('{"office":{"schemaVersion":1.0},"schemaVersion":1}')).toEqual({ office: { schemaVersion: 1 }, schemaVersion: 1 });
  });
});
