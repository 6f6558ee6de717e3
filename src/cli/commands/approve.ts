import { parseArgs } from 'node:util';
import { approvalRule } from '../../outbox/approval-config.js';
import { logOutboxEvent } from '../../outbox/outbox-log.js';
import type { CliIo } from '../cli-io.js';
import type { CliCommand } from '../cli-command.js';
import { runWithStore } from '../outbox-session.js';
import { parseId, parseNow } from '../parse-time-options.js';
import { readHccConfig } from '../read-hcc-config.js';
import { UsageError } from '../usage-error.js';

export interface ApproveArgs {
  readonly decisionId: string;
  readonly by: string;
  readonly sha256s: readonly string[];
  readonly now: Date;
  readonly db?: string;
  readonly config?: string;
}

/**
 * `hcc approve <decisionId> --by <officerId> --sha256 <hash>…`: the hashes may follow one
 * `--sha256` (`--sha256 H1 H2`), repeat it, or be separated by commas. Throws UsageError.
 */
export function parseApproveArgs(args: readonly string[]): ApproveArgs {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      by: { type: 'string' },
      sha256: { type: 'string', multiple: true },
      now: { type: 'string' },
      db: { type: 'string' },
      config: { type: 'string' },
    },
  });
  const [decisionId, ...more] = positionals;
  if (decisionId === undefined) throw new UsageError('hcc approve needs a decision id');
  const sha256s = [...(values.sha256 ?? []), ...more].flatMap((h) => h.split(',')).map((h) => h.trim().toLowerCase()).filter((h) => h !== '');
  if (values.sha256 === undefined || sha256s.length === 0) throw new UsageError('hcc approve needs --sha256 with the hash of every item approved (hcc status shows them)');
  const bad = sha256s.find((h) => !/^[0-9a-f]{64}$/.test(h));
  if (bad !== undefined) throw new UsageError('--sha256 takes SHA-256 hashes: 64 hexadecimal digits each');
  return {
    decisionId: parseId(decisionId, 'the decision id'),
    by: parseId(values.by, '--by'),
    sha256s,
    now: parseNow(values.now),
    ...(values.db === undefined ? {} : { db: values.db }),
    ...(values.config === undefined ? {} : { config: values.config }),
  };
}

/** `hcc approve`: approves the items whose stored bytes hash to the hashes given, or nothing (HASH_MISMATCH, exit 1). */
export async function runApprove(options: ApproveArgs, io: CliIo): Promise<number> {
  const config = await readHccConfig(options.config);
  return runWithStore({ db: options.db, now: options.now, subject: options.decisionId }, io, async ({ store }) => {
    const result = await store.approve(options.decisionId, { by: options.by, sha256s: options.sha256s, now: options.now, policy: approvalRule(config.approval) });
    logOutboxEvent({ event: 'decision.approved', decisionId: result.decisionId, revision: result.revision, actor: options.by, itemIds: result.approved.map((i) => i.id) });
    io.stdout.write(`approved ${result.approved.length} item${result.approved.length === 1 ? '' : 's'} of ${result.decisionId} r${result.revision}\n`);
    for (const item of result.approved) io.stdout.write(`  ${item.id}  ${item.kind}  ${item.channel}\n`);
    return 0;
  });
}

export const approveCommand: CliCommand = {
  usage: `  hcc approve <decisionId> --by OFFICER --sha256 HASH... [--now ISO] [--config FILE] [--db PATH]
                                                   approve the items whose exact bytes have these hashes (all or nothing)
`,
  run: (args, io) => runApprove(parseApproveArgs(args), io),
};
