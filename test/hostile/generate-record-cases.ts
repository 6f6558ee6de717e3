import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LIST_LIMITS } from '../../src/decision/decision-schema.js';
import { PERSON_NAME_ROOM, WINDOW_LINE_ROOM, WINDOW_NAME_ROOM } from '../../src/decision/print-room.js';
import { printedWidth } from '../../src/decision/printable-text.js';
import { fullRecord, setAt } from '../support/full-record.js';
import { familyMember, permit, type Json } from '../support/records.js';

/**
 * Hostile decision records: well-formed JSON whose values try everything a case system, a
 * careless integration or an attacker could send. Each is one NDJSON line with its own decision
 * id; `test/hostile/hostile-records.e2e.test.ts` runs `hcc validate`, `hcc plan` and `hcc render`
 * on all of them at once and checks, line by line, that validation says what is expected and that
 * plan and render agree with it. (`generate-input-cases.ts` is the sibling for malformed input.)
 */
export interface RecordCase {
  readonly name: string;
  readonly decisionId: string;
  /** The record's JSON text, on one line. */
  readonly line: string;
  /** `valid`, or the codes `hcc validate` must report among its issues. */
  readonly expect: 'valid' | readonly string[];
  /** Text the record holds that no output may repeat (a name, a hostile value). */
  readonly secret?: string;
}

type Path = readonly (string | number)[];

/** Text fields, with whether the letters print them in the window or as paragraphs. */
const FIELDS: readonly { readonly path: Path; readonly label: string }[] = [
  { path: ['principalApplicant', 'familyName'], label: 'the family name' },
  { path: ['familyMembers', 0, 'givenNames'], label: 'a member\'s given names' },
  { path: ['correspondence', 'postalAddress', 'line1'], label: 'the client\'s address line' },
  { path: ['correspondence', 'representative', 'postalAddress', 'city'], label: 'the representative\'s city' },
  { path: ['correspondence', 'representative', 'name'], label: 'the representative\'s name' },
  { path: ['office', 'name', 'fr'], label: 'the office name' },
  { path: ['officer', 'title', 'en'], label: 'the officer\'s title' },
  { path: ['officer', 'name'], label: 'the officer\'s name' },
  { path: ['reasons'], label: 'the reasons' },
  { path: ['trp', 0, 'rationale'], label: 'a TRP rationale' },
  { path: ['trp', 0, 'conditions', 0], label: 'a TRP condition' },
  { path: ['familyMembers', 0, 'inadmissibility'], label: 'an inadmissibility' },
];
const PARAGRAPH_FIELDS = new Set(['reasons', 'rationale']);
const isParagraphs = (path: Path) => PARAGRAPH_FIELDS.has(String(path.at(-1)));

