import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { InputError } from './input-error.js';
import { jsonErrorOffset } from './json-error-offset.js';

/** The largest record accepted, in bytes: far above any real decision, low enough to refuse junk. */
export const MAX_RECORD_BYTES = 1024 * 1024;

/** Where a record came from: a file, and for newline-delimited files the 1-based line. */
export interface RecordSource {
  readonly file: string;
  readonly line?: number;
}

export type RecordInput =
  | { readonly source: RecordSource; readonly ok: true; readonly value: Record<string, unknown> }
  | { readonly source: RecordSource; readonly ok: false; readonly error: InputError };

const RECORD_FILE = /\.(?:json|ndjson|jsonl)$/i;
const LINES_FILE = /\.(?:ndjson|jsonl)$/i;

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** Parses the text of one record; throws `InputError` naming what is wrong, never echoing the text. */
export function parseRecordText(text: string): Record<string, unknown> {
  const body = text.replace(/^\uFEFF/, '');
  if (Buffer.byteLength(body) > MAX_RECORD_BYTES) throw new InputError('INPUT_TOO_LARGE', { limit: MAX_RECORD_BYTES });
  if (body.trim() === '') throw new InputError('INPUT_EMPTY');
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (cause) {
    // V8's message quotes the input, which may hold personal data: only the position is kept.
    throw new InputError('INPUT_NOT_JSON', lineAndColumn(body, jsonErrorOffset(body)), { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError('INPUT_NOT_OBJECT');
  return value as Record<string, unknown>;
}

function unreadable(cause: unknown): InputError {
  const reason = (cause as NodeJS.ErrnoException | undefined)?.code ?? 'unknown';
  return new InputError('INPUT_UNREADABLE', { reason }, { cause });
}

/** Expands directories into the record files they hold, sorted, one level deep. */
async function expandPaths(paths: readonly string[]): Promise<Array<{ file: string; error?: InputError }>> {
  const out: Array<{ file: string; error?: InputError }> = [];
  for (const path of paths) {
    try {
      if ((await stat(path)).isDirectory()) {
        const names = (await readdir(path)).filter((n) => RECORD_FILE.test(n)).sort();
        if (names.length === 0) out.push({ file: path, error: new InputError('INPUT_EMPTY') });
        out.push(...names.map((n) => ({ file: join(path, n) })));
        continue;
      }
    } catch (cause) {
      out.push({ file: path, error: unreadable(cause) });
      continue;
    }
    out.push({ file: path });
  }
  return out;
}

async function* readLines(file: string): AsyncGenerator<RecordInput> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  let records = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    records += 1;
    const source = { file, line };
    try {
      yield { source, ok: true, value: parseRecordText(text) };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      yield { source, ok: false, error };
    }
  }
  if (records === 0) yield { source: { file }, ok: false, error: new InputError('INPUT_EMPTY') };
}

async function* readOne(file: string): AsyncGenerator<RecordInput> {
  const source = { file };
  let text: string;
  try {
    const info = await stat(file);
    if (info.isFile() && info.size > MAX_RECORD_BYTES) {
      // Refused before reading, so a huge file costs nothing.
      yield { source, ok: false, error: new InputError('INPUT_TOO_LARGE', { limit: MAX_RECORD_BYTES }) };
      return;
    }
    text = await readFile(file, 'utf8');
  } catch (cause) {
    yield { source, ok: false, error: unreadable(cause) };
    return;
  }
  try {
    yield { source, ok: true, value: parseRecordText(text) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    yield { source, ok: false, error };
  }
}

/**
 * Reads every record named by `paths` (files, directories, `.ndjson`/`.jsonl` files of one record
 * a line), in order. A bad file or line becomes an error entry; it never stops the others.
 */
export async function* readRecords(paths: readonly string[]): AsyncGenerator<RecordInput> {
  for (const { file, error } of await expandPaths(paths)) {
    if (error) {
      yield { source: { file }, ok: false, error };
      continue;
    }
    if (!LINES_FILE.test(file)) {
      yield* readOne(file);
      continue;
    }
    try {
      yield* readLines(file);
    } catch (cause) {
      yield { source: { file }, ok: false, error: unreadable(cause) };
    }
  }
}

/**
 * How many records `readRecords(paths)` will yield, for a progress bar: one per plain file, one
 * per non-blank line of a newline-delimited file (read as a stream, without parsing). Unreadable
 * paths count as the one error entry they become.
 */
export async function countRecords(paths: readonly string[]): Promise<number> {
  let total = 0;
  for (const { file, error } of await expandPaths(paths)) {
    if (error || !LINES_FILE.test(file)) {
      total += 1;
      continue;
    }
    let lines = 0;
    try {
      for await (const text of createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })) {
        if (text.trim() !== '') lines += 1;
      }
    } catch {
      lines = 0;
    }
    total += Math.max(lines, 1);
  }
  return total;
}
