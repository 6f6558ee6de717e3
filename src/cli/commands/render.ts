import type { Language } from '../../decision/decision-schema.js';
import type { HccErrorCode } from '../../errors.js';
import type { EmailConfig } from '../../email/email-config.js';
import { createRenderPool } from '../../render/render-pool.js';
import { checkRecords } from '../../intake/check-records.js';
import { describeInputError } from '../../intake/describe-input-error.js';
import { countRecords } from '../../intake/read-records.js';
import { OutputError } from '../../output/output-error.js';
import { prepareOutputFolder } from '../../output/write-decision-folder.js';
import { escapeForTerminal } from '../../text/escape-for-terminal.js';
import type { CliIo } from '../cli-io.js';
import { Progress } from '../progress.js';
import { labelRecord } from '../record-label.js';
import { reportInvalid } from '../report-invalid.js';

export interface RenderOptions {
  readonly out: string;
  readonly language: Language;
  /** Worker threads that render; one per core by default. */
  readonly workers?: number;
  readonly email: EmailConfig;
}

interface Row {
  readonly decisionId: string;
  readonly pdfs: number;
  readonly emails: number;
  readonly followUps: number;
}

function formatTable(rows: readonly Row[]): string {
  const header = ['DECISION', 'PDFS', 'EMAILS', 'FOLLOW-UPS'];
  const body = rows.map((r) => [r.decisionId, String(r.pdfs), String(r.emails), String(r.followUps)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  return [header, ...body].map((cells) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('   ').trimEnd()).join('\n');
}

/**
 * `hcc render`: writes `<out>/<decisionId>/` for each valid decision (PDFs, emails, previews,
 * manifest.json). Invalid records and records that fail to render are reported with their codes
 * and skipped; the others still render. Exit 1 if any record was skipped; exit 2, before any
 * record is read, when the --out folder cannot be written (`OUTPUT_UNWRITABLE`, said once).
 */
export async function runRender(paths: readonly string[], options: RenderOptions, io: CliIo): Promise<number> {
  try {
    await prepareOutputFolder(options.out);
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    const out = escapeForTerminal(options.out, { maxLength: Infinity });
    io.stderr.write(`hcc: --out ${out}: ${error.code}: ${describeInputError(error)[options.language]}\n`);
    return 2;
  }
  const pool = createRenderPool({ config: options.email, ...(options.workers === undefined ? {} : { workers: options.workers }) });
  // Enough records in flight to keep every worker busy, few enough to keep memory flat.
  const window = pool.size * 8;
  // Counting first costs one quick pass over the input, and gives the bar its end.
  const progress = new Progress(io, 'render', io.stderr.isTTY ? await countRecords(paths) : undefined);
  const rows: Row[] = [];
  const seen = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let failed = 0;

  for await (const checked of checkRecords(paths)) {
    if (!checked.valid) {
      failed += 1;
      progress.tick();
      reportInvalid(checked, options.language, io);
      continue;
    }
    const { record, source } = checked;
    if (seen.has(record.decisionId)) {
      failed += 1;
      progress.tick();
      const code: HccErrorCode = 'DECISION_DUPLICATE';
      io.stderr.write(`hcc: ${labelRecord(source)}: ${code}: ${escapeForTerminal(record.decisionId)} already appears earlier in this batch; skipped.\n`);
      continue;
    }
    seen.add(record.decisionId);
    const task = (async () => {
      const id = escapeForTerminal(record.decisionId);
      try {
        const outcome = await pool.renderToFolder(record, options.out);
        if (!outcome.ok) {
          failed += 1;
          if (outcome.detail !== undefined) {
            io.stderr.write(`hcc: ${labelRecord(source)}: ${outcome.code}: ${id}: ${describeInputError({ code: outcome.code, detail: outcome.detail })[options.language]}\n`);
            return;
          }
          // The code and the decision id only: a message could quote the record. An unknown CBSA
          // office is named (an office, not a person): it is what the operator must add to the configuration.
          const office = outcome.office === undefined ? '' : ` No address is configured for the CBSA office ${escapeForTerminal(outcome.office, { quote: true })}.`;
          io.stderr.write(`hcc: ${labelRecord(source)}: ${outcome.code}: ${id} could not be rendered.${office}\n`);
          return;
        }
        const { written } = outcome;
        rows.push({ decisionId: written.decisionId, pdfs: written.pdfs, emails: written.emails, followUps: written.followUps });
      } finally {
        progress.tick();
      }
    })();
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
    if (inFlight.size >= window) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  await pool.close();
  progress.done();
  rows.sort((a, b) => (a.decisionId < b.decisionId ? -1 : a.decisionId > b.decisionId ? 1 : 0));
  const table = rows.length > 0 ? `${formatTable(rows)}\n` : '';
  io.stdout.write(`${table}${rows.length} rendered to ${options.out}, ${failed} skipped\n`);
  return failed > 0 ? 1 : 0;
}
