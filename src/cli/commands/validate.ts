import type { Language } from '../../decision/decision-schema.js';
import { checkRecords } from '../../intake/check-records.js';
import { escapeForTerminal, stringifyForTerminal } from '../../text/escape-for-terminal.js';
import type { CliIo } from '../cli-io.js';
import { Progress } from '../progress.js';
import { reportInvalidRecord, validationEntry } from '../report-invalid-record.js';
import { labelRecord } from '../record-label.js';

export interface ValidateOptions {
  readonly json: boolean;
  readonly language: Language;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** `hcc validate`: 0 when every record is valid, 1 when any is not. */
export async function runValidate(paths: readonly string[], options: ValidateOptions, io: CliIo): Promise<number> {
  const progress = new Progress(io, 'validate');
  const report: unknown[] = [];
  let valid = 0;
  let invalid = 0;
  for await (const checked of checkRecords(paths)) {
    progress.tick();
    if (checked.valid) valid += 1;
    else invalid += 1;
    if (options.json) {
      report.push(validationEntry(checked));
      continue;
    }
    if (checked.valid) io.stdout.write(`ok       ${labelRecord(checked.source)}  ${escapeForTerminal(checked.record.decisionId)}\n`);
    else reportInvalidRecord(checked, options.language, io);
  }
  progress.done();
  // File names found on disk may hold any character; JSON's \u escapes keep the report the same value.
  if (options.json) io.stdout.write(`${stringifyForTerminal(report, 2)}\n`);
  else io.stdout.write(`${plural(valid + invalid, 'record')}: ${valid} valid, ${invalid} invalid\n`);
  return invalid > 0 ? 1 : 0;
}
