import { parseArgs } from 'node:util';
import { LANGUAGES, type Language } from '../../decision/decision-schema.js';
import { submitRecordBatch, type BatchOutcome } from '../../outbox/submit-record-batch.js';
import { createRenderPool } from '../../render/render-pool.js';
import type { ItemSummary } from '../../store/store.js';
import { escapeForTerminal, stringifyForTerminal } from '../../text/escape-for-terminal.js';
import type { CliIo } from '../cli-io.js';
import type { CliCommand } from '../cli-command.js';
import { runWithStore } from '../outbox-session.js';
import { parseId, parseNow } from '../parse-time-options.js';
import { Progress } from '../progress.js';
import { readHccConfig } from '../read-hcc-config.js';
import { labelRecord } from '../record-label.js';
import { reportInvalidRecord, validationEntry } from '../report-invalid-record.js';
import { UsageError } from '../usage-error.js';

export interface SubmitArgs {
  readonly paths: readonly string[];
  readonly db?: string;
  readonly config?: string;
  readonly workers?: number;
  readonly now: Date;
  readonly json: boolean;
  readonly language: Language;
  /** Who submits (a service or officer id). */
  readonly by: string;
}

/** `hcc submit`'s command line; throws UsageError. */
export function parseSubmitArgs(args: readonly string[]): SubmitArgs {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      db: { type: 'string' },
      config: { type: 'string' },
      workers: { type: 'string' },
      now: { type: 'string' },
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
      by: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('hcc submit needs at least one file or directory');
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(/^\d+$/.test(values.workers ?? '') && workers >= 1 && workers <= 64)) throw new UsageError('--workers must be a whole number from 1 to 64');
  const language = values.lang === undefined ? 'en' : LANGUAGES.find((l) => l === values.lang);
  if (language === undefined) throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}`);
  return {
    paths: positionals,
    ...(values.db === undefined ? {} : { db: values.db }),
    ...(values.config === undefined ? {} : { config: values.config }),
    ...(workers === undefined ? {} : { workers }),
    now: parseNow(values.now),
    json: values.json,
    language,
    by: values.by === undefined ? 'hcc-submit' : parseId(values.by, '--by'),
  };
}

const ids = (items: readonly ItemSummary[]) => items.map((i) => `${i.id} (${i.state})`).join(', ');

function humanLine(outcome: Exclude<BatchOutcome, { status: 'invalid' | 'failed' }>): string {
  const { result } = outcome;
  const head = `${result.status.padEnd(9)}  ${labelRecord(outcome.source)}  ${result.decisionId}  r${result.revision}  ${result.items.length} items`;
  if (result.status !== 'revised') return `${head}\n`;
  const superseded = result.superseded.length > 0 ? `\n    superseded: ${ids(result.superseded)}` : '';
  const kept = result.kept.length > 0 ? `\n    kept: ${ids(result.kept)}` : '';
  return `${head}${superseded}${kept}\n`;
}

function jsonEntry(outcome: BatchOutcome): unknown {
  const { source } = outcome;
  const where = { file: source.file, ...(source.line ? { line: source.line } : {}) };
  if (outcome.status === 'invalid') return { ...validationEntry(outcome.checked), status: 'invalid' };
  if (outcome.status === 'failed') return { ...where, status: 'failed', decisionId: outcome.decisionId, code: outcome.code, ...(outcome.office === undefined ? {} : { office: outcome.office }) };
  const { result } = outcome;
  const summary = (i: ItemSummary) => ({ id: i.id, kind: i.kind, channel: i.channel, state: i.state });
  return {
    ...where,
    status: result.status,
    decisionId: result.decisionId,
    revision: result.revision,
    recordSha256: result.recordSha256,
    items: result.items.map(summary),
    superseded: result.superseded.map(summary),
    kept: result.kept.map(summary),
  };
}

/**
 * `hcc submit`: validate, plan, render on the pool, store each decision in its own transaction.
 * Exit 0 when every record was stored (or was already), 1 when any was invalid or failed.
 */
export async function runSubmit(options: SubmitArgs, io: CliIo): Promise<number> {
  const config = await readHccConfig(options.config);
  return runWithStore({ db: options.db, now: options.now, subject: 'submit' }, io, async ({ store }) => {
    const pool = createRenderPool({ config: config.email, ...(options.workers === undefined ? {} : { workers: options.workers }) });
    const progress = new Progress(io, 'submit');
    const counts = { created: 0, revised: 0, unchanged: 0, invalid: 0, failed: 0 };
    const report: unknown[] = [];
    try {
      for await (const outcome of submitRecordBatch({ store, pool }, options.paths, { now: options.now, actor: options.by, approval: config.approval })) {
        progress.tick();
        counts[outcome.status] += 1;
        if (options.json) report.push(jsonEntry(outcome));
        else if (outcome.status === 'invalid') reportInvalidRecord(outcome.checked, options.language, io);
        else if (outcome.status === 'failed') {
          const office = outcome.office === undefined ? '' : ` No address is configured for the CBSA office ${escapeForTerminal(outcome.office, { quote: true })}.`;
          io.stderr.write(`hcc: ${labelRecord(outcome.source)}: ${outcome.code}: ${escapeForTerminal(outcome.decisionId)} was not stored.${office}\n`);
        } else io.stdout.write(humanLine(outcome));
      }
    } finally {
      await pool.close();
      progress.done();
    }
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    if (options.json) io.stdout.write(`${stringifyForTerminal(report, 2)}\n`);
    else io.stdout.write(`${total} record${total === 1 ? '' : 's'}: ${counts.created} created, ${counts.revised} revised, ${counts.unchanged} unchanged, ${counts.invalid} invalid, ${counts.failed} failed\n`);
    return counts.invalid + counts.failed > 0 ? 1 : 0;
  });
}

export const submitCommand: CliCommand = {
  usage: `  hcc submit <path...> [--db PATH] [--config FILE] [--workers N] [--now ISO] [--by ID] [--json] [--lang en|fr]
                                                   validate, render and store each decision: created, revised, unchanged or invalid
`,
  run: (args, io) => runSubmit(parseSubmitArgs(args), io),
};
