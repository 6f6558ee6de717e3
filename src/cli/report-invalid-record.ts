import type { Language } from '../decision/decision-schema.js';
import type { CheckedRecord, RecordIssue } from '../intake/check-records.js';
import { escapeForTerminal } from '../text/escape-for-terminal.js';
import type { CliIo } from './cli-io.js';
import { labelRecord } from './record-label.js';
import { reportInvalid } from './report-invalid.js';

function issueLines(errors: readonly RecordIssue[], language: Language): string {
  return errors.map((e) => `    ${escapeForTerminal(`${e.path}  ${e.code}  ${e.message[language]}`, { maxLength: Infinity })}\n`).join('');
}

/**
 * An invalid record as `hcc validate` reports it, and as every command that takes records does:
 * a record that is not one (unreadable, not JSON…) as one line a reason on stderr; a record that
 * fails validation as an `INVALID` heading and one line per issue on stdout.
 */
export function reportInvalidRecord(checked: Extract<CheckedRecord, { valid: false }>, language: Language, io: CliIo): void {
  if (checked.failure === 'input') {
    reportInvalid(checked, language, io);
    return;
  }
  // An invalid record's id is whatever it held: escaped and cut like any record text.
  const id = checked.decisionId ? `  ${escapeForTerminal(checked.decisionId)}` : '';
  io.stdout.write(`INVALID  ${labelRecord(checked.source)}${id}\n${issueLines(checked.errors, language)}`);
}

/** A record's entry in `hcc validate --json`: `{ file, line?, valid, errors }`. */
export function validationEntry(checked: CheckedRecord): { file: string; line?: number; valid: boolean; errors: readonly RecordIssue[] } {
  const { source } = checked;
  return { file: source.file, ...(source.line ? { line: source.line } : {}), valid: checked.valid, errors: checked.valid ? [] : checked.errors };
}
