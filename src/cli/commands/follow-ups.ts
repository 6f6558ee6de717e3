import { parseArgs } from 'node:util';
import { fireDueFollowUps, firesByDate } from '../../outbox/fire-due-follow-ups.js';
import { createRenderer } from '../../render/create-renderer.js';
import { loadPackageAssets } from '../../render/package-assets.js';
import type { DueFollowUp } from '../../store/store.js';
import { stringifyForTerminal } from '../../text/escape-for-terminal.js';
import type { CliIo } from '../cli-io.js';
import type { CliCommand } from '../cli-command.js';
import { formatColumns } from '../format-columns.js';
import { describeOutboxError, runWithStore } from '../outbox-session.js';
import { parseId, parseNow } from '../parse-time-options.js';
import { readHccConfig } from '../read-hcc-config.js';
import { UsageError } from '../usage-error.js';

export interface FollowUpsArgs {
  readonly now: Date;
  readonly json: boolean;
  /** Fire what is due (as `hcc deliver` does) instead of only showing it. */
  readonly fire: boolean;
  readonly by: string;
  readonly config?: string;
  readonly db?: string;
}

/** `hcc follow-ups [--now ISO] [--json] [--fire]`; throws UsageError. */
export function parseFollowUpsArgs(args: readonly string[]): FollowUpsArgs {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      now: { type: 'string' },
      json: { type: 'boolean', default: false },
      fire: { type: 'boolean', default: false },
      by: { type: 'string' },
      config: { type: 'string' },
      db: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError('hcc follow-ups takes no arguments besides its options');
  return {
    now: parseNow(values.now),
    json: values.json,
    fire: values.fire,
    by: values.by === undefined ? 'hcc-follow-ups' : parseId(values.by, '--by'),
    ...(values.config === undefined ? {} : { config: values.config }),
    ...(values.db === undefined ? {} : { db: values.db }),
  };
}

/** What a due follow-up leads to: a departure deadline passed fires its notice; a permit's decision is awaited. */
function viewOf(due: DueFollowUp) {
  return {
    id: due.id,
    decisionId: due.decisionId,
    revision: due.revision,
    kind: due.kind,
    ...(due.kind === 'trp-decision' ? {} : { dueOn: due.dueOn }),
    persons: due.persons,
    action: firesByDate(due) ? 'fires' : 'awaits-decision',
    document: due.ifNotConfirmed,
  };
}

/**
 * `hcc follow-ups`: what is due at `--now` (a dry view: the follow-ups whose day is over with
 * persons still unaccounted for, and the notice each would queue). `--fire` queues them, once,
 * as `hcc deliver` does before it sends.
 */
export async function runFollowUps(options: FollowUpsArgs, io: CliIo): Promise<number> {
  const config = await readHccConfig(options.config);
  return runWithStore({ db: options.db, now: options.now, subject: 'follow-ups' }, io, async ({ store }) => {
    const due = (await store.dueFollowUps(options.now)).map(viewOf);
    if (!options.fire) {
      if (options.json) io.stdout.write(`${stringifyForTerminal(due, 2)}\n`);
      else if (due.length === 0) io.stdout.write('nothing due\n');
      else {
        const rows = due.map((d) => [d.id, d.kind, d.dueOn ?? '-', d.action === 'fires' ? `fires ${d.document}` : 'awaits the permit decision', d.persons.join(' ')]);
        io.stdout.write(`${formatColumns(['FOLLOW-UP', 'KIND', 'DUE', 'WOULD', 'PERSONS'], rows)}\n`);
      }
      return 0;
    }
    const renderer = await createRenderer(loadPackageAssets(config.email));
    const { fired, failed } = await fireDueFollowUps({ store, renderer, now: options.now, actor: options.by, approval: config.approval });
    for (const f of failed) io.stderr.write(`${describeOutboxError(f.followUpId, f.code)}\n`);
    if (options.json) io.stdout.write(`${stringifyForTerminal({ fired, failed }, 2)}\n`);
    else {
      for (const f of fired) io.stdout.write(`fired ${f.followUpId}: ${f.items.length} item${f.items.length === 1 ? '' : 's'} queued (${f.items.map((i) => `${i.id} ${i.state}`).join(', ')})\n`);
      io.stdout.write(`${fired.length} fired, ${failed.length} failed\n`);
    }
    return failed.length > 0 ? 1 : 0;
  });
}

export const followUpsCommand: CliCommand = {
  usage: `  hcc follow-ups [--now ISO] [--json] [--fire] [--config FILE] [--db PATH]
                                                   what is due (dry view); --fire queues the notices, once
`,
  run: (args, io) => runFollowUps(parseFollowUpsArgs(args), io),
};
