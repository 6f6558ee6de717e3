import { parseArgs } from 'node:util';
import { logOutboxEvent } from '../../outbox/outbox-log.js';
import type { CliIo } from '../cli-io.js';
import type { CliCommand } from '../cli-command.js';
import { runWithStore } from '../outbox-session.js';
import { parseId, parseNow } from '../parse-time-options.js';
import { UsageError } from '../usage-error.js';

export interface RejectArgs {
  readonly decisionId: string;
  readonly by: string;
  readonly reason: string;
  readonly now: Date;
  readonly db?: string;
}

/** The store keeps a rejection reason of this many characters at most. */
const MAX_REASON = 4000;

/** `hcc reject <decisionId> --by <officerId> --reason <text>`; throws UsageError. */
export function parseRejectArgs(args: readonly string[]): RejectArgs {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: { by: { type: 'string' }, reason: { type: 'string' }, now: { type: 'string' }, db: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('hcc reject takes one decision id');
  const reason = values.reason ?? '';
  if (!/\S/.test(reason) || reason.length > MAX_REASON) throw new UsageError(`--reason must be a non-blank text of at most ${MAX_REASON} characters`);
  return {
    decisionId: parseId(positionals[0], 'the decision id'),
    by: parseId(values.by, '--by'),
    reason,
    now: parseNow(values.now),
    ...(values.db === undefined ? {} : { db: values.db }),
  };
}

/** `hcc reject`: the current revision's awaiting items become `rejected`; the reason is stored with the revision, never logged. */
export async function runReject(options: RejectArgs, io: CliIo): Promise<number> {
  return runWithStore({ db: options.db, now: options.now, subject: options.decisionId }, io, async ({ store }) => {
    const result = await store.reject(options.decisionId, { by: options.by, reason: options.reason, now: options.now });
    logOutboxEvent({ event: 'decision.rejected', decisionId: result.decisionId, revision: result.revision, actor: options.by, itemIds: result.rejected.map((i) => i.id) });
    io.stdout.write(`rejected ${result.rejected.length} item${result.rejected.length === 1 ? '' : 's'} of ${result.decisionId} r${result.revision}\n`);
    return 0;
  });
}

export const rejectCommand: CliCommand = {
  usage: `  hcc reject <decisionId> --by OFFICER --reason TEXT [--now ISO] [--db PATH]
                                                   reject what awaits approval (the reason is kept, never logged)
`,
  run: (args, io) => runReject(parseRejectArgs(args), io),
};
