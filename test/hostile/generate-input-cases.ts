import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * One hostile input and what `hcc` must make of it. Every case is run by
 * `test/intake/hostile-input.e2e.test.ts` against the built command, in a child process.
 */
export interface HostileCase {
  readonly name: string;
  /** The command line after `hcc`. */
  readonly argv: readonly string[];
  readonly exitCode: 0 | 1 | 2;
  /** Codes that must appear on stdout or stderr. */
  readonly codes: readonly string[];
  /** Further text that must appear on stdout or stderr (a line number, an offset, an escaped key). */
  readonly mentions?: readonly string[];
  /** When set, stdout must parse as JSON (for `--json` runs). */
  readonly json?: boolean;
}

const BASE = fileURLToPath(new URL('../../fixtures/decisions/refused-voluntary-departure-fr.json', import.meta.url));

/** The bytes of a valid decision record, on one line. */
function validText(): string {
  return JSON.stringify(JSON.parse(readFileSync(BASE, 'utf8')));
}

/** A valid record with its JSON text edited: `edit` gets the one-line text and returns the new one. */
function recordText(edit: (text: string) => string): string {
  const text = edit(validText());
  if (text === validText()) throw new Error('the edit changed nothing');
  return text;
}

/** A valid record with one field added before `decisionId`, written as raw JSON text. */
function withField(rawKeyValue: string): string {
  return recordText((t) => t.replace('{"schemaVersion":1,', `{"schemaVersion":1,${rawKeyValue},`));
}

/** Writes a line of `megabytes` MiB, then a valid record's line, streamed: the big line is never in memory here either. */
async function writeHugeLine(path: string, megabytes: number): Promise<void> {
  const out = createWriteStream(path);
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  chunk.write('{"pad":"', 0);
  const write = async (data: Buffer | string) => {
    if (!out.write(data)) await once(out, 'drain');
  };
  for (let i = 0; i < megabytes; i += 1) await write(i === 0 ? chunk : Buffer.alloc(chunk.length, 0x78));
  await write(`"}\n${validText()}\n`);
  out.end();
  await once(out, 'finish');
}

/**
 * Writes every hostile input under `dir` and returns the cases. Big inputs are streamed to disk,
 * so nothing large is built in memory and nothing large is committed: run it into a temp folder.
 */
