import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { DEFAULT_EMAIL_CONFIG, INTERNAL_EMAIL_RECIPIENTS, type EmailConfig } from '../email/email-config.js';
import { UsageError } from './input-error.js';

const address = z.email();
const configSchema = z.strictObject({
  from: z.strictObject({ name: z.string().min(1), address }),
  internalRecipients: z.strictObject(Object.fromEntries(INTERNAL_EMAIL_RECIPIENTS.map((r) => [r, address])) as Record<(typeof INTERNAL_EMAIL_RECIPIENTS)[number], typeof address>),
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
  return result.data;
}
