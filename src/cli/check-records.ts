import type { DecisionRecord, Language } from '../decision/decision-schema.js';
import { parseDecision, type DecisionIssue } from '../decision/parse-decision.js';
import type { DecisionErrorCode } from '../decision/error-codes.js';
import { describeInputError } from './describe-input-error.js';
import type { InputErrorCode } from './input-error.js';
import { readRecords, type RecordSource } from './read-records.js';

/** A reason a record was rejected: a decision issue, or an input error reported at `$`. */
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
      readonly decisionId?: string;
      readonly errors: readonly RecordIssue[];
    };

/** Reads and validates every record under `paths`; input errors come back as issues at `$`. */
export async function* checkRecords(paths: readonly string[]): AsyncGenerator<CheckedRecord> {
  for await (const input of readRecords(paths)) {
    const { source } = input;
    if (!input.ok) {
      const message: Record<Language, string> = describeInputError(input.error);
      yield { source, valid: false, failure: 'input', errors: [{ path: '$', code: input.error.code, message }] };
      continue;
    }
    const result = parseDecision(input.value);
    if (result.ok) {
      yield { source, valid: true, record: result.record };
      continue;
    }
    const id = input.value.decisionId;
    yield { source, valid: false, failure: 'decision', ...(typeof id === 'string' ? { decisionId: id } : {}), errors: result.issues };
  }
}
