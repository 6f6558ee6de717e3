import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { FIXTURES } from '../support/fixtures.js';
import { recordWith, validRecord } from '../support/records.js';

async function hcc(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t), isTTY: false },
    now: () => 0,
  });
  return { code, stdout, stderr };
}

const work = () => mkdtempSync(join(tmpdir(), 'hcc-render-cli-'));

describe('hcc render', () => {
  it('writes each decision folder with its PDFs, emails, previews and a manifest that lists them', async () => {
    const out = join(work(), 'out');
    const run = await hcc('render', `${FIXTURES}decisions/refused-voluntary-departure-fr.json`, '--out', out);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/HC-2026-000101\s+3\s+1\s+1/);
    const folder = join(out, 'HC-2026-000101');
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    expect(manifest.decisionId).toBe('HC-2026-000101');
    expect(manifest.followUps).toEqual([{ kind: 'departure-confirmation', dueOn: '2026-12-20', persons: ['1234-5678'], ifNotConfirmed: 'cbsa-no-status-notice' }]);
    expect(readdirSync(folder).sort()).toEqual([...manifest.files.map((f: any) => f.path), 'manifest.json'].sort());
    expect(manifest.files.map((f: any) => f.path)).toEqual([
      '01-refusal-letter.client.fr.pdf',
      '02-departure-instructions.client.fr.pdf',
      '03-file-update.file.fr.pdf',
      'email-01-client.fr.eml',
      'email-01-client.fr.html',
      'email-01-client.fr.txt',
    ]);
    const { createHash } = await import('node:crypto');
    for (const f of manifest.files) expect(createHash('sha256').update(readFileSync(join(folder, f.path))).digest('hex')).toBe(f.sha256);
  });

  it('reports invalid records with their codes, renders the others, and exits 1', async () => {
    const dir = work();
    const batch = join(dir, 'batch.ndjson');
    writeFileSync(batch, [JSON.stringify(validRecord()), '{oops', JSON.stringify(recordWith((r) => { r.decisionId = 'HC-2026-000777'; delete r.reasons; }))].join('\n'));
    const run = await hcc('render', batch, '--out', join(dir, 'out'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${batch}:2: INPUT_NOT_JSON`);
    expect(run.stderr).toContain(`${batch}:3: FIELD_REQUIRED at $.reasons`);
    expect(run.stdout).toContain('1 rendered to');
    expect(readdirSync(join(dir, 'out'))).toEqual(['HC-2026-000101']);
  });

  it('skips a decision id seen earlier in the same batch', async () => {
    const dir = work();
    const batch = join(dir, 'twice.ndjson');
    writeFileSync(batch, `${JSON.stringify(validRecord())}\n${JSON.stringify(validRecord())}\n`);
    const run = await hcc('render', batch, '--out', join(dir, 'out'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${batch}:2: DECISION_DUPLICATE`);
  });

  it('needs --out and a path', async () => {
    expect((await hcc('render', 'x.json')).code).toBe(2);
    expect((await hcc('render', '--out', 'x')).code).toBe(2);
  });

  it('reads the email settings from --config and rejects a bad one', async () => {
    const dir = work();
    const config = join(dir, 'config.json');
    const settings = {
      from: { name: 'Test', address: 'a@example.gc.ca' },
      internalRecipients: { 'cbsa-inland-enforcement': 'b@example.gc.ca', 'designated-decision-maker': 'd@example.gc.ca', mifi: 'e@example.gc.ca' },
      cbsaRemovalsOffices: { 'CBSA Pacific Region, Removals': 'c@example.gc.ca' },
    };
    writeFileSync(config, JSON.stringify(settings));
    const run = await hcc('render', `${FIXTURES}decisions/refused-departure-order-en.json`, '--out', join(dir, 'out'), '--config', config);
    expect(run.code).toBe(0);
    const folder = join(dir, 'out', 'HC-2026-000102');
    const internal = readdirSync(folder).find((n) => n.endsWith('.eml') && n.includes('removals'));
    expect(readFileSync(join(folder, internal ?? ''), 'utf8')).toContain('To: c@example.gc.ca');
    // A removal order held by an office the configuration does not know: an error naming the office.
    writeFileSync(config, JSON.stringify({ ...settings, cbsaRemovalsOffices: {} }));
    const unknown = await hcc('render', `${FIXTURES}decisions/refused-departure-order-en.json`, '--out', join(dir, 'unknown'), '--config', config);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('CBSA_OFFICE_UNKNOWN');
    expect(unknown.stderr).toContain('"CBSA Pacific Region, Removals"');
    writeFileSync(config, '{"from": {}}');
    const bad = await hcc('render', `${FIXTURES}decisions/refused-departure-order-en.json`, '--out', join(dir, 'out'), '--config', config);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('does not match the configuration schema');
  });
});

