import { parseArgs } from 'node:util';
import { recordTrpDecision } from '../../outbox/record-trp-decision.js';
import { createRenderer } from '../../render/create-renderer.js';
import { loadPackageAssets } from '../../render/package-assets.js';
import type { CliIo } from '../cli-io.js';
import type { CliCommand } from '../cli-command.js';
import { runWithStore } from '../outbox-session.js';
import { parseDay, parseId, parseNow } from '../parse-time-options.js';
import { readHccConfig } from '../read-hcc-config.js';
import { UsageError } from '../usage-error.js';
import { formatOutcome, parseUci } from './confirm-departure.js';

export interface TrpDecisionArgs {
  readonly decisionId: string;
  readonly uci: string;
  readonly decision: 'issued' | 'refused';
  readonly by: string;
  readonly on?: string;
  readonly now: Date;
  readonly config?: string;
  readonly db?: string;
}

/** `hcc trp-decision <decisionId> --uci <uci> --issued|--refused --by <id> [--on DATE]`; throws UsageError. */
export function parseTrpDecisionArgs(args: readonly string[]): TrpDecisionArgs {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      uci: { type: 'string' },
      issued: { type: 'boolean', default: false },
      refused: { type: 'boolean', default: false },
      by: { type: 'string' },
      on: { type: 'string' },
      now: { type: 'string' },
      config: { type: 'string' },
      db: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('hcc trp-decision takes one decision id');
  if (values.issued === values.refused) throw new UsageError('hcc trp-decision needs exactly one of --issued and --refused');
  return {
    decisionId: parseId(positionals[0], 'the decision id'),
    uci: parseUci(values.uci),
    decision: values.issued ? 'issued' : 'refused',
    by: parseId(values.by, '--by'),
    ...(values.on === undefined ? {} : { on: parseDay(values.on, '--on') }),
    now: parseNow(values.now),
    ...(values.config === undefined ? {} : { config: values.config }),
    ...(values.db === undefined ? {} : { db: values.db }),
  };
}

/**
 * `hcc trp-decision`: the designated decision-maker's decision on one person's permit. A refusal
 * queues the no-status correspondence the plan calls for (awaiting approval), then records it.
 */
export async function runTrpDecision(options: TrpDecisionArgs, io: CliIo): Promise<number> {
  const config = await readHccConfig(options.config);
  return runWithStore({ db: options.db, now: options.now, subject: options.decisionId }, io, async ({ store }) => {
    const renderer = await createRenderer(loadPackageAssets(config.email));
    const result = await recordTrpDecision({
      store,
      renderer,
      decisionId: options.decisionId,
      uci: options.uci,
      decision: options.decision,
      by: options.by,
      now: options.now,
      approval: config.approval,
      ...(options.on === undefined ? {} : { on: options.on }),
    });
    io.stdout.write(formatOutcome(result.outcome));
    if (result.fired) {
      io.stdout.write(`queued ${result.fired.items.length} item${result.fired.items.length === 1 ? '' : 's'} for the refused permit:\n`);
      for (const item of result.fired.items) io.stdout.write(`  ${item.id}  ${item.kind}  ${item.channel}  ${item.state}\n`);
    }
    if (result.followUpsNotStored > 0) {
      io.stderr.write(`hcc: ${options.decisionId}: the refusal's new departure deadline is not watched by a follow-up; confirm the departure by hand.\n`);
    }
    return 0;
  });
}

export const trpDecisionCommand: CliCommand = {
  usage: `  hcc trp-decision <decisionId> --uci UCI --issued|--refused --by OFFICER [--on DATE] [--now ISO] [--config FILE] [--db PATH]
                                                   the permit decision; a refusal queues the no-status correspondence
`,
  run: (args, io) => runTrpDecision(parseTrpDecisionArgs(args), io),
};
