import type { CliIo } from './cli-io.js';

/**
 * A command that parses its own arguments. The outbox, the server and the accounts each bring
 * several commands with options of their own; each lives in `commands/<name>.ts` and is listed
 * here, loaded only when run (so `hcc validate` never loads the store, SMTP or HTTP code).
 */
export interface CliCommand {
  /** Its lines in `hcc help`, already indented like the others. */
  readonly usage: string;
  /** Runs with the arguments after the command name; returns the exit code. Throws UsageError for bad usage. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Command name → its module's loader. The order is the order of `hcc help`. */
export const COMMAND_MODULES: Readonly<Record<string, () => Promise<CliCommand>>> = {
  // The outbox (issue 10): intake, approval, status, follow-ups, retention.
  submit: async () => (await import('./commands/submit.js')).submitCommand,
  status: async () => (await import('./commands/status.js')).statusCommand,
  approve: async () => (await import('./commands/approve.js')).approveCommand,
  reject: async () => (await import('./commands/reject.js')).rejectCommand,
  outbox: async () => (await import('./commands/outbox.js')).outboxCommand,
  audit: async () => (await import('./commands/audit.js')).auditCommand,
  'confirm-departure': async () => (await import('./commands/confirm-departure.js')).confirmDepartureCommand,
  'trp-decision': async () => (await import('./commands/trp-decision.js')).trpDecisionCommand,
  'follow-ups': async () => (await import('./commands/follow-ups.js')).followUpsCommand,
  purge: async () => (await import('./commands/purge.js')).purgeCommand,
  deliver: async () => (await import('./commands/deliver.js')).deliverCommand,
  print: async () => (await import('./commands/print.js')).printCommand,
  // The server (issue 11): accounts, API keys, the server itself.
  user: async () => (await import('./commands/user.js')).userCommand,
  'api-key': async () => (await import('./commands/api-key.js')).apiKeyCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
};
