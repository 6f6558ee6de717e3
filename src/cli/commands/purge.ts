import { parseArgs } from 'node:util';
import { logOutboxEvent } from '../../outbox/outbox-log.js';
import type { CliIo } from '../cli-io.js';
import type { CliCommand } from '../cli-command.js';
import { runWithStore } from '../outbox-session.js';
import { parseDay, parseId, parseNow } from '../parse-time-options.js';
import { UsageError } from '../usage-error.js';

export interface PurgeArgs {
  readonly before: Date;
  readonly now: Date;
  readonly by: string;
  readonly db?: string;
}

/** `hcc purge --before <YYYY-MM-DD | ISO date-time>`: a day means its start in UTC. Throws UsageError. */
export function parsePurgeArgs(args: readonly string[]): PurgeArgs {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: { before: { type: 'string' }, now: { type: 'string' }, by: { type: 'string' }, db: { type: 'string' } },
  });
  if (positionals.length > 0) throw new UsageError('hcc purge takes no arguments besides its options');
  if (values.before === undefined) throw new UsageError('hcc purge needs --before <YYYY-MM-DD or ISO date-time>');
  const before = values.before.includes('T') ? parseNow(values.before, '--before') : new Date(`${parseDay(values.before, '--before')}T00:00:00Z`);
  const now = parseNow(values.now);
  if (before.getTime() > now.getTime()) throw new UsageError('--before must not be after --now');
  return { before, now, by: values.by === undefined ? 'purge' : parseId(values.by, '--by'), ...(values.db === undefined ? {} : { db: values.db }) };
}

/** `hcc purge`: removes the records, bytes and personal data of decisions closed before the date; keeps a history row and the audit log. */
export async function runPurge(options: PurgeArgs, io: CliIo): Promise<number> {
  return runWithStore({ db: options.db, now: options.now, subject: 'purge' }, io, async ({ store }) => {
    const { purged } = await store.purge({ before: options.before, now: options.now, actor: options.by });
    logOutboxEvent({ event: 'decisions.purged', count: purged.length, actor: options.by });
    io.stdout.write(`purged ${purged.length} decision${purged.length === 1 ? '' : 's'}${purged.length > 0 ? `: ${purged.join(' ')}` : ''}\n`);
    return 0;
  });
}

export const purgeCommand: CliCommand = {
  usage: `  hcc purge --before DATE [--now ISO] [--by ID] [--db PATH]
                                                   remove personal data and bytes of decisions closed before DATE
`,
  run: (args, io) => runPurge(parsePurgeArgs(args), io),
};
