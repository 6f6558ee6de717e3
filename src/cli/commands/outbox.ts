import { parseArgs } from 'node:util';
import { ITEM_STATES, type ItemState } from '../../store/item-state.js';
import type { OutboxEntry } from '../../store/store.js';
import { stringifyForTerminal } from '../../text/escape-for-terminal.js';
import type { CliIo } from '../cli-io.js';
import type { CliCommand } from '../cli-command.js';
import { formatColumns } from '../format-columns.js';
import { runWithStore } from '../outbox-session.js';
import { UsageError } from '../usage-error.js';

/** The states listed when none is asked for: the items still on their way. */
const OPEN_STATES: readonly ItemState[] = ['awaiting-approval', 'approved', 'sending', 'temporary-failure'];

export interface OutboxArgs {
  readonly state?: ItemState;
  readonly json: boolean;
  readonly limit: number;
  readonly db?: string;
}

/** `hcc outbox [--state S] [--limit N] [--json]`; throws UsageError. */
export function parseOutboxArgs(args: readonly string[]): OutboxArgs {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: { state: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean', default: false }, db: { type: 'string' } },
  });
  if (positionals.length > 0) throw new UsageError('hcc outbox takes no arguments besides its options');
  const state = values.state === undefined ? undefined : ITEM_STATES.find((s) => s === values.state);
  if (values.state !== undefined && state === undefined) throw new UsageError(`--state must be one of ${ITEM_STATES.join(', ')}`);
  const limit = values.limit === undefined ? 100 : Number(values.limit);
  if (!(/^\d+$/.test(values.limit ?? '100') && limit >= 1 && limit <= 10_000)) throw new UsageError('--limit must be a whole number from 1 to 10000');
  return { ...(state === undefined ? {} : { state }), json: values.json, limit, ...(values.db === undefined ? {} : { db: values.db }) };
}

function formatEntries(entries: readonly OutboxEntry[]): string {
  const rows = entries.map((e) => [e.id, e.kind, e.channel, e.recipient, e.state, e.stateChangedAt, String(e.attempts), e.nextAttemptAt ?? '', [e.lastCode, e.lastSmtpCode].filter((c) => c !== undefined).join(' ')]);
  return formatColumns(['ITEM', 'KIND', 'CHANNEL', 'RECIPIENT', 'STATE', 'SINCE', 'TRIES', 'NEXT', 'LAST'], rows);
}

/** `hcc outbox`: the number of items in each state, and a listing of one state (or of the items still on their way). */
export async function runOutbox(options: OutboxArgs, io: CliIo): Promise<number> {
  return runWithStore({ db: options.db, now: new Date(), subject: 'outbox' }, io, async ({ store }) => {
    const counts = await store.outboxCounts();
    const states = options.state === undefined ? OPEN_STATES : [options.state];
    const entries: OutboxEntry[] = [];
    for (const state of states) {
      if (entries.length >= options.limit) break;
      entries.push(...(await store.listItems({ state, limit: options.limit - entries.length })));
    }
    if (options.json) {
      io.stdout.write(`${stringifyForTerminal({ counts, items: entries }, 2)}\n`);
      return 0;
    }
    const countRows = ITEM_STATES.map((s) => [s, String(counts[s])]);
    io.stdout.write(`${formatColumns(['STATE', 'ITEMS'], countRows)}\n\n`);
    io.stdout.write(entries.length > 0 ? `${formatEntries(entries)}\n` : `no items ${options.state === undefined ? 'on their way' : `in state ${options.state}`}\n`);
    return 0;
  });
}

export const outboxCommand: CliCommand = {
  usage: `  hcc outbox [--state S] [--limit N] [--json] [--db PATH]
                                                   items by state, and a listing (default: those still on their way)
`,
  run: (args, io) => runOutbox(parseOutboxArgs(args), io),
};
