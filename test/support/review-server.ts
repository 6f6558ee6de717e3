import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parseDecision } from '../../src/decision/parse-decision.js';
import type { DecisionRecord } from '../../src/decision/decision-schema.js';
import { submitDecisionRecord, type SubmittedDecision } from '../../src/outbox/submit-decision-record.js';
import { createServer } from '../../src/server/create-server.js';
import type { ServerOptions } from '../../src/server/server-options.js';
import { openServerStore, type ServerStore } from '../../src/store/open-server-store.js';
import { FIXTURES } from './fixtures.js';
import { RENDERER } from './render-kit.js';

/** The clock of every seeded record and of the server: fixed, so pages and audit logs do not move. */
export const REVIEW_NOW = new Date('2026-12-01T15:00:00.000Z');

/** The officer every browser test signs in as (a code, never a name). */
export const OFFICER = { id: 'OFF-BROWSER-1', password: 'correct horse battery staple' } as const;

/** A name no fixture carries that would be markup if a page did not escape it (the hostile corpus's HTML case). */
export const HOSTILE_FAMILY_NAME = '<script>alert(1)</script>&amp;';
/** The decision carrying `HOSTILE_FAMILY_NAME` as its principal applicant's family name. */
export const HOSTILE_DECISION_ID = 'HC-2026-900001';

/** A running server on a loopback port over a fresh SQLite store in a temporary folder. */
export interface ReviewServer {
  readonly app: FastifyInstance;
  readonly stores: ServerStore;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The decisions seeded, in the order submitted. */
  readonly seeded: readonly SubmittedDecision[];
  close(): Promise<void>;
}

/** A record as received, validated; throws when a test built an invalid one. */
export function validRecord(received: unknown): DecisionRecord {
  const parsed = parseDecision(received);
  if (!parsed.ok) throw new Error(`test record invalid: ${parsed.issues.map((i) => `${i.path} ${i.code}`).join(', ')}`);
  return parsed.record;
}

/** Every fixture of `fixtures/decisions/` as received (JSON), sorted by file name. */
export function fixtureRecords(): Record<string, unknown>[] {
  const dir = join(FIXTURES, 'decisions');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as Record<string, unknown>);
}

/** A fixture with the hostile family name on its principal applicant and its own decision id. */
export function hostileRecord(): Record<string, unknown> {
  const base = JSON.parse(readFileSync(join(FIXTURES, 'decisions', 'refused-valid-status-en.json'), 'utf8')) as Record<string, unknown>;
  const record = structuredClone(base) as { decisionId: string; principalApplicant: { familyName: string } };
  record.decisionId = HOSTILE_DECISION_ID;
  record.principalApplicant.familyName = HOSTILE_FAMILY_NAME;
  return record;
}

export interface ReviewServerOptions {
  /** Records to submit before the server starts (default: every fixture and the hostile record). */
  readonly records?: readonly Record<string, unknown>[];
  /** Changes to the server's options (the sign-in limit, two-person approval…). */
  readonly server?: Partial<Omit<ServerOptions, 'stores'>>;
}

/**
 * Opens a fresh SQLite store in a temporary folder, submits the records through the outbox
 * intake (as `hcc submit` does: validated, rendered, stored with their bytes), adds the officer
 * account through the access store, and starts the server on a free loopback port.
 */
export async function startReviewServer(options: ReviewServerOptions = {}): Promise<ReviewServer> {
  const folder = mkdtempSync(join(tmpdir(), 'hcc-review-'));
  // scrypt at a low cost: the tests sign in often and the stored parameters travel with the hash.
  const stores = await openServerStore({ location: join(folder, 'hcc.sqlite'), now: REVIEW_NOW, access: { scrypt: { N: 1024, r: 8, p: 1 } } });
  try {
    const seeded: SubmittedDecision[] = [];
    for (const received of options.records ?? [...fixtureRecords(), hostileRecord()]) {
      seeded.push(
        await submitDecisionRecord(
          { store: stores.store, render: (r) => RENDERER.render(r) },
          { record: validRecord(received), received, now: REVIEW_NOW, actor: 'intake-test', approval: 'officer' },
        ),
      );
    }
    await stores.access.addAccount({ id: OFFICER.id, role: 'officer', password: OFFICER.password, now: REVIEW_NOW });
    // Every test signs in from 127.0.0.1: the sign-in limit (tested on its own) is raised out of the way.
    const app = await createServer({ stores, now: () => REVIEW_NOW, render: (record) => RENDERER.render(record), signInLimit: { max: 10_000, windowMs: 60_000 }, ...options.server });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('the server did not listen on a TCP port');
    return {
      app,
      stores,
      origin: `http://127.0.0.1:${String(address.port)}`,
      seeded,
      async close() {
        await app.close();
        await stores.store.close();
      },
    };
  } catch (error) {
    await stores.store.close();
    throw error;
  }
}