export async function generateInputCases(dir: string): Promise<HostileCase[]> {
  mkdirSync(dir, { recursive: true });
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
  const validate = (...paths: string[]) => ['validate', ...paths];
  const cases: HostileCase[] = [];
  const add = (c: HostileCase) => cases.push(c);

  // Deep nesting: open and closed, arrays and objects, 10k and 100k levels.
  for (const levels of [10_000, 100_000]) {
    const k = `${levels / 1000}k`;
    add({ name: `${k} open arrays`, argv: validate(file(`open-arrays-${k}.json`, '['.repeat(levels))), exitCode: 1, codes: ['INPUT_TOO_DEEP'], mentions: ['line 1, column 65'] });
    add({ name: `${k} closed arrays`, argv: validate(file(`closed-arrays-${k}.json`, `${'['.repeat(levels)}${']'.repeat(levels)}`)), exitCode: 1, codes: ['INPUT_TOO_DEEP'] });
    add({ name: `${k} open objects`, argv: validate(file(`open-objects-${k}.json`, '{"a":'.repeat(levels))), exitCode: 1, codes: ['INPUT_TOO_DEEP'] });
    add({ name: `${k} closed objects`, argv: validate(file(`closed-objects-${k}.json`, `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`)), exitCode: 1, codes: ['INPUT_TOO_DEEP'] });
  }
  add({
    name: 'a deep line in an NDJSON file, then a valid line',
    argv: validate(file('deep-line.ndjson', `${'[{"a":'.repeat(10_000)}\n${validText()}\n`)),
    exitCode: 1,
    codes: ['INPUT_TOO_DEEP'],
    mentions: ['deep-line.ndjson:1: INPUT_TOO_DEEP', 'deep-line.ndjson:2  HC-2026-000101'],
  });

  // Duplicate keys: the parser differential must never be accepted.
  add({
    name: 'the outcome given twice at the top level',
    argv: validate(file('dup-top.json', recordText((t) => t.replace('"outcome":"refused"', '"outcome":"approved-in-principle","outcome":"refused"')))),
    exitCode: 1,
    codes: ['JSON_DUPLICATE_KEY'],
    mentions: ['at $.outcome'],
  });
  add({
    name: 'a key given twice in a nested object',
    argv: validate(file('dup-nested.json', recordText((t) => t.replace('"principalApplicant":{', '"principalApplicant":{"familyName":"A",')))),
    exitCode: 1,
    codes: ['JSON_DUPLICATE_KEY'],
    mentions: ['at $.principalApplicant.familyName'],
  });

  // Bytes that are not UTF-8, each at a known offset.
  const utf8Case = (name: string, bad: number[]) => {
    const before = '{"schemaVersion":1,"x":"';
    add({
      name: `invalid UTF-8: ${name}`,
      argv: validate(file(`utf8-${name.replace(/\W+/g, '-')}.json`, bytes(before, bad, '"}'))),
      exitCode: 1,
      codes: ['INPUT_NOT_UTF8'],
      mentions: [`at byte ${Buffer.byteLength(before)}`],
    });
  };
  utf8Case('a Latin-1 e acute', [0xe9]);
  utf8Case('a stray continuation byte', [0x80]);
  utf8Case('an overlong slash', [0xc0, 0xaf]);
  utf8Case('an encoded lone surrogate', [0xed, 0xa0, 0x80]);
  utf8Case('a byte FF', [0xff]);
  add({
    name: 'invalid UTF-8 on one NDJSON line does not stop the next',
    argv: validate(file('utf8-lines.ndjson', bytes('{"a":"', [0xe9], '"}\n', validText(), '\n'))),
    exitCode: 1,
    codes: ['INPUT_NOT_UTF8'],
    mentions: ['utf8-lines.ndjson:1: INPUT_NOT_UTF8', 'utf8-lines.ndjson:2  HC-2026-000101'],
  });

  // A 150 MB line, then a valid one: reported by its line number, skipped, and the next line read.
  const huge = join(dir, 'huge-line.ndjson');
  await writeHugeLine(huge, 150);
  add({ name: 'a 150 MB NDJSON line followed by a valid line', argv: validate(huge), exitCode: 1, codes: ['INPUT_TOO_LARGE'], mentions: ['huge-line.ndjson:1: INPUT_TOO_LARGE', 'huge-line.ndjson:2  HC-2026-000101'] });
  add({ name: 'a 2 MB .json file', argv: validate(file('two-mb.json', `{"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`)), exitCode: 1, codes: ['INPUT_TOO_LARGE'] });

  // Paths that are not regular files: none may block or be read.
  const fifo = join(dir, 'fifo.json');
  execFileSync('mkfifo', [fifo]);
  add({ name: 'a FIFO given as a path', argv: validate(fifo), exitCode: 1, codes: ['INPUT_NOT_REGULAR_FILE'], mentions: ['named pipe'] });
  const withFifo = join(dir, 'with-fifo');
  mkdirSync(withFifo);
  execFileSync('mkfifo', [join(withFifo, 'a.ndjson')]);
  writeFileSync(join(withFifo, 'b.json'), validText());
  add({ name: 'a FIFO inside a directory, beside a valid record', argv: validate(withFifo), exitCode: 1, codes: ['INPUT_NOT_REGULAR_FILE'], mentions: ['b.json  HC-2026-000101'] });
  const zero = join(dir, 'zero.json');
  symlinkSync('/dev/zero', zero);
  add({ name: 'a symlink to /dev/zero', argv: validate(zero), exitCode: 1, codes: ['INPUT_NOT_REGULAR_FILE'], mentions: ['character device'] });
  const zeroLines = join(dir, 'zero.ndjson');
  symlinkSync('/dev/zero', zeroLines);
  add({ name: 'a symlink to /dev/zero named .ndjson', argv: validate(zeroLines), exitCode: 1, codes: ['INPUT_NOT_REGULAR_FILE'] });
  add({ name: 'a character device given directly', argv: validate('/dev/urandom'), exitCode: 1, codes: ['INPUT_NOT_REGULAR_FILE'] });

  // Empty, BOM, NUL.
  add({ name: 'an empty file', argv: validate(file('empty.json', '')), exitCode: 1, codes: ['INPUT_EMPTY'] });
  add({ name: 'a UTF-8 BOM before a valid record', argv: validate(file('bom.json', `\uFEFF${validText()}`)), exitCode: 0, codes: [], mentions: ['1 valid, 0 invalid'] });
  add({ name: 'a raw NUL byte in a string', argv: validate(file('nul-raw.json', bytes('{"schemaVersion":1,"x":"a', [0], '"}'))), exitCode: 1, codes: ['INPUT_NOT_JSON'], mentions: ['line 1, column 26'] });
  add({ name: 'NUL bytes in a file', argv: validate(file('nul-bytes.json', Buffer.alloc(4096))), exitCode: 1, codes: ['INPUT_NOT_JSON'] });
  add({
    name: 'an escaped NUL in the decision id',
    argv: validate(file('nul-id.json', recordText((t) => t.replace('"HC-2026-000101"', '"HC\\u0000-1"')))),
    exitCode: 1,
    codes: ['FORMAT_INVALID'],
    mentions: ['HC\\u0000-1'],
  });

  // Many values: refused at parse, quickly, whatever the schema would say.
  // Short keys, so that 60,000 of them stay under the byte limit and it is the count that refuses them.
  const keys = (count: number) => Array.from({ length: count }, (_, i) => `"k${i}":0`).join(',');
  add({ name: '60,000 unknown keys', argv: validate(file('keys-60k.json', withField(keys(60_000)))), exitCode: 1, codes: ['INPUT_TOO_COMPLEX'] });
  add({ name: '4,000 unknown keys (under the node limit: validated, the first 100 listed and the others counted)', argv: validate(file('keys-4k.json', withField(keys(4_000)))), exitCode: 1, codes: ['UNKNOWN_FIELD', 'TOO_MANY_ERRORS'], mentions: ['$.k99 ', '3900 more problems'] });
  add({ name: 'a 100,000-element array', argv: validate(file('array-100k.json', withField(`"items":[${'0,'.repeat(99_999)}0]`))), exitCode: 1, codes: ['INPUT_TOO_COMPLEX'] });

  // Text a terminal would act on, in keys, ids and file names.
  add({
    name: 'ANSI escapes in a key',
    argv: validate(file('ansi-key.json', withField('"\\u001b[2J\\u001b[31mred\\u001b]0;title\\u0007":1'))),
    exitCode: 1,
    codes: ['UNKNOWN_FIELD'],
    mentions: ['$["\\u001b[2J\\u001b[31mred\\u001b]0;title\\u0007"]'],
  });
  add({
    name: 'ANSI escapes and a newline in the decision id',
    argv: validate(file('ansi-id.json', recordText((t) => t.replace('"HC-2026-000101"', '"\\u001b[31mHC\\nFAKE ok line"')))),
    exitCode: 1,
    codes: ['FORMAT_INVALID'],
    mentions: ['\\u001b[31mHC\\u000aFAKE ok line'],
  });
  add({
    name: 'bidi controls, C1 controls and separators in a key',
    argv: validate(file('bidi-key.json', withField('"\\u202eevil\\u2066\\u009b2J\\u2028x":1'))),
    exitCode: 1,
    codes: ['UNKNOWN_FIELD'],
    mentions: ['\\u202eevil\\u2066\\u009b2J\\u2028x'],
  });
  add({
    name: 'a key of 10,000 characters',
    argv: validate(file('long-key.json', withField(`"${'k'.repeat(10_000)}":1`))),
    exitCode: 1,
    codes: ['UNKNOWN_FIELD'],
    mentions: [`$.${'k'.repeat(64)}…`],
  });
  add({
    name: 'a 10,000-character key given twice',
    argv: validate(file('long-dup.json', withField(`"${'\\u001b'.repeat(10_000)}":1,"${'\\u001b'.repeat(10_000)}":2`))),
    exitCode: 1,
    codes: ['JSON_DUPLICATE_KEY'],
  });
  add({
    name: 'control characters in a key, with --json',
    argv: ['validate', '--json', file('json-report.json', withField('"\\u009b\\u202e\\u001b[0m":1'))],
    exitCode: 1,
    codes: ['UNKNOWN_FIELD'],
    json: true,
  });
  const oddNames = join(dir, 'odd-names');
  mkdirSync(oddNames);
  writeFileSync(join(oddNames, '\u001b[31m\u202eevil\u009b.json'), validText());
  add({ name: 'escape sequences in a file name found in a directory', argv: validate(oddNames), exitCode: 0, codes: [], mentions: ['\\u001b[31m\\u202eevil\\u009b.json'] });

  // Every line stands alone, whatever breaks it.
  add({
    name: 'an NDJSON file of broken lines around valid ones',
    argv: validate(
      file(
        'mixed.ndjson',
        bytes(
          `${'['.repeat(100_000)}\n`,
          'not json\n',
          validText(),
          '\n',
          [0xff, 0x0a],
          `{"pad":"${'x'.repeat(2 * 1024 * 1024)}"}\n`,
          '{"a":1,"a":1}\n',
          recordText((t) => t.replace('"HC-2026-000101"', '"HC-2026-000102"')),
          '\n',
        ),
      ),
    ),
    exitCode: 1,
    codes: ['INPUT_TOO_DEEP', 'INPUT_NOT_JSON', 'INPUT_NOT_UTF8', 'INPUT_TOO_LARGE', 'JSON_DUPLICATE_KEY'],
    mentions: ['mixed.ndjson:3  HC-2026-000101', 'mixed.ndjson:7  HC-2026-000102', '7 records: 2 valid, 5 invalid'],
  });

  // An output folder that cannot be written: said once, before anything is rendered, exit 2.
  const record = file('valid.json', validText());
  add({ name: 'render --out under /dev/null', argv: ['render', record, record, '--out', '/dev/null/out'], exitCode: 2, codes: ['OUTPUT_UNWRITABLE'] });
  add({ name: 'render --out naming a file', argv: ['render', record, '--out', record], exitCode: 2, codes: ['OUTPUT_UNWRITABLE'] });
  add({ name: 'render --out under /proc', argv: ['render', record, '--out', '/proc/hcc-hostile/out'], exitCode: 2, codes: ['OUTPUT_UNWRITABLE'] });
  add({ name: 'render --config naming a FIFO', argv: ['render', record, '--out', join(dir, 'out'), '--config', fifo], exitCode: 2, codes: ['INPUT_NOT_REGULAR_FILE'], mentions: ['--config'] });
  return cases;
}

// `npx tsx test/hostile/generate-input-cases.ts DIR` writes the inputs to look at them by hand.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const target = process.argv[2];
  if (target === undefined) throw new Error('usage: generate-input-cases.ts DIR');
  for (const c of await generateInputCases(target)) process.stdout.write(`${c.name}: hcc ${c.argv.join(' ')}\n`);
}
