import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { DEFAULT_INPUT_LIMITS } from '../../src/intake/input-limits.js';
import { FIXTURES } from '../support/fixtures.js';
import { recordWith, validRecord } from '../support/records.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function hcc(...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t), isTTY: false },
    now: () => 0,
  });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'hcc-cli-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const BASE = `${FIXTURES}decisions/refused-voluntary-departure-fr.json`;
const invalidRecord = recordWith((r) => { r.departure.deadline = '2026-11-01'; delete r.reasons; });

describe('hcc validate', () => {
  it('exits 0 and says ok when every record is valid', async () => {
    const run = await hcc('validate', BASE);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('ok       ');
    expect(run.stdout).toContain('1 record: 1 valid, 0 invalid');
  });

  it('exits 1 and lists each issue with its path and code', async () => {
    const run = await hcc('validate', BASE, file('bad.json', JSON.stringify(invalidRecord)));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('INVALID  ');
    expect(run.stdout).toContain('$.reasons  FIELD_REQUIRED  This field is required.');
    expect(run.stdout).toContain('2 records: 1 valid, 1 invalid');
  });

  it('writes the messages in French with --lang fr', async () => {
    const run = await hcc('validate', '--lang', 'fr', file('bad-fr.json', JSON.stringify(invalidRecord)));
    expect(run.stdout).toContain('Ce champ est obligatoire.');
  });

  it('--json prints one array of { file, valid, errors }', async () => {
    const bad = file('bad2.json', JSON.stringify(invalidRecord));
    const run = await hcc('validate', '--json', BASE, bad);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toEqual([
      { file: BASE, valid: true, errors: [] },
      { file: bad, valid: false, errors: [expect.objectContaining({ path: '$.reasons', code: 'FIELD_REQUIRED', message: expect.objectContaining({ en: expect.any(String), fr: expect.any(String) }) })] },
    ]);
  });

  it.each<[string, string | Buffer, string]>([
    ['not JSON', '{"schemaVersion": 1,,}', 'INPUT_NOT_JSON'],
    ['empty', '', 'INPUT_EMPTY'],
    ['only whitespace', ' \n\t', 'INPUT_EMPTY'],
    ['a JSON array', '[]', 'INPUT_NOT_OBJECT'],
    ['a JSON string', '"record"', 'INPUT_NOT_OBJECT'],
    ['JSON null', 'null', 'INPUT_NOT_OBJECT'],
    ['over 1 MiB', `{"pad":"${'x'.repeat(DEFAULT_INPUT_LIMITS.maxBytes)}"}`, 'INPUT_TOO_LARGE'],
  ])('rejects input that is %s with one line naming the file and %s, exit 1', async (name, content, code) => {
    const path = file(`${name.replace(/\W+/g, '-')}.json`, content);
    const run = await hcc('validate', path);
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^hcc: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ${code}: `));
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the line and column of a JSON syntax error, without quoting the input', async () => {
    const run = await hcc('validate', file('syntax.json', '{\n  "familyName": "Secretname",\n  "x": }'));
    expect(run.stderr).toContain('INPUT_NOT_JSON');
    expect(run.stderr).toContain('line 3, column 8');
    expect(run.stderr).not.toContain('Secretname');
  });

  it('reports an unreadable path and a missing file as INPUT_UNREADABLE', async () => {
    const run = await hcc('validate', join(dir, 'does-not-exist.json'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('INPUT_UNREADABLE: The file cannot be read (no such file or directory).');
  });

  it('accepts a UTF-8 byte order mark', async () => {
    const run = await hcc('validate', file('bom.json', `\uFEFF${JSON.stringify(validRecord())}`));
    expect(run.code).toBe(0);
  });

  it('validates every line of an .ndjson file on its own and names bad lines', async () => {
    const lines = [JSON.stringify(validRecord()), '{broken', '', JSON.stringify(invalidRecord), '[1]', JSON.stringify(recordWith((r) => { r.decisionId = 'HC-2026-000999'; }))];
    const path = file('batch.ndjson', `${lines.join('\n')}\n`);
    const run = await hcc('validate', '--json', path);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.map((r: any) => [r.line, r.valid, r.errors.map((e: any) => e.code)])).toEqual([
      [1, true, []],
      [2, false, ['INPUT_NOT_JSON']],
      [4, false, ['FIELD_REQUIRED']],
      [5, false, ['INPUT_NOT_OBJECT']],
      [6, true, []],
    ]);
  });

  it('reads a directory of records', async () => {
    const run = await hcc('validate', `${FIXTURES}decisions`);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\d+ records?: \d+ valid, 0 invalid/);
  });
});

describe('hcc plan', () => {
  it('--json on one record prints exactly one JSON object of the documented shape', async () => {
    const run = await hcc('plan', '--json', BASE);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const plan = JSON.parse(run.stdout);
    expect(plan).toMatchObject({
      decisionId: 'HC-2026-000101',
      documents: [
        { kind: 'refusal-letter', language: 'fr', recipient: 'client', uci: '1234-5678' },
        { kind: 'departure-instructions', language: 'fr', recipient: 'client', uci: '1234-5678' },
        { kind: 'file-update', language: 'fr', recipient: 'file' },
      ],
      followUps: [{ kind: 'departure-confirmation', dueOn: '2026-12-20' }],
    });
  });

  it('prints a readable table without --json', async () => {
    const run = await hcc('plan', BASE);
    expect(run.stdout).toContain('HC-2026-000101   refused');
    expect(run.stdout).toMatch(/departure-instructions\s+client\s+fr\s+1234-5678\s+email, mail/);
    expect(run.stdout).toMatch(/departure-confirmation\s+2026-12-20/);
    expect(run.stdout).toMatch(/1 planned, 0 invalid\n$/);
  });

  it('plans the good lines of an .ndjson file, one JSON object a line, and reports the bad ones', async () => {
    const second = recordWith((r) => { r.decisionId = 'HC-2026-000998'; r.departure = { voluntaryDepartureAppropriate: false }; });
    const path = file('plan.ndjson', [JSON.stringify(validRecord()), 'nope', JSON.stringify(second)].join('\n'));
    const run = await hcc('plan', '--json', path);
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).decisionId)).toEqual(['HC-2026-000101', 'HC-2026-000998']);
    expect(run.stderr).toBe(`hcc: ${path}:2: INPUT_NOT_JSON: The input is not valid JSON (at line 1, column 2).\n`);
  });

  it('reports an invalid record on stderr with its codes and exits 1', async () => {
    const run = await hcc('plan', file('plan-bad.json', JSON.stringify(invalidRecord)));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('0 planned, 1 invalid\n');
    expect(run.stderr).toContain('FIELD_REQUIRED at $.reasons');
  });
});

describe('hcc usage', () => {
  it.each<[string[], string]>([
    [[], 'a command is required'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['validate'], 'needs at least one file'],
    [['plan', '--nope', 'x.json'], "Unknown option '--nope'"],
    [['validate', '--lang', 'de', 'x.json'], '--lang must be one of en, fr'],
    [['schema', 'extra'], 'takes no arguments'],
  ])('exits 2 on %j', async (argv, message) => {
    const run = await hcc(...argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it('prints help and the version', async () => {
    expect((await hcc('--help')).stdout).toContain('hcc validate <path...>');
    expect((await hcc('--version')).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('prints the JSON Schema', async () => {
    const run = await hcc('schema');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });
});