/** Names in scripts the letter font draws: accepted everywhere. */
const DRAWN: readonly [string, string][] = [
  ['Latin-1', 'Zoë Ñúñez-Çağlar'], ['Latin Extended', 'Łęcka Șerban Đặng'], ['Vietnamese', 'Nguyễn Thị Hường'],
  ['Greek', 'Παπαδοπούλου'], ['Cyrillic', 'Иванова Ёлкина'], ['Turkish', 'İlkay Ağaoğlu'], ['Icelandic', 'Þórður Ægisdóttir'],
  ['typographic punctuation', 'O’Brien – «Fils» № 3'], ['the font\'s own pictographs', 'Robot 🤖'],
];
/** Names in scripts it does not: TEXT_UNSUPPORTED_CHARACTER. */
const NOT_DRAWN: readonly [string, string][] = [
  ['Chinese', '王小明'], ['Japanese kana', 'やまだ'], ['Korean', '김민준'], ['Arabic', 'محمد'], ['Hebrew', 'כהן'],
  ['Devanagari', 'शर्मा'], ['Thai', 'สมชาย'], ['Georgian', 'ბერიძე'], ['Armenian', 'Պետրոսյան'], ['Ethiopic', 'ተስፋዬ'],
  ['Tamil', 'முருகன்'], ['Bengali', 'রহমান'], ['an emoji', 'Sam 😀'], ['a flag', 'Canada 🇨🇦'], ['fullwidth Latin', 'Ｗａｎｇ'],
  ['mathematical letters', '𝐀𝐥𝐞𝐱'], ['Cherokee', 'ᏣᎳᎩ'],
];
/** One character of each control class (src/decision/printable-text.ts). */
const CONTROLS: readonly [string, string][] = [
  ['NUL', '\u0000'], ['BEL', '\u0007'], ['TAB', '\t'], ['VT', '\u000B'], ['CR alone', '\r'], ['an ANSI escape sequence', '\u001B[2J\u001B[31m'],
  ['DEL', '\u007F'], ['C1 NEL', '\u0085'], ['C1 CSI', '\u009B'], ['LRM', '\u200E'], ['RLM', '\u200F'], ['ZWJ', '\u200D'], ['ZWNJ', '\u200C'],
  ['a zero-width space', '\u200B'], ['a word joiner', '\u2060'], ['a right-to-left override', '\u202E'], ['a bidi isolate', '\u2066'],
  ['a BOM', '\uFEFF'], ['U+FFFD', '\uFFFD'], ['a noncharacter', '\uFFFE'], ['private use', '\uE000'], ['a lone surrogate', '\uD800'],
  ['a soft hyphen', '\u00AD'], ['a line separator', '\u2028'],
];
/** Text that would be code somewhere else: printed as written, never run. */
const INJECTIONS: readonly [string, string][] = [
  ['a Nunjucks expression', '{{ 7*7 }} {% raw %}'], ['HTML', '<script>alert(1)</script>&amp;'], ['a CDATA end', ']]><x/>'],
  ['a header', 'Bcc: victim@example.org'], ['an encoded word', '=?UTF-8?B?SGk=?='], ['a JavaScript template', '${process.exit(1)}'],
  ['SQL', '\' OR 1=1 --'], ['printf', '%s%n%x'], ['a MIME boundary', '--hcc-boundary--'], ['a PDF operator', ') Tj ET BT ('],
];

let counter = 0;
function nextId(): string {
  counter += 1;
  return `HOSTILE-${String(counter).padStart(4, '0')}`;
}

function caseOf(name: string, edit: (r: any) => void, expect: RecordCase['expect'], options: { secret?: string; raw?: (line: string) => string } = {}): RecordCase {
  const decisionId = nextId();
  const record: Json = fullRecord((r) => {
    edit(r);
    r.decisionId = decisionId;
  });
  const line = JSON.stringify(record);
  return { name, decisionId, line: options.raw ? options.raw(line) : line, expect, ...(options.secret === undefined ? {} : { secret: options.secret }) };
}

/** Texts as long as `room` allows in `char` (and one character more, for `over`). */
function fill(char: string, room: number, over = false): string {
  const n = Math.floor(room / printedWidth(char)) + (over ? 1 : 0);
  return char.repeat(n);
}

