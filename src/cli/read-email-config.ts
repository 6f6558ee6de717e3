import { z } from 'zod';
import { DEFAULT_EMAIL_CONFIG, INTERNAL_EMAIL_RECIPIENTS, type EmailConfig } from '../email/email-config.js';
import { InputError } from '../intake/input-error.js';
import { readRegularFile } from '../intake/read-regular-file.js';
import { escapeForTerminal } from '../text/escape-for-terminal.js';
import { UsageError } from './usage-error.js';

/** A configuration file is a few hundred bytes; this only keeps a wrong path from filling memory. */
const MAX_CONFIG_BYTES = 64 * 1024;

const address = z.email();
const configSchema = z.strictObject({
  from: z.strictObject({ name: z.string().min(1), address }),
  internalRecipients: z.strictObject(Object.fromEntries(INTERNAL_EMAIL_RECIPIENTS.map((r) => [r, address])) as Record<(typeof INTERNAL_EMAIL_RECIPIENTS)[number], typeof address>),
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
  const result = configSchema.safeParse(parsed);
  if (!result.success) {
    const where = result.error.issues.map((i) => i.path.join('.') || '(top)').join(', ');
    throw new UsageError(`--config ${shown} does not match the configuration schema at: ${escapeForTerminal(where, { maxLength: Infinity })}`);
  }
  return result.data;
}
