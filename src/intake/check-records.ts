import type { DecisionRecord, Language } from '../decision/decision-schema.js';
import { parseDecision, type DecisionIssue } from '../decision/parse-decision.js';
import type { DecisionErrorCode } from '../decision/error-codes.js';
import { describeInputError } from './describe-input-error.js';
import type { InputErrorCode } from './input-error.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from './input-limits.js';
import { readRecords, type RecordInput, type RecordSource } from './read-records.js';

/** A reason a record was rejected: a decision issue, or an input error (at `$`, or at the duplicate key). */
export interface RecordIssue extends Omit<DecisionIssue, 'code'> {
  readonly code: DecisionErrorCode | InputErrorCode;
}

/** A record read and validated: valid with its record, or rejected with every issue. */
export type CheckedRecord =
  | { readonly source: RecordSource; readonly valid: true; readonly record: DecisionRecord }
  | {
      readonly source: RecordSource;
      readonly valid: false;
      /** `input` when the file or line could not be read as a JSON object at all. */
      readonly failure: 'input' | 'decision';
      /** As the record gave it, unchecked: escape it before printing it (`escapeForTerminal`). */
      readonly decisionId?: string;
      readonly errors: readonly RecordIssue[];
    };

/** Validates one record read by any reader; an input error comes back as one issue. */
export function checkRecordInput(input: RecordInput): CheckedRecord {
  const { source } = input;
  if (!input.ok) {
    const message: Record<Language, string> = describeInputError(input.error);
    const { path } = input.error.detail;
    return { source, valid: false, failure: 'input', errors: [{ path: typeof path === 'string' ? path : '$', code: input.error.code, message }] };
  }
  const result = parseDecision(input.value);
  if (result.ok) return { source, valid: true, record: result.record };
  const id = input.value.decisionId;
  return { source, valid: false, failure: 'decision', ...(typeof id === 'string' ? { decisionId: id } : {}), errors: result.issues };
}

/** Reads and validates every record under `paths` (see `readRecords`), one at a time. */
export async function* checkRecords(paths: readonly string[], limits: InputLimits = DEFAULT_INPUT_LIMITS): AsyncGenerator<CheckedRecord> {
  for await (const input of readRecords(paths, limits)) yield checkRecordInput(input);
}
