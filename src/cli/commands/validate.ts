import type { Language } from '../../decision/decision-schema.js';
import { checkRecords, type RecordIssue } from '../../intake/check-records.js';
import { escapeForTerminal, stringifyForTerminal } from '../../text/escape-for-terminal.js';
import type { CliIo } from '../cli-io.js';
import { Progress } from '../progress.js';
import { reportInvalid } from '../report-invalid.js';
import { labelRecord } from '../record-label.js';

export interface ValidateOptions {
  readonly json: boolean;
  readonly language: Language;
}

function issueLines(errors: readonly RecordIssue[], language: Language): string {
  return errors.map((e) => `    ${escapeForTerminal(`${e.path}  ${e.code}  ${e.message[language]}`, { maxLength: Infinity })}\n`).join('');
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
    const { source } = checked;
    if (checked.valid) valid += 1;
    else invalid += 1;
    if (options.json) {
      report.push({ file: source.file, ...(source.line ? { line: source.line } : {}), valid: checked.valid, errors: checked.valid ? [] : checked.errors });
      continue;
    }
    if (checked.valid) {
      io.stdout.write(`ok       ${labelRecord(source)}  ${escapeForTerminal(checked.record.decisionId)}\n`);
    } else if (checked.failure === 'input') {
      reportInvalid(checked, options.language, io);
    } else {
      // An invalid record's id is whatever it held: escaped and cut like any record text.
      const id = checked.decisionId ? `  ${escapeForTerminal(checked.decisionId)}` : '';
      io.stdout.write(`INVALID  ${labelRecord(source)}${id}\n${issueLines(checked.errors, options.language)}`);
    }
  }
  progress.done();
  // File names found on disk may hold any character; JSON's \u escapes keep the report the same value.
  if (options.json) io.stdout.write(`${stringifyForTerminal(report, 2)}\n`);
  else io.stdout.write(`${plural(valid + invalid, 'record')}: ${valid} valid, ${invalid} invalid\n`);
  return invalid > 0 ? 1 : 0;
}