/** Every hostile record, in a fixed order with fixed decision ids. */
export function generateRecordCases(): RecordCase[] {
  counter = 0;
  const cases: RecordCase[] = [];
  const add = (c: RecordCase) => cases.push(c);

  // Every script in text fields: the font's are accepted, the others refused by code point.
  for (const [script, text] of DRAWN) {
    for (const { path, label } of FIELDS.slice(0, 6)) add(caseOf(`${script} in ${label}`, (r) => { setAt(r, path, text); }, 'valid'));
  }
  for (const [script, text] of NOT_DRAWN) {
    for (const { path, label } of FIELDS) {
      add(caseOf(`${script} in ${label}`, (r) => { setAt(r, path, `Sample ${text}`); }, ['TEXT_UNSUPPORTED_CHARACTER'], { secret: text }));
    }
  }

  // Every control class in four kinds of field; a line feed only in paragraphs, and CRLF read as one.
  for (const [control, char] of CONTROLS) {
    for (const { path, label } of [FIELDS[0], FIELDS[2], FIELDS[6], FIELDS[8]].filter((f) => f !== undefined)) {
      add(caseOf(`${control} in ${label}`, (r) => { setAt(r, path, `Sample${char}Zq7secret`); }, ['TEXT_CONTROL_CHARACTER'], { secret: 'SampleZq7secret' }));
    }
  }
  for (const { path, label } of FIELDS) {
    const paragraphs = isParagraphs(path);
    add(caseOf(`a line feed in ${label}`, (r) => { setAt(r, path, 'Sample\nZq7secret'); }, paragraphs ? 'valid' : ['TEXT_CONTROL_CHARACTER']));
    add(caseOf(`CRLF in ${label}`, (r) => { setAt(r, path, 'Sample\r\nBcc: Zq7secret@example.org'); }, paragraphs ? 'valid' : ['TEXT_CONTROL_CHARACTER']));
  }

  // Text that would be code somewhere else.
  for (const [kind, text] of INJECTIONS) {
    add(caseOf(`${kind} in the family name`, (r) => { setAt(r, FIELDS[0]?.path ?? [], text); }, 'valid'));
    add(caseOf(`${kind} in the reasons`, (r) => { r.reasons = `Motifs ${text}`; }, 'valid'));
  }

  // Names that show nothing.
  for (const [kind, text, code] of [
    ['zero-width spaces', '\u200B\u200B', 'TEXT_CONTROL_CHARACTER'], ['spaces', '   ', 'STRING_EMPTY'], ['no-break spaces', '\u00A0\u202F', 'STRING_EMPTY'],
    ['combining marks', '\u0301\u0308', 'STRING_EMPTY'], ['an empty string', '', 'STRING_EMPTY'],
  ] as const) {
    add(caseOf(`a family name of ${kind}`, (r) => { r.principalApplicant.familyName = text; }, [code]));
  }
  add(caseOf('decomposed accents (NFC)', (r) => { r.principalApplicant.familyName = 'Tre\u0301mblay-Ce\u0301line'; }, 'valid'));

  // Lengths at every limit and one past (the narrowest visible character, so only the count matters).
  const lengths: [Path, number][] = [
    [['office', 'id'], 40], [['officer', 'name'], 200], [['office', 'name', 'en'], 200], [['officer', 'title', 'fr'], 200],
    [['principalApplicant', 'familyName'], 100], [['familyMembers', 0, 'givenNames'], 100], [['correspondence', 'postalAddress', 'line2'], 120],
    [['correspondence', 'postalAddress', 'city'], 80], [['familyMembers', 0, 'inadmissibility'], 40], [['trp', 0, 'fee', 'receiptNumber'], 40],
    [['trp', 0, 'conditions', 0], 500], [['correspondence', 'representative', 'name'], 200], [['principalApplicant', 'removalOrder', 'cbsaOffice'], 120],
    [['trp', 0, 'riskAssessment'], 10_000], [['trp', 0, 'rationale'], 20_000], [['reasons'], 50_000],
  ];
  for (const [path, max] of lengths) {
    const name = path.join('.');
    // The removal order's office must be one the configuration routes: only its refusal is rendered here.
    if (path.at(-1) !== 'cbsaOffice') add(caseOf(`${name}: ${String(max)} characters`, (r) => { setAt(r, path, `X${'\u2044'.repeat(max - 1)}`); }, 'valid'));
    add(caseOf(`${name}: ${String(max + 1)} characters`, (r) => { setAt(r, path, `X${'\u2044'.repeat(max)}`); }, ['STRING_TOO_LONG']));
  }
  add(caseOf('a 50,000-character word of the widest character in the reasons', (r) => { r.reasons = '\u2E3B'.repeat(50_000); }, 'valid'));

  // Widths the window holds, in the widest character and in capitals: as much as fits, and one more.
  const widths: [Path, number][] = [
    [['correspondence', 'postalAddress', 'line1'], WINDOW_LINE_ROOM], [['correspondence', 'representative', 'postalAddress', 'line2'], WINDOW_LINE_ROOM],
    [['familyMembers', 0, 'postalAddress', 'line1'], WINDOW_LINE_ROOM], [['principalApplicant', 'familyName'], PERSON_NAME_ROOM],
    [['familyMembers', 0, 'familyName'], PERSON_NAME_ROOM], [['correspondence', 'representative', 'name'], WINDOW_NAME_ROOM],
  ];
  for (const [path, room] of widths) {
    for (const char of ['\u2E3B', 'W']) {
      add(caseOf(`${path.join('.')} as wide as fits in ${char}`, (r) => { setAt(r, path, fill(char, room)); }, 'valid'));
      add(caseOf(`${path.join('.')} one ${char} too wide`, (r) => { setAt(r, path, fill(char, room, true)); }, ['TEXT_TOO_WIDE']));
    }
  }
  add(caseOf('a 120-character second address line (issue 8)', (r) => { r.correspondence.postalAddress.line2 = 'Apartment 1204, Building C, Residence of the Maple Grove Cooperative, entrance by the lane behind the garage, door 12'; }, ['TEXT_TOO_WIDE']));
  add(caseOf('a 200-character representative name (issue 8)', (r) => { r.correspondence.representative.name = `Me ${'Alexandra-Jacqueline '.repeat(9)}`.padEnd(200, 'x'); }, ['TEXT_TOO_WIDE']));

  // Lists at their caps and past them; many issues at once.
  const member = (i: number) => familyMember({ uci: `23-4567-${String(1000 + i)}`, inCanada: false, statusInCanada: undefined });
  add(caseOf(`${String(LIST_LIMITS.familyMembers)} family members`, (r) => { r.familyMembers = [r.familyMembers[0], ...Array.from({ length: LIST_LIMITS.familyMembers - 1 }, (_, i) => member(i))]; }, 'valid'));
  add(caseOf(`${String(LIST_LIMITS.familyMembers + 1)} family members`, (r) => { r.familyMembers = [r.familyMembers[0], ...Array.from({ length: LIST_LIMITS.familyMembers }, (_, i) => member(i))]; }, ['LIST_TOO_LONG']));
  add(caseOf('30 family members who all leave together', (r) => {
    r.principalApplicant.removalOrder = null;
    r.departure = { voluntaryDepartureAppropriate: true, deadline: '2026-12-20' };
    r.trp = [];
    r.familyMembers = Array.from({ length: 30 }, (_, i) => familyMember({ uci: `23-4567-${String(2000 + i)}`, givenNames: '', familyName: fill('W', PERSON_NAME_ROOM) }));
  }, 'valid'));
  add(caseOf('4,900 empty family members', (r) => { r.familyMembers = Array.from({ length: 4_900 }, () => ({})); }, ['LIST_TOO_LONG']));
  add(caseOf('30 empty family members (240 issues)', (r) => { r.familyMembers = Array.from({ length: 30 }, () => ({})); }, ['FIELD_REQUIRED', 'TOO_MANY_ERRORS']));
  add(caseOf('21 TRP conditions', (r) => { r.trp[0].conditions = Array.from({ length: LIST_LIMITS.conditions + 1 }, () => 'Condition.'); }, ['LIST_TOO_LONG']));
  add(caseOf('20 TRP conditions', (r) => { r.trp[0].conditions = Array.from({ length: LIST_LIMITS.conditions }, () => 'Condition.'); }, 'valid'));
  add(caseOf('three channels', (r) => { r.correspondence.channels = ['email', 'mail', 'email']; }, ['LIST_TOO_LONG']));
  add(caseOf('32 permits', (r) => { r.trp = Array.from({ length: 32 }, () => permit({ uci: '2345-6789' })); }, ['LIST_TOO_LONG']));

  // Dates out of range, and at the ends of it.
  for (const [name, edit, expect] of [
    ['a decision in year 0099', (r: any) => { r.decisionDate = '0099-11-20'; }, ['DATE_OUT_OF_RANGE']],
    ['a decision in year 9999', (r: any) => { r.decisionDate = '9999-12-31'; }, ['DATE_OUT_OF_RANGE']],
    ['a decision before IRPA', (r: any) => { r.decisionDate = '2002-06-27'; }, ['DATE_OUT_OF_RANGE']],
    ['a birth in 1899', (r: any) => { r.principalApplicant.dateOfBirth = '1899-12-31'; }, ['DATE_OUT_OF_RANGE']],
    ['a birth on 1 January 1900', (r: any) => { r.principalApplicant.dateOfBirth = '1900-01-01'; }, 'valid'],
    ['a permit ending in 2101', (r: any) => { r.trp[0].validTo = '2101-01-01'; }, ['DATE_OUT_OF_RANGE']],
    ['a status expired in year 0001', (r: any) => { r.principalApplicant.statusInCanada.expiredOn = '0001-01-01'; }, ['DATE_OUT_OF_RANGE']],
    ['a permit from 29 February to 28 February three years later', (r: any) => { r.decisionDate = '2028-02-20'; r.trp[0].validFrom = '2028-02-29'; r.trp[0].validTo = '2031-02-28'; }, ['TRP_VALIDITY_TOO_LONG']],
    ['a permit from 29 February to 27 February three years later', (r: any) => { r.decisionDate = '2028-02-20'; r.trp[0].validFrom = '2028-02-29'; r.trp[0].validTo = '2031-02-27'; }, 'valid'],
    ['a decision on 31 December 2100', (r: any) => { r.decisionDate = '2100-12-31'; r.trp = []; r.departure = { voluntaryDepartureAppropriate: false }; }, 'valid'],
  ] as const) add(caseOf(name, edit, expect));

  // Email addresses and telephone numbers as case systems write them.
  for (const [name, address, expect] of [
    ['an internationalised domain', 'client@exämple-québec.ca', 'valid'], ['a Cyrillic domain', 'client@пример.рф', 'valid'],
    ['a non-ASCII local part', 'zoë@example.org', ['EMAIL_NOT_DELIVERABLE']], ['CRLF in an address', 'a@example.org\r\nBcc: x@example.org', ['FORMAT_INVALID']],
    ['a quoted local part', '"a b"@example.org', ['FORMAT_INVALID']], ['255 characters', `${'a'.repeat(243)}@example.org`, ['STRING_TOO_LONG']],
  ] as const) add(caseOf(`email: ${name}`, (r) => { r.correspondence.email = address; }, expect));
  for (const [phone, expect] of [
    ['+1 514-555-0101 ext. 1234', 'valid'], ['514 555-0101, poste 1234', 'valid'], ['514-555-0101 x1234', 'valid'],
    ['514-555-0101 #1234', ['FORMAT_INVALID']], ['514-555-0101\r\nX: y', ['FORMAT_INVALID']],
  ] as const) add(caseOf(`phone ${JSON.stringify(phone)}`, (r) => { r.office.phone = phone; }, expect));
  add(caseOf('a lowercase postal code without its space', (r) => { r.correspondence.postalAddress.postalCode = 'h7n2k1'; }, 'valid'));

  // The version as written, not as parsed.
  for (const written of ['1.0', '1e0', '1.00000000000000002', '10e-1', '"1"', '2']) {
    add(caseOf(`schemaVersion written ${written}`, () => undefined, ['SCHEMA_VERSION_UNSUPPORTED'], { raw: (line) => line.replace('"schemaVersion":1,', `"schemaVersion":${written},`) }));
  }
  return cases;
}

