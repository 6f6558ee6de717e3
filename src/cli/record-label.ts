import type { RecordSource } from '../intake/read-records.js';
import { escapeForTerminal } from '../text/escape-for-terminal.js';

/**
 * `file` or `file:line`, how every command names a record in its output. A file found in a
 * directory was named by whoever wrote it there, so its name is escaped (never cut).
 */
export function labelRecord(source: RecordSource): string {
  const file = escapeForTerminal(source.file, { maxLength: Infinity });
  return source.line === undefined ? file : `${file}:${source.line}`;
}
