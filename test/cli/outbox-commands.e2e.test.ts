import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { FIXTURES } from '../support/fixtures.js';
import { assertBuildIsCurrent } from '../support/run-hcc.js';
import { runHccWithEnv, type HccRun } from '../support/run-hcc-with-env.js';

// The outbox commands as an officer runs them: the built hcc against a SQLite file of each test.

beforeAll(() => {
  assertBuildIsCurrent();
});

const NOW = '2026-12-01T15:00:00Z';
const CONFIG = `${FIXTURES}hcc.config.json`;
const fixture = (name: string) => `${FIXTURES}decisions/${name}.json`;

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'hcc-outbox-cli-'));
  const db = join(dir, 'hcc.sqlite');
  const hcc = (...argv: string[]): Promise<HccRun> => runHccWithEnv([...argv, '--db', db]);
  return { dir, db, hcc };
}

interface StatusJson {
  decisionId: string;
  revision: number;
  items: { id: string; sha256: string; state: string; revision: number; [key: string]: unknown }[];
  followUps: { kind: string; dueOn: string; persons: string[]; state: string; pendingPersons: string[]; [key: string]: unknown }[];
}

async function statusOf(hcc: (...argv: string[]) => Promise<HccRun>, decisionId: string): Promise<StatusJson> {
  const run = await hcc('status', decisionId, '--json');
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as StatusJson;
}

const currentHashes = (status: StatusJson) => status.items.filter((i) => i.revision === status.revision && i.state === 'awaiting-approval').map((i) => i.sha256);

describe('hcc submit', () => {
  it('stores a record as created, and the same record again as unchanged', async () => {
    const { hcc } = workspace();
    const first = await hcc('submit', fixture('refused-voluntary-departure-fr'), '--config', CONFIG, '--now', NOW, '--workers', '1');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^created +\S+refused-voluntary-departure-fr\.json +HC-2026-000101 +r1 +\d+ items$/m);
    const again = await hcc('submit', fixture('refused-voluntary-departure-fr'), '--config', CONFIG, '--now', NOW, '--workers', '1', '--json');
    expect(again.code, again.stderr).toBe(0);
    const report = JSON.parse(again.stdout) as { status: string; decisionId: string; revision: number }[];
    expect(report.map((r) => [r.status, r.decisionId, r.revision])).toEqual([['unchanged', 'HC-2026-000101', 1]]);
  });

  it('a changed record is a new revision: the report lists the items superseded and those kept', async () => {
    const { dir, db, hcc } = workspace();
    const original = JSON.parse(readFileSync(fixture('refused-voluntary-departure-fr'), 'utf8')) as Record<string, unknown>;
    expect((await hcc('submit', fixture('refused-voluntary-departure-fr'), '--config', CONFIG, '--now', NOW, '--workers', '1')).code).toBe(0);
    const status = await statusOf(hcc, 'HC-2026-000101');
    expect((await hcc('approve', 'HC-2026-000101', '--by', 'OFF-9', '--now', NOW, '--sha256', ...currentHashes(status))).code).toBe(0);
    // The file entry is put in the file (delivery's job, done here through the store).
    const store = await openStore({ location: db, now: new Date(NOW) });
    const [entry] = await store.pendingFileEntries();
    await store.markFiled(entry?.id ?? '', { by: 'OFF-9', now: new Date(NOW) });
    await store.close();
    const changed = join(dir, 'changed.json');
    writeFileSync(changed, JSON.stringify({ ...original, applicationNumber: 'E000299999' }));
    const revised = await hcc('submit', changed, '--config', CONFIG, '--now', '2026-12-02T15:00:00Z', '--workers', '1');
    expect(revised.code, revised.stderr).toBe(0);
    expect(revised.stdout).toMatch(/^revised +\S+changed\.json +HC-2026-000101 +r2 /m);
    const others = status.items.map((i) => i.id).filter((id) => id !== entry?.id);
    expect(revised.stdout).toContain(`kept: ${entry?.id} (filed)`);
    expect(revised.stdout).toContain(`superseded: ${others.map((id) => `${id} (superseded)`).join(', ')}`);
  });

  it('reports an invalid record exactly as hcc validate does, and stores nothing', async () => {
    const { dir, hcc } = workspace();
    const notJson = join(dir, 'broken.json');
    writeFileSync(notJson, '{ "decisionId": ');
    const paths = [`${FIXTURES}invalid/channel-duplicate.json`, `${FIXTURES}invalid/date-invalid-2026-02-30.json`, notJson];
    const validate = await runHccWithEnv(['validate', ...paths]);
    const submit = await hcc('submit', ...paths, '--config', CONFIG, '--now', NOW, '--workers', '1');
    expect(submit.code).toBe(1);
    expect(validate.code).toBe(1);
    const withoutSummary = (text: string) => text.split('\n').slice(0, -2).join('\n');
    expect(withoutSummary(submit.stdout)).toBe(withoutSummary(validate.stdout));
    expect(submit.stdout).toMatch(/INVALID {2}\S+channel-duplicate\.json/);
    expect(submit.stderr).toBe(validate.stderr);
    expect(submit.stdout.trim().split('\n').at(-1)).toBe('3 records: 0 created, 0 revised, 0 unchanged, 3 invalid, 0 failed');
    const json = await hcc('submit', ...paths, '--config', CONFIG, '--now', NOW, '--workers', '1', '--json');
    const validateJson = await runHccWithEnv(['validate', '--json', ...paths]);
    const strip = (entries: Record<string, unknown>[]) => entries.map(({ status: _status, ...rest }) => rest);
    expect(strip(JSON.parse(json.stdout) as Record<string, unknown>[])).toEqual(JSON.parse(validateJson.stdout));
    const outbox = await hcc('outbox', '--json');
    expect(Object.values((JSON.parse(outbox.stdout) as { counts: Record<string, number> }).counts).every((n) => n === 0)).toBe(true);
    const missing = await hcc('status', 'HC-2026-000925');
    expect([missing.code, missing.stderr.trim()]).toEqual([1, 'hcc: HC-2026-000925: DECISION_NOT_FOUND: No decision has that id.']);
  });
});

