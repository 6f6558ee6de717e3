import { checkJsonText } from './check-json-text.js';
import { findInvalidUtf8 } from './find-invalid-utf8.js';
import { InputError } from './input-error.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from './input-limits.js';

// Fatal, so nothing is ever turned into U+FFFD; a leading BOM is dropped (ignoreBOM: false).
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Turns the text of one record into its JSON object, after `checkJsonText` has bounded it. A
 * top-level `schemaVersion` equal to 1 but not written `1` is handed on as the text it was written.
 * Throws `InputError`: `INPUT_TOO_LARGE`, `INPUT_EMPTY`, `INPUT_NOT_JSON`, `INPUT_TOO_DEEP`,
 * `INPUT_TOO_COMPLEX`, `JSON_DUPLICATE_KEY`, `INPUT_NOT_OBJECT`. A leading BOM is skipped.
 */
export function parseRecordText(text: string, limits: InputLimits = DEFAULT_INPUT_LIMITS): Record<string, unknown> {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (Buffer.byteLength(body) > limits.maxBytes) throw new InputError('INPUT_TOO_LARGE', { limit: limits.maxBytes });
  if (body.trim() === '') throw new InputError('INPUT_EMPTY');
  const { schemaVersionText } = checkJsonText(body, limits);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (cause) {
    // Not reached for text checkJsonText passed; V8's message quotes the input, so it is dropped.
    throw new InputError('INPUT_NOT_JSON', {}, { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError('INPUT_NOT_OBJECT');
  const record = value as Record<string, unknown>;
  // A version written otherwise than `1` (`1.0`, `1e0`, `1.00000000000000001`) parses as 1; it is
  // handed on as its text, so that validation refuses it (SCHEMA_VERSION_UNSUPPORTED) rather than
  // reading a version the sender did not write.
  if (schemaVersionText !== undefined && schemaVersionText !== '1' && record.schemaVersion === 1) record.schemaVersion = schemaVersionText;
  return record;
}

/**
 * Turns the bytes of one record (a file, an NDJSON line, a request body) into its JSON object.
 * Bytes that are not well-formed UTF-8 are refused with `INPUT_NOT_UTF8` and their byte offset
 * (`detail.offset`); otherwise as `parseRecordText`.
 */
export function parseRecordBytes(bytes: Uint8Array, limits: InputLimits = DEFAULT_INPUT_LIMITS): Record<string, unknown> {
  if (bytes.length > limits.maxBytes) throw new InputError('INPUT_TOO_LARGE', { limit: limits.maxBytes });
  const offset = findInvalidUtf8(bytes);
  if (offset !== undefined) throw new InputError('INPUT_NOT_UTF8', { offset });
  return parseRecordText(UTF8.decode(bytes), limits);
}
