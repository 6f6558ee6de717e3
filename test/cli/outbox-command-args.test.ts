import { describe, expect, it } from 'vitest';
import { parseApproveArgs } from '../../src/cli/commands/approve.js';
import { parseAuditArgs } from '../../src/cli/commands/audit.js';
import { parseConfirmDepartureArgs } from '../../src/cli/commands/confirm-departure.js';
import { parseFollowUpsArgs } from '../../src/cli/commands/follow-ups.js';
import { parseOutboxArgs } from '../../src/cli/commands/outbox.js';
import { parsePurgeArgs } from '../../src/cli/commands/purge.js';
import { parseRejectArgs } from '../../src/cli/commands/reject.js';
import { parseStatusArgs } from '../../src/cli/commands/status.js';
import { parseSubmitArgs } from '../../src/cli/commands/submit.js';
import { parseTrpDecisionArgs } from '../../src/cli/commands/trp-decision.js';
import { storeLocation } from '../../src/cli/outbox-session.js';
import { parseNow } from '../../src/cli/parse-time-options.js';

const H1 = 'a'.repeat(64);
const H2 = 'B'.repeat(64);
const usage = { code: 'USAGE' };

describe('the outbox commands’ arguments', () => {
  it('--now takes an ISO date-time with its offset and nothing else', () => {
    expect(parseNow('2026-12-19T15:00:00Z').toISOString()).toBe('2026-12-19T15:00:00.000Z');
    expect(parseNow('2026-12-19T10:00-05:00').toISOString()).toBe('2026-12-19T15:00:00.000Z');
    for (const bad of ['2026-12-19', '2026-12-19T15:00:00', 'tomorrow', '2026-13-19T15:00:00Z']) expect(() => parseNow(bad)).toThrow(expect.objectContaining(usage));
  });

  it('the store is --db, else HCC_DB, else HCC_DATABASE_URL, else ./hcc-data/hcc.sqlite', () => {
    expect(storeLocation('a.sqlite', { HCC_DB: 'b.sqlite' })).toBe('a.sqlite');
    expect(storeLocation(undefined, { HCC_DB: 'b.sqlite', HCC_DATABASE_URL: 'postgres://x/y' })).toBe('b.sqlite');
    expect(storeLocation(undefined, { HCC_DATABASE_URL: 'postgres://x/y' })).toBe('postgres://x/y');
    expect(storeLocation(undefined, {})).toBe('./hcc-data/hcc.sqlite');
  });

  it('submit: paths, workers, by, language', () => {
    const args = parseSubmitArgs(['a.json', 'dir', '--workers', '2', '--db', 'x.sqlite', '--json', '--lang', 'fr', '--now', '2026-12-01T15:00:00Z']);
    expect(args).toMatchObject({ paths: ['a.json', 'dir'], workers: 2, db: 'x.sqlite', json: true, language: 'fr', by: 'hcc-submit' });
    expect(() => parseSubmitArgs([])).toThrow(expect.objectContaining(usage));
    expect(() => parseSubmitArgs(['a.json', '--workers', '0'])).toThrow(expect.objectContaining(usage));
    expect(() => parseSubmitArgs(['a.json', '--workers', '2.5'])).toThrow(expect.objectContaining(usage));
    expect(() => parseSubmitArgs(['a.json', '--by', 'Jane Doe'])).toThrow(expect.objectContaining(usage));
    expect(() => parseSubmitArgs(['a.json', '--unknown'])).toThrow(expect.objectContaining({ code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' }));
  });

  it('approve: hashes after one --sha256, repeated, or comma-separated, lowercased; a bad hash or none is a usage error', () => {
    expect(parseApproveArgs(['HC-1', '--by', 'OFF-1', '--sha256', H1, H2]).sha256s).toEqual([H1, H2.toLowerCase()]);
    expect(parseApproveArgs(['HC-1', '--by', 'OFF-1', '--sha256', H1, '--sha256', H2]).sha256s).toEqual([H1, H2.toLowerCase()]);
    expect(parseApproveArgs(['HC-1', '--by', 'OFF-1', '--sha256', `${H1},${H2}`]).sha256s).toEqual([H1, H2.toLowerCase()]);
    expect(() => parseApproveArgs(['HC-1', '--by', 'OFF-1'])).toThrow(expect.objectContaining(usage));
    expect(() => parseApproveArgs(['HC-1', '--by', 'OFF-1', '--sha256', 'abc'])).toThrow(expect.objectContaining(usage));
    expect(() => parseApproveArgs(['HC-1', '--sha256', H1])).toThrow(expect.objectContaining(usage));
    expect(() => parseApproveArgs(['--by', 'OFF-1', '--sha256', H1])).toThrow(expect.objectContaining(usage));
  });

  it('reject: one decision, --by and a non-blank --reason', () => {
    expect(parseRejectArgs(['HC-1', '--by', 'OFF-1', '--reason', 'wrong address'])).toMatchObject({ decisionId: 'HC-1', reason: 'wrong address' });
    expect(() => parseRejectArgs(['HC-1', '--by', 'OFF-1', '--reason', '  '])).toThrow(expect.objectContaining(usage));
    expect(() => parseRejectArgs(['HC-1', '--by', 'OFF-1'])).toThrow(expect.objectContaining(usage));
    expect(() => parseRejectArgs(['HC-1', 'HC-2', '--by', 'OFF-1', '--reason', 'x'])).toThrow(expect.objectContaining(usage));
  });

  it('status and audit: one decision id', () => {
    expect(parseStatusArgs(['HC-1', '--json'])).toEqual({ decisionId: 'HC-1', json: true });
    expect(parseAuditArgs(['HC-1'])).toEqual({ decisionId: 'HC-1', json: false });
    expect(() => parseStatusArgs([])).toThrow(expect.objectContaining(usage));
    expect(() => parseAuditArgs(['a b'])).toThrow(expect.objectContaining(usage));
  });

  it('outbox: a known state and a bounded limit', () => {
    expect(parseOutboxArgs(['--state', 'sent', '--limit', '5'])).toEqual({ state: 'sent', limit: 5, json: false });
    expect(parseOutboxArgs([])).toEqual({ limit: 100, json: false });
    expect(() => parseOutboxArgs(['--state', 'lost'])).toThrow(expect.objectContaining(usage));
    expect(() => parseOutboxArgs(['--limit', '0'])).toThrow(expect.objectContaining(usage));
  });

  it('purge: --before a day (its start in UTC) or a date-time, not after --now', () => {
    expect(parsePurgeArgs(['--before', '2026-01-01', '--now', '2026-12-01T00:00:00Z']).before.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(parsePurgeArgs(['--before', '2026-01-01T05:00:00Z', '--now', '2026-12-01T00:00:00Z']).before.toISOString()).toBe('2026-01-01T05:00:00.000Z');
    expect(() => parsePurgeArgs([])).toThrow(expect.objectContaining(usage));
    expect(() => parsePurgeArgs(['--before', '2026-02-30'])).toThrow(expect.objectContaining(usage));
    expect(() => parsePurgeArgs(['--before', '2027-01-01', '--now', '2026-12-01T00:00:00Z'])).toThrow(expect.objectContaining(usage));
  });

  it('confirm-departure: a UCI, a calendar day, an officer', () => {
    expect(parseConfirmDepartureArgs(['HC-1', '--uci', '1102-0116', '--on', '2026-12-10', '--by', 'OFF-1'])).toMatchObject({ uci: '1102-0116', on: '2026-12-10' });
    expect(parseConfirmDepartureArgs(['HC-1', '--uci', '52-6612-0934', '--on', '2026-12-10', '--by', 'OFF-1']).uci).toBe('52-6612-0934');
    expect(() => parseConfirmDepartureArgs(['HC-1', '--uci', 'Jane', '--on', '2026-12-10', '--by', 'OFF-1'])).toThrow(expect.objectContaining(usage));
    expect(() => parseConfirmDepartureArgs(['HC-1', '--uci', '1102-0116', '--on', '10/12/2026', '--by', 'OFF-1'])).toThrow(expect.objectContaining(usage));
    expect(() => parseConfirmDepartureArgs(['HC-1', '--uci', '1102-0116', '--on', '2026-12-10'])).toThrow(expect.objectContaining(usage));
  });

  it('trp-decision: exactly one of --issued and --refused', () => {
    expect(parseTrpDecisionArgs(['HC-1', '--uci', '1102-0120', '--refused', '--by', 'OFF-1']).decision).toBe('refused');
    expect(parseTrpDecisionArgs(['HC-1', '--uci', '1102-0120', '--issued', '--by', 'OFF-1', '--on', '2026-12-03'])).toMatchObject({ decision: 'issued', on: '2026-12-03' });
    expect(() => parseTrpDecisionArgs(['HC-1', '--uci', '1102-0120', '--by', 'OFF-1'])).toThrow(expect.objectContaining(usage));
    expect(() => parseTrpDecisionArgs(['HC-1', '--uci', '1102-0120', '--issued', '--refused', '--by', 'OFF-1'])).toThrow(expect.objectContaining(usage));
  });

  it('follow-ups: a dry view unless --fire', () => {
    expect(parseFollowUpsArgs(['--now', '2026-12-19T15:00:00Z'])).toMatchObject({ fire: false, json: false, by: 'hcc-follow-ups' });
    expect(parseFollowUpsArgs(['--fire', '--by', 'cron-1']).fire).toBe(true);
    expect(() => parseFollowUpsArgs(['extra'])).toThrow(expect.objectContaining(usage));
  });
});
