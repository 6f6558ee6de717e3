import type { RecordSource } from './read-records.js';

/** `file` or `file:line`, how every command names a record in its output. */
export function labelRecord(source: RecordSource): string {
  return source.line === undefined ? source.file : `${source.file}:${source.line}`;
}