describe('hcc approve and reject', () => {
  it('a wrong hash approves nothing (HASH_MISMATCH, exit 1); the hashes status shows approve everything', async () => {
    const { hcc } = workspace();
    await hcc('submit', fixture('refused-valid-status-en'), '--config', CONFIG, '--now', NOW, '--workers', '1');
    const status = await statusOf(hcc, 'HC-2026-000107');
    const [first = '', ...rest] = currentHashes(status);
    const wrong = await hcc('approve', 'HC-2026-000107', '--by', 'OFF-9', '--now', NOW, '--sha256', first, ...rest.slice(1), 'f'.repeat(64));
    expect([wrong.code, wrong.stdout]).toEqual([1, '']);
    expect(wrong.stderr).toContain('HASH_MISMATCH');
    expect((await statusOf(hcc, 'HC-2026-000107')).items.map((i) => i.state)).toEqual(status.items.map(() => 'awaiting-approval'));
    const table = await hcc('status', 'HC-2026-000107');
    for (const hash of currentHashes(status)) expect(table.stdout).toContain(hash);
    const right = await hcc('approve', 'HC-2026-000107', '--by', 'OFF-9', '--now', NOW, '--sha256', first, ...rest);
    expect(right.code, right.stderr).toBe(0);
    expect((await statusOf(hcc, 'HC-2026-000107')).items.map((i) => i.state)).toEqual(status.items.map(() => 'approved'));
  });

  it('two-person approval: the decision’s author cannot approve it, another officer can', async () => {
    const { dir, hcc } = workspace();
    const config = join(dir, 'two-person.json');
    writeFileSync(config, JSON.stringify({ ...(JSON.parse(readFileSync(CONFIG, 'utf8')) as object), approval: { twoPerson: true } }));
    await hcc('submit', fixture('refused-valid-status-en'), '--config', config, '--now', NOW, '--workers', '1');
    const author = (JSON.parse(readFileSync(fixture('refused-valid-status-en'), 'utf8')) as { officer: { id: string } }).officer.id;
    const hashes = currentHashes(await statusOf(hcc, 'HC-2026-000107'));
    const self = await hcc('approve', 'HC-2026-000107', '--by', author, '--config', config, '--now', NOW, '--sha256', ...hashes);
    expect(self.code).toBe(1);
    expect(self.stderr).toContain('APPROVER_IS_AUTHOR');
    const other = await hcc('approve', 'HC-2026-000107', '--by', 'OFF-SECOND', '--config', config, '--now', NOW, '--sha256', ...hashes);
    expect(other.code, other.stderr).toBe(0);
  });

  it('reject keeps the reason out of the audit log', async () => {
    const { hcc } = workspace();
    await hcc('submit', fixture('refused-valid-status-en'), '--config', CONFIG, '--now', NOW, '--workers', '1');
    const reason = 'The address of Ms Quillfeather is out of date';
    const run = await hcc('reject', 'HC-2026-000107', '--by', 'OFF-9', '--reason', reason, '--now', NOW);
    expect(run.code, run.stderr).toBe(0);
    expect(new Set((await statusOf(hcc, 'HC-2026-000107')).items.map((i) => i.state))).toEqual(new Set(['rejected']));
    const audit = await hcc('audit', 'HC-2026-000107', '--json');
    expect(audit.stdout).toContain('decision.rejected');
    expect(audit.stdout).not.toContain('Quillfeather');
  });
});

