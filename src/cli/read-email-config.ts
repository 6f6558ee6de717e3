import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { DEFAULT_EMAIL_CONFIG, type EmailConfig } from '../email/email-config.js';
import { UsageError } from './input-error.js';

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
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--config ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`--config ${path} is not valid JSON`);
  }
  const result = configSchema.safeParse(parsed);
  if (!result.success) {
    const where = result.error.issues.map((i) => i.path.join('.') || '(top)').join(', ');
    throw new UsageError(`--config ${path} does not match the configuration schema at: ${where}`);
  }
  const { from, internalRecipients, cbsaRemovalsOffices } = result.data;
  const name = typeof from.name === 'string' ? { en: from.name, fr: from.name } : from.name;
  return { from: { name, address: from.address }, internalRecipients, cbsaRemovalsOffices };
}
