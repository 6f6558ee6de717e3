import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from './input-error.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from './input-limits.js';
import { parseRecordBytes } from './parse-record-bytes.js';
import { openRegularFile, readRegularFile, unreadable } from './read-regular-file.js';
import { readNdjsonStream } from './read-record-stream.js';
import { isBlankLine, splitLines } from './split-lines.js';

/** Where a record came from: a file, and for newline-delimited files the 1-based line. */
export interface RecordSource {
  readonly file: string;
  readonly line?: number;
}

/** One record read: its JSON object, or the input error that kept it from being one. */
export type RecordInput =
  | { readonly source: RecordSource; readonly ok: true; readonly value: Record<string, unknown> }
  | { readonly source: RecordSource; readonly ok: false; readonly error: InputError };

const RECORD_FILE = /\.(?:json|ndjson|jsonl)$/i;
const LINES_FILE = /\.(?:ndjson|jsonl)$/i;
const STREAM_CHUNK = 64 * 1024;

/**
 * Expands directories into the record files they name, sorted, one level deep. Nothing is opened
 * here: each file is checked to be a regular file when it is read.
 */
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

async function* readLines(file: string, limits: InputLimits): AsyncGenerator<RecordInput> {
  const { handle } = await openRegularFile(file);
  // The stream owns the descriptor from here: it closes it at the end, on error, or when the reader stops early.
  const stream = handle.createReadStream({ highWaterMark: STREAM_CHUNK });
  let records = 0;
  for await (const input of readNdjsonStream(stream, limits)) {
    records += 1;
    const source = { file, line: input.line };
    yield input.ok ? { source, ok: true, value: input.value } : { source, ok: false, error: input.error };
  }
  if (records === 0) yield { source: { file }, ok: false, error: new InputError('INPUT_EMPTY') };
}

async function readOne(file: string, limits: InputLimits): Promise<RecordInput> {
  const source = { file };
  try {
    return { source, ok: true, value: parseRecordBytes(await readRegularFile(file, limits.maxBytes), limits) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { source, ok: false, error };
  }
}

/**
 * Reads every record named by `paths` (files, directories, `.ndjson`/`.jsonl` files of one record
 * a line), in order, one at a time. Only regular files are read, each within `limits`. A bad
 * path, file or line becomes an error entry; it never stops the others.
 */
export async function* readRecords(paths: readonly string[], limits: InputLimits = DEFAULT_INPUT_LIMITS): AsyncGenerator<RecordInput> {
  for (const { file, error } of await expandPaths(paths)) {
    if (error) {
      yield { source: { file }, ok: false, error };
      continue;
    }
    if (!LINES_FILE.test(file)) {
      yield await readOne(file, limits);
      continue;
    }
    try {
      yield* readLines(file, limits);
    } catch (cause) {
      yield { source: { file }, ok: false, error: unreadable(cause) };
    }
  }
}

async function countLines(file: string, limits: InputLimits): Promise<number> {
  const { handle } = await openRegularFile(file);
  let lines = 0;
  for await (const item of splitLines(handle.createReadStream({ highWaterMark: STREAM_CHUNK }), limits.maxBytes + 1)) {
    if (item.tooLarge || !isBlankLine(item.bytes)) lines += 1;
  }
  return lines;
}

/**
 * How many entries `readRecords(paths)` will yield, for a progress bar: one per plain file, one
 * per non-blank line of a newline-delimited file (read as a stream, without parsing). Paths that
 * cannot be read count as the one error entry they become.
 */
export async function countRecords(paths: readonly string[], limits: InputLimits = DEFAULT_INPUT_LIMITS): Promise<number> {
  let total = 0;
  for (const { file, error } of await expandPaths(paths)) {
    if (error || !LINES_FILE.test(file)) {
      total += 1;
      continue;
    }
    try {
      total += Math.max(await countLines(file, limits), 1);
    } catch {
      total += 1;
    }
  }
  return total;
}