describe('hcc status --json', () => {
  it('keeps the contract’s field names, in order, with added fields after them', async () => {
    const { hcc } = workspace();
    await hcc('submit', fixture('refused-voluntary-departure-fr'), '--config', CONFIG, '--now', NOW, '--workers', '1');
    const status = await statusOf(hcc, 'HC-2026-000101');
    expect(Object.keys(status)).toEqual(['decisionId', 'revision', 'items', 'followUps']);
    const email = status.items.find((i) => i.channel === 'email');
    expect(Object.keys(email ?? {})).toEqual(['id', 'kind', 'channel', 'recipient', 'language', 'sha256', 'messageId', 'state', 'attempts', 'revision', 'key', 'languages']);
    const letter = status.items.find((i) => i.channel === 'mail');
    expect(Object.keys(letter ?? {})).toEqual(['id', 'kind', 'channel', 'recipient', 'language', 'sha256', 'state', 'attempts', 'revision', 'key', 'languages']);
    expect(status.followUps).toEqual([
      { kind: 'departure-confirmation', dueOn: '2026-12-20', persons: ['1234-5678'], state: 'pending', id: 'HC-2026-000101.r1.f1', revision: 1, pendingPersons: ['1234-5678'], ifNotConfirmed: 'cbsa-no-status-notice' },
    ]);
  });
});

