/** The bounds one record must stay within before it is parsed into a value. */
export interface InputLimits {
  /** Bytes in one record (a file, an NDJSON line, a request body), BOM included. */
  readonly maxBytes: number;
  /** Nesting of objects and arrays; the record itself is level 1. */
  readonly maxDepth: number;
  /** Values and keys in one record, all levels together. */
  readonly maxNodes: number;
}

/**
 * The limits of every reader unless a caller passes its own. A decision record is about 10 KB,
 * nests 5 levels and has under 200 values and keys (the largest fixture: 186); these leave room
 * for large families while refusing junk before any of it is parsed: 1 MiB is far above a real
 * record, 64 levels keep the parser's stack small, and 10,000 values and keys keep a record of
 * thousands of unknown fields from turning into thousands of validation issues.
 */
export const DEFAULT_INPUT_LIMITS: InputLimits = {
  maxBytes: 1024 * 1024,
  maxDepth: 64,
  maxNodes: 10_000,
};
