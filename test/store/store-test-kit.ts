import { expect } from 'vitest';
import { sha256Hex } from '../../src/store/canonical-json.js';
import type { OpenStoreOptions } from '../../src/store/open-store.js';
import type { StoreDialect, StoreDriver } from '../../src/store/store-driver.js';
import type { DecisionSubmission, FileInput, ItemInput, Store } from '../../src/store/store.js';

/** A database the contract suite may open as often as it likes, and look into directly. */
export interface StoreFixture {
  readonly dialect: StoreDialect;
  /** Opens (and migrates) this fixture's database. */
  open(options?: Partial<OpenStoreOptions>): Promise<Store>;
  /** A migrated driver on the same database, for tests of the internals every operation goes through. */
  driver(): Promise<StoreDriver>;
  /** Runs one SQL statement on the database and returns its rows (none for a statement). */
  query(sql: string): Promise<Record<string, unknown>[]>;
  /** Closes everything opened and removes the database. */
  dispose(): Promise<void>;
}

/** Makes an empty database, new each call. */
export type OpenFreshStore = () => Promise<StoreFixture>;

export const T0 = new Date('2026-12-01T15:00:00.000Z');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** `T0` plus `ms`. */
export function at(ms: number): Date {
  return new Date(T0.getTime() + ms);
}

// Synthetic personal values: the privacy tests look for each of them where none may be.
export const PERSONAL = {
  name: 'Zéphyrine Quillfeather',
  familyMember: 'Octavian Quillfeather',
  email: 'zephyrine.quill@example.org',
  representativeEmail: 'counsel.brightwater@example.net',
  addressLine: '4417 Rue des Synthèses',
  postalLine: 'MONTRÉAL QC  H2X 1Y4',
  uciA: '4812-7730',
  uciB: '52-6612-0934',
  uciC: '7391-2045',
  reason: 'Ms Quillfeather wrote that her name is misspelt in the refusal letter',
} as const;
export const PERSONAL_VALUES: readonly string[] = Object.values(PERSONAL);

export const OFFICER = 'OFF-1001';
export const SECOND_OFFICER = 'OFF-2002';
export const OFFICE = 'MTL-01';
export const WORKER = 'worker-a';
export const OTHER_WORKER = 'worker-b';
export const INTAKE = 'intake-service';

function file(text: string, mediaType: string): FileInput {
  const bytes = new TextEncoder().encode(text);
  return { sha256: sha256Hex(bytes), mediaType, bytes };
}

export interface SubmissionOptions {
  /** Changes the record and every file's bytes. */
  readonly variant?: number;
  /** How many client emails (each with its own bytes); 1 by default. */
  readonly emails?: number;
  readonly officerId?: string;
  /** Keep the file-update bytes of variant 1 whatever the variant. */
  readonly sameFileEntry?: boolean;
}

