import type { DecisionRecord } from './decision-schema.js';
import type { DecisionErrorCode } from './error-codes.js';

export type IssuePath = readonly (string | number)[];

/** A rule violation before it is given its bilingual message, with the values its message names. */
export interface RuleIssue {
  readonly path: IssuePath;
  readonly code: DecisionErrorCode;
  readonly values?: Record<string, string | number>;
}

/** A cross-field rule: reads a structurally sound record, returns every violation it finds. */
export type DecisionRule = (record: DecisionRecord) => RuleIssue[];
