import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/fixtures.js';
import { assertBuildIsCurrent } from '../support/run-hcc.js';
import { runHccWithEnv, type HccRun } from '../support/run-hcc-with-env.js';

// Every fixture record, with its synthetic people, goes through the whole outbox path on the built
// hcc (submit, status, approve or reject, confirm-departure, trp-decision, follow-ups --fire,
// audit); then the JSON-lines log and every column of the audit table are searched for every
// personal value the records hold. None may be there.

beforeAll(() => {
  assertBuildIsCurrent();
});

/** Keys whose values (every string below them) are personal: names, UCIs, addresses, emails, telephone numbers, reasons. */
const PERSONAL_KEYS = new Set(['familyName', 'givenNames', 'name', 'uci', 'email', 'phone', 'line1', 'line2', 'line3', 'city', 'postalCode', 'reasons', 'postalAddress']);

function personalValues(record: unknown, into: Set<string>, under = false): void {
  if (typeof record === 'string') {
    if (under && record !== '') into.add(record);
  } else if (Array.isArray(record)) {
    for (const v of record) personalValues(v, into, under);
  } else if (record !== null && typeof record === 'object') {
    for (const [key, v] of Object.entries(record)) personalValues(v, into, under || PERSONAL_KEYS.has(key));
  }
}

/** Runs `count` tasks at most `width` at a time. */
async function inParallel<T>(items: readonly T[], width: number, task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: width }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
  }));
}

interface StatusJson {
  revision: number;
  items: { sha256: string; state: string; revision: number }[];
  followUps: { kind: string; state: string; persons: string[]; pendingPersons: string[] }[];
}

describe('personal data in the outbox log and the audit table', () => {
  it('none of the records’ personal values appears in the log or in any column of audit_events', { timeout: 1_500_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hcc-privacy-'));
    const db = join(dir, 'hcc.sqlite');
    const log = join(dir, 'hcc.log');
    const config = `${FIXTURES}hcc.config.json`;
    const hcc = async (...argv: string[]): Promise<HccRun> => runHccWithEnv([...argv, '--db', db], { HCC_LOG: log }, 300_000);
    const names = readdirSync(`${FIXTURES}decisions`).filter((n) => n.endsWith('.json')).sort();
    const records = names.map((n) => JSON.parse(readFileSync(`${FIXTURES}decisions/${n}`, 'utf8')) as { decisionId: string });
    const values = new Set<string>();
    for (const record of records) personalValues(record, values);
    // A rejection reason names a person as an officer might.
    const reason = 'Wrong spelling of the family name Nowak-Łęcki in the letter';
    values.add(reason);

    const submitted = await hcc('submit', `${FIXTURES}decisions`, '--config', config, '--now', '2026-12-01T15:00:00Z', '--workers', '2');
    expect(submitted.code, submitted.stderr).toBe(0);
    expect(submitted.stdout).toContain(`${records.length} records: ${records.length} created`);

    let rejected = false;
    await inParallel(records, 3, async ({ decisionId }) => {
      const status = JSON.parse((await hcc('status', decisionId, '--json')).stdout) as StatusJson;
      const hashes = status.items.filter((i) => i.revision === status.revision && i.state === 'awaiting-approval').map((i) => i.sha256);
      if (!rejected) {
        rejected = true;
        expect((await hcc('reject', decisionId, '--by', 'OFF-9', '--reason', reason, '--now', '2026-12-01T16:00:00Z')).code).toBe(0);
      } else {
        const approved = await hcc('approve', decisionId, '--by', 'OFF-9', '--now', '2026-12-01T16:00:00Z', '--sha256', ...hashes);
        expect(approved.code, approved.stderr).toBe(0);
      }
      for (const followUp of status.followUps) {
        const [person] = followUp.persons;
        if (person === undefined || followUp.state !== 'pending') continue;
        const run =
          followUp.kind === 'departure-confirmation'
            ? await hcc('confirm-departure', decisionId, '--uci', person, '--on', '2026-12-05', '--by', 'OFF-9', '--now', '2026-12-06T15:00:00Z')
            : await hcc('trp-decision', decisionId, '--uci', person, '--refused', '--by', 'DDM-1', '--now', '2026-12-06T15:00:00Z', '--config', config);
        expect(run.code, run.stderr).toBe(0);
      }
    });
    const fired = await hcc('follow-ups', '--now', '2027-03-01T15:00:00Z', '--fire', '--config', config);
    expect(fired.code, fired.stderr).toBe(0);
    expect(fired.stdout).toMatch(/[1-9]\d* fired, 0 failed/);
    for (const { decisionId } of records) expect((await hcc('audit', decisionId, '--json')).code).toBe(0);

    expect(existsSync(log)).toBe(true);
    const logText = readFileSync(log, 'utf8');
    const lines = logText.trim().split('\n');
    expect(lines.length).toBeGreaterThan(records.length);
    expect(lines.every((l) => typeof (JSON.parse(l) as { event?: unknown }).event === 'string')).toBe(true);
    const database = new Database(db, { readonly: true });
    const rows = database.prepare('SELECT * FROM audit_events').all() as Record<string, unknown>[];
    // The search finds what is there: the reason and the records are stored with their revisions.
    const revisions = database.prepare('SELECT record_json, rejection_reason FROM revisions').all() as { record_json: string; rejection_reason: string | null }[];
    database.close();
    expect(revisions.map((r) => r.rejection_reason)).toContain(reason);
    const stored = revisions.map((r) => r.record_json).join('\n');
    expect([...values].filter((v) => v !== reason && !stored.includes(v) && !stored.includes(JSON.stringify(v).slice(1, -1)))).toEqual([]);
    expect(rows.length).toBeGreaterThan(records.length * 3);
    const auditText = rows.map((row) => Object.values(row).map(String).join('\u0000')).join('\n');

    const found = [...values].flatMap((value) => {
      const forms = [value, JSON.stringify(value).slice(1, -1)];
      return [
        ...(forms.some((f) => logText.includes(f)) ? [`log: ${value}`] : []),
        ...(forms.some((f) => auditText.includes(f)) ? [`audit: ${value}`] : []),
      ];
    });
    expect(values.size).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });
});
