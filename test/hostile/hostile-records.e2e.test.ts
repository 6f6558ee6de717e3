import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuildIsCurrent, type ChildRun, expectCleanOutput, ROOT, runHcc } from '../support/run-hcc.js';
import { fullRecord } from '../support/full-record.js';
import { largestAcceptedRecord, writeRecordCases } from './generate-record-cases.js';

// End to end: `hcc validate`, `hcc plan` and `hcc render` on every hostile record, all at once,
// one NDJSON line each, and the three compared line by line: what validate accepts is planned and
// rendered; what it refuses, plan and render refuse with the same codes.

/** One command over the whole corpus on a loaded 2-core machine: validate takes ~2 s, render ~40 s (120 records render). */
const TIME_BOUND_MS = { validate: 30_000, plan: 30_000, render: 180_000 } as const;
/** Peak resident memory: hcc runs with a 192 MB heap; rendering holds fonts, shapes and a PDF besides. */
const MEMORY_BOUND_KB = { validate: 256 * 1024, plan: 256 * 1024, render: 400 * 1024 } as const;
const KILL_AFTER_MS = 6 * 60_000;

const work = mkdtempSync(join(tmpdir(), 'hcc-hostile-records-'));
assertBuildIsCurrent();
const { file, cases } = writeRecordCases(join(work, 'records'));
const out = join(work, 'out');

interface ValidateEntry {
  readonly line?: number;
  readonly valid: boolean;
  readonly errors: readonly { readonly path: string; readonly code: string }[];
}

const runs: Partial<Record<'validate' | 'plan' | 'render', ChildRun>> = {};
let report: ValidateEntry[] = [];

beforeAll(async () => {
  runs.validate = await runHcc(['validate', '--json', file], join(work, 'rss-validate'), KILL_AFTER_MS);
  runs.plan = await runHcc(['plan', '--json', file], join(work, 'rss-plan'), KILL_AFTER_MS);
  runs.render = await runHcc(['render', file, '--out', out, '--config', join(ROOT, 'fixtures/hcc.config.json')], join(work, 'rss-render'), KILL_AFTER_MS);
  report = JSON.parse(runs.validate.stdout) as ValidateEntry[];
}, 3 * KILL_AFTER_MS);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function run(command: 'validate' | 'plan' | 'render'): ChildRun {
  const result = runs[command];
  if (result === undefined) throw new Error(`hcc ${command} did not run`);
  return result;
}

/** The codes each line got on stderr (`hcc: FILE:LINE: CODE…`), by line number. */
function stderrCodes(stderr: string): Map<number, string[]> {
  const codes = new Map<number, string[]>();
  for (const match of stderr.matchAll(/^hcc: .*?:(\d+): ([A-Z][A-Z0-9_]+)\b/gm)) {
    const line = Number(match[1]);
    codes.set(line, [...(codes.get(line) ?? []), match[2] ?? '']);
  }
  return codes;
}

const sorted = (codes: readonly string[]) => [...codes].sort();

