import { parseArgs } from 'node:util';
import type { AuditEvent } from '../../store/audit-log.js';
import { stringifyForTerminal } from '../../text/escape-for-terminal.js';
import type { CliIo } from '../cli-io.js';
import type { CliCommand } from '../cli-command.js';
import { formatColumns } from '../format-columns.js';
import { runWithStore } from '../outbox-session.js';
import { parseId } from '../parse-time-options.js';
import { UsageError } from '../usage-error.js';

export interface AuditArgs {
  readonly decisionId: string;
  readonly json: boolean;
  readonly db?: string;
}

/** `hcc audit <decisionId> [--json]`; throws UsageError. */
export function parseAuditArgs(args: readonly string[]): AuditArgs {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: { json: { type: 'boolean', default: false }, db: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('hcc audit takes one decision id');
  return { decisionId: parseId(positionals[0], 'the decision id'), json: values.json, ...(values.db === undefined ? {} : { db: values.db }) };
}

function formatAudit(events: readonly AuditEvent[]): string {
  const rows = events.map((e) => [
    String(e.seq),
    e.at,
    e.event,
    e.itemId ?? e.followUpId ?? (e.revision === undefined ? '' : `r${e.revision}`),
    e.from === undefined && e.to === undefined ? '' : `${e.from ?? ''}→${e.to ?? ''}`,
    e.actor ?? '',
    [e.code, e.smtpCode, e.policy].filter((c) => c !== undefined).join(' '),
  ]);
  return `${formatColumns(['SEQ', 'AT', 'EVENT', 'SUBJECT', 'STATE', 'ACTOR', 'CODE'], rows)}\n`;
}

/** `hcc audit`: the decision's audit events in order (ids, states, codes; nothing personal). */
export async function runAudit(options: AuditArgs, io: CliIo): Promise<number> {
  return runWithStore({ db: options.db, now: new Date(), subject: options.decisionId }, io, async ({ store }) => {
    const events = await store.audit(options.decisionId);
    io.stdout.write(options.json ? `${stringifyForTerminal(events, 2)}\n` : formatAudit(events));
    return 0;
  });
}

export const auditCommand: CliCommand = {
  usage: `  hcc audit <decisionId> [--json] [--db PATH]       the decision's audit events
`,
  run: (args, io) => runAudit(parseAuditArgs(args), io),
};
