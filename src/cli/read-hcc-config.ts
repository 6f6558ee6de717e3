import { z } from 'zod';
import { DEFAULT_EMAIL_CONFIG, type EmailConfig } from '../email/email-config.js';
import { InputError } from '../intake/input-error.js';
import { readRegularFile } from '../intake/read-regular-file.js';
import type { ApprovalConfig } from '../outbox/approval-config.js';
import { escapeForTerminal } from '../text/escape-for-terminal.js';
import { UsageError } from './usage-error.js';

/** A configuration file is a few hundred bytes; this only keeps a wrong path from filling memory. */
const MAX_CONFIG_BYTES = 64 * 1024;

const address = z.email();
const configSchema = z.strictObject({
  from: z.strictObject({
    // One name for both languages, or one per language (the email's first language is then named first).
    name: z.union([z.string().min(1), z.strictObject({ en: z.string().min(1), fr: z.string().min(1) })]),
    address,
  }),
  internalRecipients: z.strictObject({
    'cbsa-inland-enforcement': address,
    'designated-decision-maker': address,
    mifi: address,
  }),
  cbsaRemovalsOffices: z.record(z.string().min(1), address),
  /** Who approves the bytes before they go out (default `officer`). */
  approval: z.union([z.literal('officer'), z.literal('auto'), z.strictObject({ twoPerson: z.literal(true) })]).optional(),
  /** Delivery's SMTP settings: read and checked by delivery (`src/deliver/smtp-config.ts`), handed on untouched. */
  smtp: z.record(z.string(), z.unknown()).optional(),
  /** The server's settings: read and checked by `hcc serve` (`src/server/server-config.ts`), handed on untouched. */
  server: z.record(z.string(), z.unknown()).optional(),
});

/** Everything the configuration file holds. */
export interface HccConfig {
  readonly email: EmailConfig;
  readonly approval: ApprovalConfig;
  /** The `smtp` object as written, unchecked here: delivery checks it. */
  readonly smtp?: Readonly<Record<string, unknown>>;
  /** The `server` object as written, unchecked here: `hcc serve` checks it. */
  readonly server?: Readonly<Record<string, unknown>>;
}

/** The configuration without a file: placeholder addresses, officer approval. */
export const DEFAULT_HCC_CONFIG: HccConfig = { email: DEFAULT_EMAIL_CONFIG, approval: 'officer' };

/**
 * The configuration from `--config FILE` (JSON), or the defaults without one. Throws UsageError
 * (exit 2) naming the file and the keys that do not match, never their values.
 */
export async function readHccConfig(path: string | undefined): Promise<HccConfig> {
  if (path === undefined) return DEFAULT_HCC_CONFIG;
  const shown = escapeForTerminal(path, { maxLength: Infinity });
  let text: string;
  try {
    // Only a regular file, and only so many bytes: a FIFO or /dev/zero given by mistake cannot hang the command.
    text = Buffer.from(await readRegularFile(path, MAX_CONFIG_BYTES)).toString('utf8');
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const why = typeof error.detail.reason === 'string' ? error.detail.reason : error.code;
    throw new UsageError(`--config ${shown} cannot be read (${why})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`--config ${shown} is not valid JSON`);
  }
  const result = configSchema.safeParse(parsed);
  if (!result.success) {
    const where = result.error.issues.map((i) => i.path.join('.') || '(top)').join(', ');
    throw new UsageError(`--config ${shown} does not match the configuration schema at: ${escapeForTerminal(where, { maxLength: Infinity })}`);
  }
  const { from, internalRecipients, cbsaRemovalsOffices, approval, smtp, server } = result.data;
  const name = typeof from.name === 'string' ? { en: from.name, fr: from.name } : from.name;
  return {
    email: { from: { name, address: from.address }, internalRecipients, cbsaRemovalsOffices },
    approval: approval ?? 'officer',
    ...(smtp === undefined ? {} : { smtp }),
    ...(server === undefined ? {} : { server }),
  };
}
