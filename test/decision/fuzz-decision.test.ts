import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectProperty, expectAsyncProperty } from '../support/property.js';
import { LETTER_REPERTOIRE } from '../../src/decision/letter-repertoire.js';
import { parseDecision } from '../../src/decision/parse-decision.js';
import { fullRecord, setAt, TEXT_FIELDS } from '../support/full-record.js';
import { validateAndRender } from '../support/render-check.js';
import { validRecord } from '../support/records.js';

// Properties over arbitrary input, with fixed seeds so that a failure reproduces: validation never
// throws, and whatever it accepts renders. A few edge cases written by hand follow them.

/** Characters of the letter font and a few that are not: strings of these are often valid. */
const LETTER_CHARS = [
  ...LETTER_REPERTOIRE.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, i) => String.fromCodePoint(first + i))),
  ' ', ' ', ' ', '\n', '\r\n', '\t', '\u200b', '\u202e', '\u0301', '王', '😀', '\ud800',
];

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom(...LETTER_CHARS), minLength: 1, maxLength: 120 }),
  fc.string({ unit: fc.constantFrom(...LETTER_CHARS), minLength: 1, maxLength: 12 }),
);

// The removal order's CBSA office is left alone where records are rendered: an office the
// configuration does not know is refused at render (CBSA_OFFICE_UNKNOWN), a matter of configuration.
const RENDERED_FIELDS = TEXT_FIELDS.filter((path) => path.at(-1) !== 'cbsaOffice');

describe('validation over arbitrary input never throws', () => {
  it('for any JSON value as the record', () => {
    expectProperty(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect(parseDecision(value).ok).toBe(false);
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it('for any JSON value in any field of a valid record', () => {
    const paths = [...TEXT_FIELDS, ['schemaVersion'], ['decisionDate'], ['familyMembers'], ['trp'], ['correspondence'], ['office', 'phone'], ['correspondence', 'email'], ['correspondence', 'channels']];
    expectProperty(
      fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 4 }), (path, value) => {
        const record = fullRecord();
        setAt(record, path, value);
        const result = parseDecision(record);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300, seed: 9 },
    );
  });

  it('for any string in any text field', () => {
    expectProperty(
      fc.property(fc.constantFrom(...TEXT_FIELDS), text, (path, value) => {
        const record = fullRecord();
        setAt(record, path, value);
        const result = parseDecision(record);
        if (!result.ok) for (const issue of result.issues) expect(issue.message.en).not.toContain(value.length > 3 ? value : '\u0000never');
      }),
      { numRuns: 500, seed: 10 },
    );
  });
});

describe('a record validation accepts always renders', () => {
  it('with arbitrary strings in up to three text fields at once', async () => {
    let rendered = 0;
    await expectAsyncProperty(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...RENDERED_FIELDS), text), { minLength: 1, maxLength: 3 }), async (edits) => {
        const record = fullRecord();
        for (const [path, value] of edits) setAt(record, path, value);
        const outcome = await validateAndRender(record);
        expect(outcome.kind).not.toBe('render-failed');
        if (outcome.kind === 'rendered') rendered += 1;
      }),
      { numRuns: 120, seed: 11 },
    );
    // The property is only worth something if many of the records were valid.
    expect(rendered).toBeGreaterThan(30);
  }, 600_000);

  it.each([
    ['a name of one combining mark after a space', ['principalApplicant', 'givenNames'], ' \u0301'],
    ['a reasons text of line feeds around one word', ['reasons'], '\n\n\nx\n\n\n'],
    ['a one-character address line', ['correspondence', 'postalAddress', 'line2'], '·'],
  ])('%s', async (_name, path, value) => {
    const record = validRecord();
    setAt(record, path, value);
    const outcome = await validateAndRender(record);
    expect(outcome.kind).not.toBe('render-failed');
  });
});
