import { parseArgs } from 'node:util';
import { logOutboxEvent } from '../../outbox/outbox-log.js';
import type { PersonOutcomeResult } from '../../store/store.js';
import { escapeForTerminal } from '../../text/escape-for-terminal.js';
import type { CliIo } from '../cli-io.js';
import type { CliCommand } from '../cli-command.js';
import { runWithStore } from '../outbox-session.js';
import { parseDay, parseId, parseNow } from '../parse-time-options.js';
import { UsageError } from '../usage-error.js';

export interface ConfirmDepartureArgs {
  readonly decisionId: string;
  readonly uci: string;
  readonly on: string;
  readonly by: string;
  readonly now: Date;
  readonly db?: string;
}

/** A UCI as records write it: `1234-5678` or `12-3456-7890`. */
export function parseUci(value: string | undefined): string {
  if (value === undefined) throw new UsageError('--uci is required');
  if (!/^(?:\d{4}-\d{4}|\d{2}-\d{4}-\d{4})$/.test(value)) throw new UsageError('--uci must be a UCI: 1234-5678 or 12-3456-7890');
  return value;
}

/** `hcc confirm-departure <decisionId> --uci <uci> --on <date> --by <id>`; throws UsageError. */
export function parseConfirmDepartureArgs(args: readonly string[]): ConfirmDepartureArgs {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: { uci: { type: 'string' }, on: { type: 'string' }, by: { type: 'string' }, now: { type: 'string' }, db: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('hcc confirm-departure takes one decision id');
  return {
    decisionId: parseId(positionals[0], 'the decision id'),
    uci: parseUci(values.uci),
    on: parseDay(values.on, '--on'),
    by: parseId(values.by, '--by'),
    now: parseNow(values.now),
    ...(values.db === undefined ? {} : { db: values.db }),
  };
}

/** The follow-ups a person's fact touched, for the terminal (the officer typed the UCI; it is shown back, never logged). */
export function formatOutcome(result: PersonOutcomeResult): string {
  const lines = result.followUps.map((f) => `  ${f.id}  ${f.kind}  ${f.state}${f.pendingPersons.length > 0 ? `  still waiting for ${escapeForTerminal(f.pendingPersons.join(' '))}` : ''}\n`);
  return `${result.status === 'recorded' ? 'recorded' : 'already recorded'}: ${result.outcome} for ${result.decisionId}\n${lines.join('')}`;
}

/** `hcc confirm-departure`: one person's confirmed departure; the follow-up resolves when every person is accounted for. */
export async function runConfirmDeparture(options: ConfirmDepartureArgs, io: CliIo): Promise<number> {
  return runWithStore({ db: options.db, now: options.now, subject: options.decisionId }, io, async ({ store }) => {
    const result = await store.confirmDeparture(options.decisionId, { uci: options.uci, on: options.on, by: options.by, now: options.now });
    logOutboxEvent({ event: 'person.departure-confirmed', decisionId: options.decisionId, status: result.status, actor: options.by });
    io.stdout.write(formatOutcome(result));
    return 0;
  });
}

export const confirmDepartureCommand: CliCommand = {
  usage: `  hcc confirm-departure <decisionId> --uci UCI --on DATE --by OFFICER [--now ISO] [--db PATH]
                                                   one person's departure confirmed (a family may confirm in part)
`,
  run: (args, io) => runConfirmDeparture(parseConfirmDepartureArgs(args), io),
};
