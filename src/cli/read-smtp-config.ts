import { parseSmtpConfig, resolveSmtpConfig, type ResolvedSmtpConfig, type SmtpEnvironment } from '../deliver/smtp-config.js';
import { InputError } from '../intake/input-error.js';
import { readRegularFile } from '../intake/read-regular-file.js';
import { escapeForTerminal } from '../text/escape-for-terminal.js';
import { UsageError } from './usage-error.js';

const MAX_CONFIG_BYTES = 64 * 1024;

/**
 * The SMTP target from the `smtp` object of `--config FILE` (JSON) and the environment
 * (`HCC_SMTP_URL`, the password variable). Without a file, only `HCC_SMTP_URL` can name the
 * target. Throws `UsageError` for a file that cannot be read or is not JSON, `SmtpConfigError` for
 * settings that cannot be used (never quoting a value).
 */
export async function readSmtpConfig(path: string | undefined, env: SmtpEnvironment): Promise<ResolvedSmtpConfig> {
  if (path === undefined) return resolveSmtpConfig(undefined, env);
  const shown = escapeForTerminal(path, { maxLength: Infinity });
  let text: string;
  try {
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
  const section = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>).smtp : undefined;
  return resolveSmtpConfig(section === undefined ? undefined : parseSmtpConfig(section), env);
}
