import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/package-root.js';
import { openStore } from '../../src/store/open-store.js';
import type { DecisionSubmission, FileInput, ItemInput } from '../../src/store/store.js';
import { syntheticPdf } from '../support/sample-emails.js';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server.js';

// Synthetic decisions for the delivery tests, put in the store directly (as intake would): emails
// whose bytes are real CRLF messages with their Message-ID, letters with address blocks, a file
// entry. Every person and address is invented.

export const FROM = 'no-reply@example.gc.ca';
export const CLIENT = 'client@example.test';
export const REPRESENTATIVE = 'counsel@example.test';

function file(bytes: Uint8Array, mediaType: string): FileInput {
  return { sha256: createHash('sha256').update(bytes).digest('hex'), mediaType, bytes };
}

/** One email as the store keeps it: CRLF lines, the Message-ID header, a line that starts with a dot. */
export function syntheticEmail(decisionId: string, n: number, recipients: readonly string[]): { bytes: Uint8Array; messageId: string } {
  const messageId = `<${decisionId}.${n}@hcc.example.gc.ca>`;
  const text = [
    `Message-ID: ${messageId}`,
    `From: IRCC <${FROM}>`,
    `To: ${recipients.join(', ')}`,
    `Subject: Decision ${decisionId} / message ${n}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Message ${n} of decision ${decisionId}.`,
    '.A line that starts with a dot.',
    '',
  ].join('\r\n');
  return { bytes: Buffer.from(text, 'utf8'), messageId };
}

export interface DeliverySubmissionOptions {
  readonly emails?: number;
  /** Envelope recipients of each email (To); default the client alone. */
  readonly to?: readonly string[];
  readonly cc?: readonly string[];
  readonly letters?: number;
  readonly fileEntry?: boolean;
}

/** A decision with `emails` emails, `letters` letters to post and optionally a file entry. */
export function deliverySubmission(decisionId: string, options: DeliverySubmissionOptions = {}): DecisionSubmission {
  const to = options.to ?? [CLIENT];
  const cc = options.cc ?? [];
  const files: FileInput[] = [];
  const items: ItemInput[] = [];
  for (let n = 1; n <= (options.emails ?? 1); n += 1) {
    const email = syntheticEmail(decisionId, n, [...to, ...cc]);
    const f = file(email.bytes, 'message/rfc822');
    files.push(f);
    items.push({
      key: `email-${String(n).padStart(3, '0')}`,
      kind: 'client-email',
      channel: 'email',
      recipient: 'client',
      languages: ['en', 'fr'],
      fileSha256: f.sha256,
      messageId: email.messageId,
      envelope: { from: FROM, to, cc },
    });
  }
  for (let n = 1; n <= (options.letters ?? 0); n += 1) {
    const f = file(syntheticPdf(2000 + n, decisionId.length * 31 + n), 'application/pdf');
    files.push(f);
    items.push({
      key: `letter-${String(n).padStart(3, '0')}`,
      kind: 'refusal-letter',
      channel: 'mail',
      recipient: 'client',
      languages: ['fr', 'en'],
      fileSha256: f.sha256,
      addressBlock: [`Person ${n} Testname`, `${100 + n} Synthetic Street`, 'OTTAWA ON  K1A 0B1'],
      pageCount: 1 + (n % 3),
    });
  }
  if (options.fileEntry === true) {
    const f = file(syntheticPdf(1500, 7), 'application/pdf');
    files.push(f);
    items.push({ key: 'file-update', kind: 'file-update', channel: 'file', recipient: 'file', languages: ['en'], fileSha256: f.sha256, pageCount: 1 });
  }
  return {
    decisionId,
    record: { schemaVersion: 1, decisionId, synthetic: true },
    officerId: 'OFF-1001',
    officeId: 'OTT-01',
    plan: { decisionId },
    files,
    items,
    followUps: [],
  };
}

/** A seeded source in [0, 1) (mulberry32): jitter and kill times that a failing run can replay. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes a configuration file: the fixture configuration with this `smtp` object (and other keys, such as `approval`). */
export function writeConfigWithSmtp(path: string, smtp: Record<string, unknown>, extra: Record<string, unknown> = {}): void {
  const base = JSON.parse(readFileSync(join(packageRoot(), 'fixtures', 'hcc.config.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(path, JSON.stringify({ ...base, ...extra, smtp }));
}

/**
 * Puts `decisions` synthetic decisions of `emailsEach` emails each in the store at `location`
 * (a SQLite path or a PostgreSQL URL), approved at `now`: `<prefix>-001`, `<prefix>-002`, …
 */
export async function submitEmailDecisions(location: string, prefix: string, decisions: number, emailsEach: number, now: Date): Promise<void> {
  const store = await openStore({ location, now });
  try {
    for (let d = 1; d <= decisions; d += 1) {
      await store.submitDecision(deliverySubmission(`${prefix}-${String(d).padStart(3, '0')}`, { emails: emailsEach }), { now, actor: 'intake-test', approval: 'auto' });
    }
  } finally {
    await store.close();
  }
}

/** What a delivery test of the built `hcc` runs against: an SMTP test server, a folder, a SQLite path and a configuration file. */
export interface DeliveryScene {
  readonly server: SmtpTestServer;
  readonly dir: string;
  readonly db: string;
  readonly config: string;
}

/** Starts the SMTP test server and writes the configuration (`smtp`, plus `extra` keys such as `approval`) in a new temporary folder. */
export async function startDeliveryScene(folderPrefix: string, smtp: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<DeliveryScene> {
  const server = await startSmtpTestServer();
  const dir = mkdtempSync(join(tmpdir(), folderPrefix));
  const config = join(dir, 'hcc.config.json');
  writeConfigWithSmtp(config, smtp, extra);
  return { server, dir, db: join(dir, 'hcc.sqlite'), config };
}
