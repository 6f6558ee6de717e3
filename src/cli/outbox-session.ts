import { HCC_ERROR_CODES, HccError } from '../errors.js';
import { createOutboxLogger, outboxLogger, setOutboxLogger } from '../outbox/outbox-log.js';
import { DEFAULT_SQLITE_PATH, openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { escapeForTerminal } from '../text/escape-for-terminal.js';
import type { CliIo } from './cli-io.js';
import { UsageError } from './usage-error.js';

/** Where the store is: `--db PATH`, else `HCC_DB`, else `HCC_DATABASE_URL` (postgres://…), else `./hcc-data/hcc.sqlite`. */
export function storeLocation(db: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return db ?? (env.HCC_DB || undefined) ?? (env.HCC_DATABASE_URL || undefined) ?? DEFAULT_SQLITE_PATH;
}

/**
 * The outbox log from `HCC_LOG`: `stderr`, or a file path (JSON lines appended); none when unset.
 * `HCC_LOG_LEVEL` is `info` (default), `warn` or `error`.
 */
export function configureOutboxLog(env: NodeJS.ProcessEnv = process.env): void {
  const target = env.HCC_LOG;
  if (!target) return;
  const level = env.HCC_LOG_LEVEL === 'warn' || env.HCC_LOG_LEVEL === 'error' ? env.HCC_LOG_LEVEL : 'info';
  setOutboxLogger(createOutboxLogger(target === 'stderr' ? 2 : target, level));
}

/** One line for a coded error of the outbox: the subject (an id), the code and what it means; never a value from a record. */
export function describeOutboxError(subject: string, code: string): string {
  const meaning = Object.hasOwn(HCC_ERROR_CODES, code) ? `: ${HCC_ERROR_CODES[code as keyof typeof HCC_ERROR_CODES]}` : '';
  return `hcc: ${escapeForTerminal(subject)}: ${escapeForTerminal(code)}${meaning}`;
}

export interface OutboxCommandContext {
  readonly store: Store;
  readonly io: CliIo;
}

/**
 * Opens the store, runs a command's body, closes the store and flushes the log. A coded error
 * from the store or the outbox becomes one line on stderr and exit 1; a usage error passes on.
 */
export async function runWithStore(
  options: { readonly db: string | undefined; readonly now: Date; readonly subject: string },
  io: CliIo,
  body: (context: OutboxCommandContext) => Promise<number>,
): Promise<number> {
  configureOutboxLog();
  let store: Store | undefined;
  try {
    store = await openStore({ location: storeLocation(options.db), now: options.now });
    return await body({ store, io });
  } catch (error) {
    if (error instanceof UsageError || !(error instanceof HccError)) throw error;
    io.stderr.write(`${describeOutboxError(options.subject, error.code)}\n`);
    return 1;
  } finally {
    await store?.close();
    await outboxLogger().flush();
  }
}
