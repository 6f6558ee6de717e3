import type { EmailConfig } from '../email/email-config.js';
import { readHccConfig } from './read-hcc-config.js';

/** The email settings from `--config FILE` (JSON), or the placeholder defaults without one (`readHccConfig`). */
export async function readEmailConfig(path: string | undefined): Promise<EmailConfig> {
  return (await readHccConfig(path)).email;
}