/**
 * The largest record `hcc validate` accepts: as close to the 1 MiB input limit as whole characters
 * allow, in a 3-byte character: reasons of 50,000 characters in each language, a household of 31
 * in Canada, each with a temporary resident permit whose rationale fills what is left.
 */
export function largestAcceptedRecord(maxBytes = 1024 * 1024): string {
  const char = '\u2E3B';
  const build = (rationale: readonly number[]) =>
    JSON.stringify(fullRecord((r) => {
      r.decisionId = 'HOSTILE-LARGEST';
      r.correspondence.bilingual = true;
      r.reasons = { en: char.repeat(50_000), fr: char.repeat(50_000) };
      r.familyMembers = Array.from({ length: LIST_LIMITS.familyMembers }, (_, i) => familyMember({ uci: `23-4567-${String(3000 + i)}` }));
      r.trp = [r.principalApplicant.uci, ...r.familyMembers.map((m: Json) => m.uci)].map((uci: string, i) => permit({ uci, rationale: char.repeat(rationale[i] ?? 1) }));
    }));
  const lengths: number[] = Array.from({ length: LIST_LIMITS.trp }, () => 1);
  // Three bytes a character: fill each rationale in turn, up to its 20,000 characters, while the record fits.
  for (let i = 0; i < lengths.length; i += 1) {
    const room = Math.floor((maxBytes - Buffer.byteLength(build(lengths))) / 3);
    lengths[i] = Math.min(20_000, (lengths[i] ?? 1) + Math.max(0, room));
  }
  return build(lengths);
}

/** Writes the cases as one NDJSON file under `dir` and returns it with the cases. */
export function writeRecordCases(dir: string): { readonly file: string; readonly cases: RecordCase[] } {
  mkdirSync(dir, { recursive: true });
  const cases = generateRecordCases();
  const file = join(dir, 'hostile-records.ndjson');
  writeFileSync(file, `${cases.map((c) => c.line).join('\n')}\n`);
  return { file, cases };
}

// `npx tsx test/hostile/generate-record-cases.ts DIR` writes the corpus to look at it by hand.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const target = process.argv[2];
  if (target === undefined) throw new Error('usage: generate-record-cases.ts DIR');
  const { file, cases } = writeRecordCases(target);
  for (const [i, c] of cases.entries()) process.stdout.write(`${file}:${String(i + 1)} ${c.decisionId} ${c.name}: ${c.expect === 'valid' ? 'valid' : c.expect.join(', ')}\n`);
}
