import type { CliCommand } from './cli-command.js';

export type { CliCommand } from './cli-command.js';

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
