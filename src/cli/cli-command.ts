import type { CliIo } from './cli-io.js';

/**
 * A command that parses its own arguments. The outbox, the server and the accounts each bring
 * several commands with options of their own; each lives in `commands/<name>.ts` and is listed
 * in `command-modules.ts`, loaded only when run (so `hcc validate` never loads the store, SMTP or HTTP code).
 */
export interface CliCommand {
  /** Its lines in `hcc help`, already indented like the others. */
  readonly usage: string;
  /** Runs with the arguments after the command name; returns the exit code. Throws UsageError for bad usage. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}