describe('the hostile record corpus (test/hostile/generate-record-cases.ts)', () => {
  it('has at least 300 cases of every kind the issue lists, one decision id each', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(new Set(cases.map((c) => c.decisionId)).size).toBe(cases.length);
    const names = cases.map((c) => c.name).join('\n');
    for (const kind of ['Chinese in', 'Arabic in', 'Hebrew in', 'Devanagari in', 'Thai in', 'an emoji in', 'NUL in', 'BEL in', 'VT in', 'an ANSI escape', 'DEL in', 'C1 CSI', 'a right-to-left override', 'a bidi isolate', 'LRM in', 'ZWJ in', 'a word joiner', 'U+FFFD in', 'a noncharacter', 'private use', 'a lone surrogate', 'a Nunjucks expression', 'a header in', 'characters', 'as wide as fits', 'too wide', '4,900 empty family members', 'year 0099', '29 February', 'schemaVersion written 1.00000000000000002', 'a non-ASCII local part', 'ext. 1234', 'lowercase postal code', 'a family name of zero-width spaces']) {
      expect(names).toContain(kind);
    }
  });

  it.each(['validate', 'plan', 'render'] as const)('hcc %s: exit 1, no stack trace, no raw control character, within its time and memory bounds', (command) => {
    const result = run(command);
    const context = `hcc ${command}\n--- stderr\n${result.stderr.slice(0, 3000)}`;
    expect(result.signal, context).toBeNull();
    expect(result.exitCode, context).toBe(1);
    expectCleanOutput(result, context);
    expect(result.elapsedMs, context).toBeLessThan(TIME_BOUND_MS[command]);
    expect(result.peakRssKb, context).toBeGreaterThan(0);
    expect(result.peakRssKb, context).toBeLessThan(MEMORY_BOUND_KB[command]);
  });

  it('never repeats what a record holds: no name or hostile value appears in any output', () => {
    const output = (['validate', 'plan', 'render'] as const).map((c) => `${run(c).stdout}${run(c).stderr}`).join('\n');
    const secrets = cases.flatMap((c) => (c.secret === undefined ? [] : [c.secret]));
    expect(secrets.length).toBeGreaterThan(100);
    expect(secrets.filter((s) => output.includes(s))).toEqual([]);
  });

  it.each(cases.map((c, i) => [c.decisionId, c.name, i] as const))('%s %s: validate says what is expected; plan and render agree', (decisionId, _name, index) => {
    const c = cases[index];
    const entry = report[index];
    if (c === undefined || entry === undefined) throw new Error('missing case or report entry');
    const line = index + 1;
    expect(entry.line).toBe(line);
    const codes = entry.errors.map((e) => e.code);
    const context = `${c.name}: ${JSON.stringify(entry.errors.slice(0, 5))}`;
    if (c.expect === 'valid') expect(entry.valid, context).toBe(true);
    else {
      expect(entry.valid, context).toBe(false);
      for (const code of c.expect) expect(codes, context).toContain(code);
    }
    const planned = run('plan').stdout.includes(`"decisionId":"${decisionId}"`);
    const rendered = existsSync(join(out, decisionId, 'manifest.json'));
    expect({ planned, rendered }, context).toEqual({ planned: entry.valid, rendered: entry.valid });
    // Refused records: the same codes on stderr from plan and from render as from validate; accepted ones, none.
    expect(sorted(stderrCodes(run('plan').stderr).get(line) ?? []), context).toEqual(sorted(codes));
    expect(sorted(stderrCodes(run('render').stderr).get(line) ?? []), context).toEqual(sorted(codes));
  });
});

describe('bounded on the inputs the issue names', () => {
  it('validates a record of 4,900 empty family members quickly (it took 12 s and 39,200 issues before issue 8)', async () => {
    const path = join(work, 'empty-members.json');
    writeFileSync(path, JSON.stringify(fullRecord((r) => { r.familyMembers = Array.from({ length: 4_900 }, () => ({})); })));
    const result = await runHcc(['validate', path], join(work, 'rss-empty'), KILL_AFTER_MS);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('$.familyMembers  LIST_TOO_LONG');
    expect(result.stdout.match(/^ {4}\$/gm)).toHaveLength(1);
    // Start-up is 0.5–1 s on a loaded machine; the validation itself takes milliseconds.
    expect(result.elapsedMs).toBeLessThan(10_000);
  }, KILL_AFTER_MS);

  it('validates the largest record it accepts (1 MiB) in under 256 MB, and 20 of them in one NDJSON file as well', async () => {
    const record = largestAcceptedRecord();
    expect(Buffer.byteLength(record)).toBeGreaterThan(1024 * 1024 - 16);
    const one = join(work, 'largest.json');
    const many = join(work, 'largest.ndjson');
    writeFileSync(one, record);
    // Ids of the same length, so that every line stays within the limit.
    writeFileSync(many, `${Array.from({ length: 20 }, (_, i) => record.replace('HOSTILE-LARGEST', `HOSTILE-LARG${String(i).padStart(3, '0')}`)).join('\n')}\n`);
    for (const [path, count] of [[one, 1], [many, 20]] as const) {
      const result = await runHcc(['validate', path], join(work, `rss-largest-${String(count)}`), KILL_AFTER_MS);
      expect(result.exitCode, result.stdout.slice(0, 2000)).toBe(0);
      expect(result.stdout).toContain(`${String(count)} valid, 0 invalid`);
      expect(result.peakRssKb).toBeGreaterThan(0);
      expect(result.peakRssKb).toBeLessThan(256 * 1024);
    }
  }, 2 * KILL_AFTER_MS);
});
