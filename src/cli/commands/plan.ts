import type { Language } from '../../decision/decision-schema.js';
import { planCorrespondence } from '../../plan/plan-correspondence.js';
import type { CorrespondencePlan } from '../../plan/correspondence-plan.js';
import { checkRecords } from '../../intake/check-records.js';
import { stringifyForTerminal } from '../../text/escape-for-terminal.js';
import { reportInvalid } from '../report-invalid.js';
import type { CliIo } from '../cli-io.js';
import { formatPlanTable, noteMessage } from '../format-plan-table.js';
import { Progress } from '../progress.js';

export interface PlanOptions {
  readonly json: boolean;
  readonly language: Language;
}

/** The plan as `--json` prints it: each note with its explanation in both languages. */
function planJson(plan: CorrespondencePlan): unknown {
  return { ...plan, notes: plan.notes.map((n) => ({ ...n, message: { en: noteMessage(n, 'en'), fr: noteMessage(n, 'fr') } })) };
}

/**
 * `hcc plan`: plans every valid record. With `--json`, one record gives exactly one JSON object;
 * several give one object a line. Invalid records go to stderr; the exit code is then 1.
 */
export async function runPlan(paths: readonly string[], options: PlanOptions, io: CliIo): Promise<number> {
  const progress = new Progress(io, 'plan');
  let invalid = 0;
  let planned = 0;
  // The first plan is held back: if it stays alone it is printed as one pretty object.
  let first: CorrespondencePlan | undefined;
  for await (const checked of checkRecords(paths)) {
    progress.tick();
    if (!checked.valid) {
      invalid += 1;
      reportInvalid(checked, options.language, io);
      continue;
    }
    const plan = planCorrespondence(checked.record);
    planned += 1;
    if (!options.json) io.stdout.write(`${formatPlanTable(plan, options.language)}\n`);
    else if (planned === 1) first = plan;
    else {
      if (planned === 2 && first) io.stdout.write(`${stringifyForTerminal(planJson(first))}\n`);
      io.stdout.write(`${stringifyForTerminal(planJson(plan))}\n`);
    }
  }
  progress.done();
  if (!options.json) io.stdout.write(`${planned} planned, ${invalid} invalid\n`);
  if (planned === 1 && first) io.stdout.write(`${stringifyForTerminal(planJson(first), 2)}\n`);
  return invalid > 0 ? 1 : 0;
}
