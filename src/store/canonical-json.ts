import { createHash } from 'node:crypto';
import { HccError } from '../errors.js';

/**
 * Canonical JSON, as this store defines it: object keys sorted recursively by UTF-16 code units,
 * no whitespace between tokens, strings and numbers written as `JSON.stringify` writes them.
 * For I-JSON input this is the JSON Canonicalization Scheme of RFC 8785. Object properties whose
 * value is `undefined` are left out, as `JSON.stringify` does; anything else that JSON cannot
 * carry (functions, symbols, bigints, NaN, Infinity, class instances, undefined in an array) is
 * refused, so two equal records always give the same text and the same hash.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

/** SHA-256 (lowercase hex) of the UTF-8 bytes of `canonicalJson(value)`. */
export function canonicalSha256(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

/** SHA-256 of bytes (or of a string's UTF-8 bytes), lowercase hex. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Thrown by `canonicalJson` for a value JSON cannot carry; names the JSON path only. */
export class NotJsonError extends HccError {
  constructor(readonly path: string) {
    super('JSON_VALUE_INVALID', `not a JSON value at ${path}`);
    this.name = 'NotJsonError';
  }
}

function write(value: unknown, path: string): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new NotJsonError(path);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((element: unknown, i) => write(element, `${path}[${i}]`)).join(',')}]`;
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${write(v, `${path}.${k}`)}`).join(',')}}`;
  }
  throw new NotJsonError(path);
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
