import { InputError } from './input-error.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from './input-limits.js';
import { parseRecordBytes } from './parse-record-bytes.js';
import { isBlankLine, splitLines } from './split-lines.js';

/** A record read from one line of a stream: its JSON object, or why it could not be one. */
export type LineInput =
  | { readonly line: number; readonly ok: true; readonly value: Record<string, unknown> }
  | { readonly line: number; readonly ok: false; readonly error: InputError };

/**
 * Reads one record a line (NDJSON, JSON Lines) from a byte stream, a file's or a request body's,
 * lazily, one line at a time. Every line stands alone: a line too long (`INPUT_TOO_LARGE`, never
 * held in memory), not UTF-8, not JSON or nested too deep is reported and the next line is read.
 * Blank lines are skipped. Errors of the stream itself are thrown.
 */
export async function* readNdjsonStream(chunks: AsyncIterable<Uint8Array>, limits: InputLimits = DEFAULT_INPUT_LIMITS): AsyncGenerator<LineInput> {
  // One byte over the record limit, so that a CRLF line of exactly the limit still fits.
  for await (const item of splitLines(chunks, limits.maxBytes + 1)) {
    const { line } = item;
    if (item.tooLarge) {
      yield { line, ok: false, error: new InputError('INPUT_TOO_LARGE', { limit: limits.maxBytes }) };
      continue;
    }
    if (isBlankLine(item.bytes)) continue;
    try {
      yield { line, ok: true, value: parseRecordBytes(item.bytes, limits) };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      yield { line, ok: false, error };
    }
  }
}

/**
 * Reads one record from a byte stream (a request body): at most `limits.maxBytes` bytes are
 * taken, and a longer stream is refused with `INPUT_TOO_LARGE` as soon as it passes the limit,
 * without reading the rest. Throws `InputError` as `parseRecordBytes` does.
 */
export async function readRecordStream(chunks: AsyncIterable<Uint8Array>, limits: InputLimits = DEFAULT_INPUT_LIMITS): Promise<Record<string, unknown>> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > limits.maxBytes) throw new InputError('INPUT_TOO_LARGE', { limit: limits.maxBytes });
    parts.push(new Uint8Array(chunk));
  }
  return parseRecordBytes(Buffer.concat(parts, size), limits);
}
