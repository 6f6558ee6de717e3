import type { Language } from '../decision/decision-schema.js';
import type { CheckedRecord } from '../intake/check-records.js';
import { escapeForTerminal } from '../text/escape-for-terminal.js';
import type { CliIo } from './cli-io.js';
import { labelRecord } from './record-label.js';

/**
 * One line on stderr per reason a record was rejected: where, the code, and the explanation.
 * Paths and messages are built escaped; each line is escaped once more as a whole, so nothing a
 * record holds can reach the terminal raw.
 */
export function reportInvalid(checked: Extract<CheckedRecord, { valid: false }>, language: Language, io: CliIo): void {
  const where = labelRecord(checked.source);
  for (const e of checked.errors) {
    const at = e.path === '$' ? '' : ` at ${e.path}`;
    io.stderr.write(`${escapeForTerminal(`hcc: ${where}: ${e.code}${at}: ${e.message[language]}`, { maxLength: Infinity })}\n`);
  }
}
