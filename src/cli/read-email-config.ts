import { z } from 'zod';
import { DEFAULT_EMAIL_CONFIG, type EmailConfig } from '../email/email-config.js';
import { InputError } from '../intake/input-error.js';
import { readRegularFile } from '../intake/read-regular-file.js';
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
});

/** The email settings from `--config FILE` (JSON), or the placeholder defaults without one. */
export async function readEmailConfig(path: string | undefined): Promise<EmailConfig> {
  if (path === undefined) return DEFAULT_EMAIL_CONFIG;
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
  // The file's other sections (`approval`, `server`) belong to the outbox and the server, which read them themselves.
  const result = configSchema.safeParse(withoutSections(parsed, ['approval', 'server']));
  if (!result.success) {
    const where = result.error.issues.map((i) => i.path.join('.') || '(top)').join(', ');
    throw new UsageError(`--config ${shown} does not match the configuration schema at: ${escapeForTerminal(where, { maxLength: Infinity })}`);
  }
  const { from, internalRecipients, cbsaRemovalsOffices } = result.data;
  const name = typeof from.name === 'string' ? { en: from.name, fr: from.name } : from.name;
  return { from: { name, address: from.address }, internalRecipients, cbsaRemovalsOffices };
}

function withoutSections(value: unknown, keys: readonly string[]): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
}
