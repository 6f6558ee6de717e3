import type { Language } from '../decision/decision-schema.js';
import type { CheckedRecord } from './check-records.js';
import type { CliIo } from './cli-io.js';
import { labelRecord } from './record-label.js';

/** One line on stderr per reason a record was rejected: where, the code, and the explanation. */
export function reportInvalid(checked: Extract<CheckedRecord, { valid: false }>, language: Language, io: CliIo): void {
  const where = labelRecord(checked.source);
  for (const e of checked.errors) {
    const at = e.path === '$' ? '' : ` at ${e.path}`;
    io.stderr.write(`hcc: ${where}: ${e.code}${at}: ${e.message[language]}\n`);
  }
}
