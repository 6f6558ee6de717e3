import { parseArgs } from 'node:util';
import type { DecisionStatus } from '../../store/store.js';
import { stringifyForTerminal } from '../../text/escape-for-terminal.js';
import type { CliIo } from '../cli-io.js';
import type { CliCommand } from '../cli-command.js';
import { formatColumns } from '../format-columns.js';
import { runWithStore } from '../outbox-session.js';
import { parseId } from '../parse-time-options.js';
import { UsageError } from '../usage-error.js';

export interface StatusArgs {
  readonly decisionId: string;
  readonly json: boolean;
  readonly db?: string;
}

/** `hcc status <decisionId> [--json]`; throws UsageError. */
export function parseStatusArgs(args: readonly string[]): StatusArgs {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: { json: { type: 'boolean', default: false }, db: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('hcc status takes one decision id');
  return { decisionId: parseId(positionals[0], 'the decision id'), json: values.json, ...(values.db === undefined ? {} : { db: values.db }) };
}

/**
 * `hcc status --json`: a contract for scripts. The fields of the issue come first, by name, so
 * that a change in the store cannot drop one; the others are added after them.
 */
export function statusJson(status: DecisionStatus): unknown {
  return {
    decisionId: status.decisionId,
    revision: status.revision,
    ...(status.purgedAt === undefined ? {} : { purgedAt: status.purgedAt }),
    items: status.items.map((i) => ({
      id: i.id,
      kind: i.kind,
      channel: i.channel,
      recipient: i.recipient,
      language: i.language,
      sha256: i.sha256,
      ...(i.messageId === undefined ? {} : { messageId: i.messageId }),
      state: i.state,
      attempts: i.attempts,
      ...(i.lastCode === undefined ? {} : { lastCode: i.lastCode }),
      revision: i.revision,
      key: i.key,
      languages: i.languages,
      ...(i.lastSmtpCode === undefined ? {} : { lastSmtpCode: i.lastSmtpCode }),
    })),
    followUps: status.followUps.map((f) => ({
      kind: f.kind,
      dueOn: f.dueOn,
      persons: f.persons,
      state: f.state,
      id: f.id,
      revision: f.revision,
      pendingPersons: f.pendingPersons,
      ifNotConfirmed: f.ifNotConfirmed,
    })),
  };
}

/** The status as an officer reads it: each item with the hash `hcc approve` takes, then the follow-ups. */
export function formatStatus(status: DecisionStatus): string {
  const lines = [`${status.decisionId}  revision ${status.revision}${status.purgedAt === undefined ? '' : `  purged ${status.purgedAt}`}`, ''];
  if (status.items.length > 0) {
    const rows = status.items.map((i) => [
      i.id,
      i.kind,
      i.channel,
      i.recipient,
      i.languages.join('+'),
      i.state,
      String(i.attempts),
      [i.lastCode, i.lastSmtpCode].filter((c) => c !== undefined).join(' '),
      i.sha256,
    ]);
    lines.push(formatColumns(['ITEM', 'KIND', 'CHANNEL', 'RECIPIENT', 'LANG', 'STATE', 'TRIES', 'LAST', 'SHA-256'], rows), '');
  }
  if (status.followUps.length > 0) {
    const rows = status.followUps.map((f) => [f.id, f.kind, f.kind === 'trp-decision' ? '-' : f.dueOn, f.state, f.pendingPersons.join(' ') || '-']);
    lines.push(formatColumns(['FOLLOW-UP', 'KIND', 'DUE', 'STATE', 'NOT YET RESOLVED'], rows), '');
  }
  const awaiting = status.items.filter((i) => i.revision === status.revision && i.state === 'awaiting-approval');
  if (awaiting.length > 0) lines.push(`To approve: hcc approve ${status.decisionId} --by OFFICER --sha256 ${awaiting.map((i) => i.sha256).join(' ')}`, '');
  return lines.join('\n');
}

/** `hcc status`: every item (state, attempts, last code, hash) and every follow-up of a decision. */
export async function runStatus(options: StatusArgs, io: CliIo): Promise<number> {
  return runWithStore({ db: options.db, now: new Date(), subject: options.decisionId }, io, async ({ store }) => {
    const status = await store.status(options.decisionId);
    io.stdout.write(options.json ? `${stringifyForTerminal(statusJson(status), 2)}\n` : formatStatus(status));
    return 0;
  });
}

export const statusCommand: CliCommand = {
  usage: `  hcc status <decisionId> [--json] [--db PATH]      every item (state, attempts, last code, SHA-256) and follow-up
`,
  run: (args, io) => runStatus(parseStatusArgs(args), io),
};