describe('follow-ups', () => {
  it('one of two persons confirms departure: after the deadline the notice fires for the other only, once', async () => {
    const { hcc } = workspace();
    await hcc('submit', fixture('refused-family-departure-together-en'), '--config', CONFIG, '--now', NOW, '--workers', '1');
    const confirm = await hcc('confirm-departure', 'HC-2026-000113', '--uci', '1102-0116', '--on', '2026-12-10', '--by', 'OFF-9', '--now', '2026-12-11T15:00:00Z');
    expect(confirm.code, confirm.stderr).toBe(0);
    expect(confirm.stdout).toContain('still waiting for 1102-0115');
    // On the deadline (18 December in Toronto) nothing is due yet.
    expect((await hcc('follow-ups', '--now', '2026-12-18T20:00:00Z', '--json')).stdout.trim()).toBe('[]');
    const dry = await hcc('follow-ups', '--now', '2026-12-19T15:00:00Z', '--json');
    expect((JSON.parse(dry.stdout) as { persons: string[]; action: string }[]).map((d) => [d.action, d.persons])).toEqual([['fires', ['1102-0115']]]);
    const before = await statusOf(hcc, 'HC-2026-000113');
    const fire = await hcc('follow-ups', '--now', '2026-12-19T15:00:00Z', '--fire', '--config', CONFIG);
    expect(fire.code, fire.stderr).toBe(0);
    expect(fire.stdout).toContain('1 fired, 0 failed');
    const after = await statusOf(hcc, 'HC-2026-000113');
    const added = after.items.slice(before.items.length);
    expect(added.map((i) => [i.kind, i.state])).toEqual([
      ['cbsa-no-status-notice', 'awaiting-approval'],
      ['file-update', 'awaiting-approval'],
    ]);
    expect(after.followUps.map((f) => [f.state, f.pendingPersons])).toEqual([['fired', ['1102-0115']]]);
    const again = await hcc('follow-ups', '--now', '2026-12-20T15:00:00Z', '--fire', '--config', CONFIG);
    expect(again.stdout).toContain('0 fired, 0 failed');
  });

  it('a refused permit queues the no-status correspondence; the permit follow-up never fires by date', async () => {
    const { hcc } = workspace();
    await hcc('submit', fixture('refused-trp-compelling-reasons-fee-receipt-en'), '--config', CONFIG, '--now', NOW, '--workers', '1');
    const dry = await hcc('follow-ups', '--now', '2027-03-01T15:00:00Z', '--json');
    expect((JSON.parse(dry.stdout) as { action: string }[]).map((d) => d.action)).toEqual(['awaits-decision']);
    expect((await hcc('follow-ups', '--now', '2027-03-01T15:00:00Z', '--fire', '--config', CONFIG)).stdout).toContain('0 fired');
    const refused = await hcc('trp-decision', 'HC-2026-000115', '--uci', '1102-0120', '--refused', '--by', 'DDM-1', '--now', '2026-12-05T15:00:00Z', '--config', CONFIG);
    expect(refused.code, refused.stderr).toBe(0);
    expect(refused.stdout).toMatch(/cbsa-no-status-notice +email +awaiting-approval/);
    const status = await statusOf(hcc, 'HC-2026-000115');
    expect(status.followUps.map((f) => [f.kind, f.state])).toEqual([['trp-decision', 'fired']]);
    const twice = await hcc('trp-decision', 'HC-2026-000115', '--uci', '1102-0120', '--refused', '--by', 'DDM-1', '--now', '2026-12-06T15:00:00Z', '--config', CONFIG);
    expect(twice.stdout).toContain('already recorded');
    expect((await statusOf(hcc, 'HC-2026-000115')).items).toHaveLength(status.items.length);
  });
});

describe('hcc outbox, audit and purge', () => {
  it('counts by state, lists a state, prints the audit events and purges nothing still open', async () => {
    const { hcc } = workspace();
    await hcc('submit', fixture('approved-outside-quebec-en'), '--config', CONFIG, '--now', NOW, '--workers', '1');
    const outbox = await hcc('outbox', '--state', 'awaiting-approval');
    expect(outbox.code).toBe(0);
    expect(outbox.stdout).toMatch(/^awaiting-approval +[1-9]/m);
    expect(outbox.stdout).toContain('HC-2026-000121.r1.01');
    const audit = await hcc('audit', 'HC-2026-000121');
    expect(audit.stdout).toMatch(/decision\.received/);
    const purge = await hcc('purge', '--before', '2027-01-01', '--now', '2027-01-02T00:00:00Z');
    expect([purge.code, purge.stdout]).toEqual([0, 'purged 0 decisions\n']);
  });
});