describe('hcc render: the output folder', () => {
  it('clears what an interrupted run left behind before rendering', async () => {
    const dir = work();
    const out = join(dir, 'out');
    mkdirSync(join(out, '.staging-HC-2026-000101-abc'), { recursive: true });
    mkdirSync(join(out, '.retired-HC-2026-000101-1'), { recursive: true });
    await hcc('render', `${FIXTURES}decisions/refused-voluntary-departure-fr.json`, '--out', out);
    expect(readdirSync(out)).toEqual(['HC-2026-000101']);
    expect(existsSync(join(out, 'HC-2026-000101', 'manifest.json'))).toBe(true);
  });

  const record = `${FIXTURES}decisions/refused-voluntary-departure-fr.json`;
  const aFile = () => {
    const path = join(work(), 'a-file');
    writeFileSync(path, 'x');
    return path;
  };

  it.each<[string, () => string, string]>([
    ['--out names a file', aFile, 'a part of the path is not a directory'],
    ['--out is under a file', () => join(aFile(), 'out'), 'a part of the path is not a directory'],
    ['--out is under /dev/null', () => '/dev/null/out', 'a part of the path is not a directory'],
    // Regression: Node's recursive mkdir spins forever under /proc; this once hung hcc render.
    ['--out is under /proc, where nothing can be created', () => '/proc/hcc-render-out', 'no such file or directory'],
  ])('OUTPUT_UNWRITABLE when %s: said once, before any record, exit 2', async (_name, out, reason) => {
    const path = out();
    const run = await hcc('render', record, record, '--out', path);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`hcc: --out ${path}: OUTPUT_UNWRITABLE: The output folder cannot be written (${reason}).\n`);
  });

  it('says OUTPUT_UNWRITABLE in French with --lang fr', async () => {
    const run = await hcc('render', record, '--out', '/dev/null/out', '--lang', 'fr');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('OUTPUT_UNWRITABLE: Le dossier de sortie ne peut pas être écrit');
  });

  it('a decision whose folder cannot be written is OUTPUT_WRITE_FAILED, not INTERNAL, and the others still render', async () => {
    const out = join(work(), 'out');
    mkdirSync(out);
    // A file where the decision's folder goes: the final rename fails for this decision only.
    writeFileSync(join(out, 'HC-2026-000101'), 'in the way');
    const other = `${FIXTURES}decisions/refused-departure-order-en.json`;
    const run = await hcc('render', record, other, '--out', out, '--config', `${FIXTURES}hcc.config.json`);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`hcc: ${record}: OUTPUT_WRITE_FAILED: HC-2026-000101: The decision's folder could not be written (a part of the path is not a directory).\n`);
    expect(run.stdout).toContain('1 rendered to');
    expect(existsSync(join(out, 'HC-2026-000102', 'manifest.json'))).toBe(true);
    expect(readdirSync(out).sort()).toEqual(['HC-2026-000101', 'HC-2026-000102']);
  });
});