/** A synthetic decision: emails, one letter to post, one file entry, a departure and a TRP follow-up. */
export function makeSubmission(decisionId: string, options: SubmissionOptions = {}): DecisionSubmission {
  const variant = options.variant ?? 1;
  const emailCount = options.emails ?? 1;
  const record = {
    schemaVersion: 1,
    decisionId,
    outcome: 'refused',
    principalApplicant: { uci: PERSONAL.uciA, familyName: 'Quillfeather', givenNames: 'Zéphyrine' },
    familyMembers: [{ uci: PERSONAL.uciB, familyName: 'Quillfeather', givenNames: 'Octavian' }],
    trp: [{ uci: PERSONAL.uciC }],
    correspondence: { email: PERSONAL.email, postalAddress: { line1: PERSONAL.addressLine } },
    reasons: `variant ${variant}`,
  };
  const emails = Array.from({ length: emailCount }, (_, i) =>
    file(`To: ${PERSONAL.email}\r\nCc: ${PERSONAL.representativeEmail}\r\n\r\nDear ${PERSONAL.name} (${decisionId} v${variant} #${i})`, 'message/rfc822'),
  );
  const letter = file(`%PDF-1.7 letter to ${PERSONAL.name}, ${PERSONAL.addressLine} (${decisionId} v${variant})`, 'application/pdf');
  const entry = file(`%PDF-1.7 file update ${PERSONAL.uciA} (${decisionId} v${options.sameFileEntry === true ? 1 : variant})`, 'application/pdf');
  const items: ItemInput[] = [
    ...emails.map(
      (e, i): ItemInput => ({
        key: `email-${String(i + 1).padStart(2, '0')}-client.fr`,
        kind: 'client-email',
        channel: 'email',
        recipient: 'client',
        languages: ['fr', 'en'],
        fileSha256: e.sha256,
        messageId: `<${e.sha256.slice(0, 24)}@hcc.example.gc.ca>`,
        envelope: { from: 'hc-office@example.gc.ca', to: [PERSONAL.email], cc: [PERSONAL.representativeEmail] },
      }),
    ),
    {
      key: '01-refusal-letter.client.fr',
      kind: 'refusal-letter',
      channel: 'mail',
      recipient: 'client',
      languages: ['fr'],
      fileSha256: letter.sha256,
      addressBlock: [PERSONAL.name, PERSONAL.addressLine, PERSONAL.postalLine],
      pageCount: 2,
    },
    { key: '03-file-update.file.fr', kind: 'file-update', channel: 'file', recipient: 'file', languages: ['fr'], fileSha256: entry.sha256, pageCount: 1 },
  ];
  return {
    decisionId,
    record,
    officerId: options.officerId ?? OFFICER,
    officeId: OFFICE,
    plan: { decisionId, documents: [{ kind: 'refusal-letter', persons: [PERSONAL.uciA] }] },
    files: [...emails, letter, entry],
    items,
    followUps: [
      { kind: 'departure-confirmation', dueOn: '2026-12-20', persons: [PERSONAL.uciA, PERSONAL.uciB], ifNotConfirmed: 'cbsa-no-status-notice' },
      { kind: 'trp-decision', dueOn: '2027-01-15', persons: [PERSONAL.uciC], ifNotConfirmed: 'departure-instructions' },
    ],
  };
}

/** The hashes of a submission's items: what an officer who saw every item approves. */
export function itemHashes(submission: DecisionSubmission): string[] {
  return submission.items.map((i) => i.fileSha256);
}

/** A notice to queue when a follow-up fires. */
export function makeNotice(decisionId: string): { files: FileInput[]; items: ItemInput[] } {
  const notice = file(`To: cbsa@example.gc.ca\r\n\r\n${PERSONAL.uciB} believed in Canada (${decisionId})`, 'message/rfc822');
  return {
    files: [notice],
    items: [
      {
        key: 'email-cbsa-no-status-notice',
        kind: 'cbsa-no-status-notice',
        channel: 'email',
        recipient: 'cbsa-inland-enforcement',
        languages: ['fr'],
        fileSha256: notice.sha256,
        messageId: `<${notice.sha256.slice(0, 24)}@hcc.example.gc.ca>`,
        envelope: { from: 'hc-office@example.gc.ca', to: ['cbsa@example.gc.ca'], cc: [] },
      },
    ],
  };
}

/** Awaits a promise that must reject with an error of this code; returns the error. */
export async function rejectsWithCode(promise: Promise<unknown>, code: string): Promise<Error & { code: string }> {
  let caught: unknown;
  let settled = false;
  try {
    await promise;
    settled = true;
  } catch (error) {
    caught = error;
  }
  expect(settled, `expected a rejection with code ${code}, but it resolved`).toBe(false);
  expect(caught).toBeInstanceOf(Error);
  expect((caught as { code?: unknown }).code, (caught as Error).message).toBe(code);
  return caught as Error & { code: string };
}

/** Like `rejectsWithCode`, and the error must be an instance of `errorClass`. */
export async function rejectsWithError<T extends Error>(
  promise: Promise<unknown>,
  errorClass: abstract new (...args: never[]) => T,
  code: string,
): Promise<T> {
  const error: unknown = await rejectsWithCode(promise, code);
  expect(error).toBeInstanceOf(errorClass);
  return error as T;
}
