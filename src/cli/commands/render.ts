import { join } from 'node:path';
import type { Language } from '../../decision/decision-schema.js';
import { createTemplateEngine } from '../../compose/template-engine.js';
import { HccError } from '../../errors.js';
import { CbsaOfficeUnknownError } from '../../email/cbsa-office-error.js';
import { packageRoot } from '../../package-root.js';
import { renderDecision } from '../../render/render-decision.js';
import type { EmailConfig } from '../../email/email-config.js';
import { checkRecords } from '../../intake/check-records.js';
import { describeInputError } from '../../intake/describe-input-error.js';
import { countRecords } from '../../intake/read-records.js';
import { OutputError } from '../../output/output-error.js';
import { prepareOutputFolder, writeDecisionFolder } from '../../output/write-decision-folder.js';
import { escapeForTerminal } from '../../text/escape-for-terminal.js';
import type { CliIo } from '../cli-io.js';
import { Progress } from '../progress.js';
import { labelRecord } from '../record-label.js';
import { reportInvalid } from '../report-invalid.js';

export interface RenderOptions {
  readonly out: string;
  readonly language: Language;
  /** Decisions in flight at once: rendering is CPU-bound, so this only overlaps the writing. */
  readonly concurrency: number;
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
  const engine = createTemplateEngine(join(packageRoot(), 'templates'));
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
      io.stderr.write(`hcc: ${labelRecord(source)}: DECISION_DUPLICATE: ${escapeForTerminal(record.decisionId)} already appears earlier in this batch; skipped.\n`);
      continue;
    }
    seen.add(record.decisionId);
    const task = (async () => {
      try {
        const rendered = await renderDecision(record, { engine, email: options.email });
        await writeDecisionFolder(options.out, rendered);
        const count = (kind: string) => rendered.files.filter((f) => f.kind === kind).length;
        rows.push({ decisionId: record.decisionId, pdfs: rendered.files.filter((f) => f.mediaType === 'application/pdf').length, emails: count('email'), followUps: rendered.manifest.followUps.length });
      } catch (error) {
        failed += 1;
        const id = escapeForTerminal(record.decisionId);
        if (error instanceof OutputError) {
          io.stderr.write(`hcc: ${labelRecord(source)}: ${error.code}: ${id}: ${describeInputError(error)[options.language]}\n`);
        } else {
          // The code and the decision id only: a message could quote the record. An unknown CBSA
          // office is named (an office, not a person): it is what the operator must add to the configuration.
          const code = error instanceof HccError ? error.code : 'INTERNAL';
          const office = error instanceof CbsaOfficeUnknownError ? ` No address is configured for the CBSA office ${escapeForTerminal(error.office, { quote: true })}.` : '';
          io.stderr.write(`hcc: ${labelRecord(source)}: ${code}: ${id} could not be rendered.${office}\n`);
        }
      } finally {
        progress.tick();
      }
    })();
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
    if (inFlight.size >= options.concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  progress.done();
  rows.sort((a, b) => (a.decisionId < b.decisionId ? -1 : a.decisionId > b.decisionId ? 1 : 0));
  const table = rows.length > 0 ? `${formatTable(rows)}\n` : '';
  io.stdout.write(`${table}${rows.length} rendered to ${options.out}, ${failed} skipped\n`);
  return failed > 0 ? 1 : 0;
}
