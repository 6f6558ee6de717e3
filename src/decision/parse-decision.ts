import type { z } from 'zod';
import { HccError } from '../errors.js';
import { defaultTranslators } from '../i18n/default-translators.js';
import type { Translators } from '../i18n/translator.js';
import { escapeForTerminal } from '../text/escape-for-terminal.js';
import { DECISION_RULES, type IssuePath, type RuleIssue } from './decision-rules.js';
import { decisionSchema, NON_BLANK, type DecisionRecord } from './decision-schema.js';
import type { DecisionErrorCode } from './error-codes.js';

/** One reason a record was rejected: where, a stable code, and the explanation in both languages. */
export interface DecisionIssue {
  /** JSONPath of the offending value, for example `$.trp[0].rationale`. */
  readonly path: string;
  readonly code: DecisionErrorCode;
  readonly message: { readonly en: string; readonly fr: string };
}

export type ParseDecisionResult =
  | { readonly ok: true; readonly record: DecisionRecord }
  | { readonly ok: false; readonly issues: readonly DecisionIssue[] };

/** Thrown by `assertDecision` when a record is invalid; `issues` holds every reason. */
export class InvalidDecisionError extends HccError {
  readonly issues: readonly DecisionIssue[];

  constructor(issues: readonly DecisionIssue[]) {
    super('DECISION_INVALID', `Invalid decision record: ${issues.map((i) => `${i.path} ${i.code}`).join(', ')}`);
    this.name = 'InvalidDecisionError';
    this.issues = issues;
  }
}

export const SUPPORTED_SCHEMA_VERSION = 1;

/**
 * The most issues one record's report lists; the rest are counted in one last `TOO_MANY_ERRORS`.
 * A record past it is junk or from another system, and its first issues say which.
 */
export const MAX_REPORTED_ISSUES = 100;

type LocatedIssue = RuleIssue;

/** The code and values a check of ours (`decision-schema.ts`) put on a custom zod issue. */
function customIssue(issue: z.core.$ZodIssueCustom): { code: DecisionErrorCode; values: Record<string, string | number> } {
  const params = (issue.params ?? {}) as { code?: DecisionErrorCode; values?: Record<string, string | number> };
  return { code: params.code ?? 'FORMAT_INVALID', values: params.values ?? {} };
}

/** Fields whose pattern failure gets a named format in the message; others point to the schema. */
const NAMED_FORMATS = new Set(['uci', 'decisionId', 'applicationNumber', 'postalCode', 'phone']);

/** Fields whose absence or blankness has a code of its own in the contract. */
function specificCode(path: IssuePath, code: DecisionErrorCode): DecisionErrorCode {
  const isRationale = path.length === 3 && path[0] === 'trp' && path[2] === 'rationale';
  return isRationale && (code === 'FIELD_REQUIRED' || code === 'STRING_EMPTY') ? 'TRP_RATIONALE_MISSING' : code;
}

function fromZodIssue(issue: z.core.$ZodIssue): LocatedIssue[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const located = (code: DecisionErrorCode, values?: Record<string, string | number>): LocatedIssue[] => [
    { path, code: specificCode(path, code), ...(values ? { values } : {}) },
  ];
  // Parsed with `reportInput`, so an undefined input means the field is absent, whatever its type.
  if (issue.code !== 'unrecognized_keys' && issue.input === undefined) return located('FIELD_REQUIRED');
  switch (issue.code) {
    case 'invalid_type':
      return located('TYPE_INVALID', { expected: issue.expected });
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: [...path, key], code: 'UNKNOWN_FIELD', values: { field: escapeForTerminal(key) } }));
    case 'invalid_value':
      return located('VALUE_INVALID', { allowed: issue.values.map((v) => JSON.stringify(v)).join(', ') });
    case 'invalid_format': {
      if (issue.format === 'date') return located('DATE_INVALID');
      if (issue.format === 'email') return located('FORMAT_INVALID', { format: 'email' });
      if (issue.format === 'regex' && issue.pattern === NON_BLANK.toString()) return located('STRING_EMPTY');
      const field = String(path.at(-1));
      return located('FORMAT_INVALID', { format: NAMED_FORMATS.has(field) ? field : 'other' });
    }
    case 'too_small':
      return located(issue.origin === 'array' ? 'LIST_EMPTY' : 'STRING_EMPTY');
    case 'too_big':
      return located(issue.origin === 'array' ? 'LIST_TOO_LONG' : 'STRING_TOO_LONG', { max: Number(issue.maximum) });
    case 'custom': {
      const { code, values } = customIssue(issue);
      return located(code, values);
    }
    case 'invalid_union': {
      // The TRP fee is a receipt or an exemption, never both or neither: its own code.
      if (path.at(-1) === 'fee') return located('FEE_INVALID');
      // Other unions (the reasons: a text or one text per language) differ by type: report the
      // branch whose type the input has, as if it were the only one.
      const branch = issue.errors.find((b) => !b.every((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (!branch) return located('TYPE_INVALID', { expected: unionExpected(issue) });
      return branch.flatMap((inner) => fromZodIssue({ ...inner, path: [...issue.path, ...inner.path] }));
    }
    default:
      return located('FORMAT_INVALID', { format: 'other' });
  }
}

/** The type a union expects, for its message: its first branch's (a text, for the reasons). */
function unionExpected(issue: z.core.$ZodIssueInvalidUnion): string {
  const first = issue.errors[0]?.[0];
  return first?.code === 'invalid_type' ? first.expected : 'object';
}

/**
 * `['trp', 0, 'uci']` → `$.trp[0].uci`; keys that are not identifiers are quoted. Keys come from
 * the record, so each is escaped and cut (`escapeForTerminal`): a path always prints as one safe line.
 */
export function formatJsonPath(path: IssuePath): string {
  return path.reduce<string>((out, seg) => {
    if (typeof seg === 'number') return `${out}[${seg}]`;
    return /^[A-Za-z_$][\w$]*$/.test(seg) ? `${out}.${escapeForTerminal(seg)}` : `${out}[${escapeForTerminal(seg, { quote: true })}]`;
  }, '$');
}

function localize(issue: LocatedIssue, translators: Translators): DecisionIssue {
  const message = (lang: keyof Translators) => {
    const t = translators[lang];
    const values = { ...issue.values };
    if (typeof values.expected === 'string') values.expected = t(`validation:type.${values.expected}`);
    if (typeof values.format === 'string') values.format = t(`validation:format.${values.format}`);
    return t(`validation:${issue.code}`, values);
  };
  return { path: formatJsonPath(issue.path), code: issue.code, message: { en: message('en'), fr: message('fr') } };
}

/** The first `MAX_REPORTED_ISSUES` issues, then one `TOO_MANY_ERRORS` counting the others. */
function boundIssues(issues: LocatedIssue[]): LocatedIssue[] {
  if (issues.length <= MAX_REPORTED_ISSUES) return issues;
  const rest = issues.length - MAX_REPORTED_ISSUES;
  return [...issues.slice(0, MAX_REPORTED_ISSUES), { path: [], code: 'TOO_MANY_ERRORS', values: { count: rest } }];
}

function isPlainObject(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

/** How `parseDecision` words its messages. */
export interface ParseOptions {
  /** The translators of the `validation` messages; the package's own locales by default. */
  readonly translators?: Translators;
}

/**
 * Validates an upstream decision record. Structural errors (types, required and unknown fields,
 * formats, real dates) are reported together; the cross-field rules need a sound structure, so
 * they run, and are reported together, once there are no structural errors. Never throws.
 */
export function parseDecision(input: unknown, options: ParseOptions = {}): ParseDecisionResult {
  // The shipped messages are read on first use, unless the caller hands in its own translators.
  const fail = (issues: LocatedIssue[]): ParseDecisionResult => {
    const translators = options.translators ?? defaultTranslators();
    return { ok: false, issues: boundIssues(issues).map((i) => localize(i, translators)) };
  };
  if (!isPlainObject(input)) return fail([{ path: [], code: 'TYPE_INVALID', values: { expected: 'object' } }]);
  // Another version's record is read by no rule of this one, so it gets this single error.
  if ('schemaVersion' in input && input.schemaVersion !== SUPPORTED_SCHEMA_VERSION) {
    return fail([
      { path: ['schemaVersion'], code: 'SCHEMA_VERSION_UNSUPPORTED', values: { supported: SUPPORTED_SCHEMA_VERSION } },
    ]);
  }
  const parsed = decisionSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return fail(parsed.error.issues.flatMap(fromZodIssue));
  const ruleIssues = DECISION_RULES.flatMap((rule) => rule(parsed.data));
  return ruleIssues.length > 0 ? fail(ruleIssues) : { ok: true, record: parsed.data };
}

/** Returns the valid record, or throws `InvalidDecisionError` carrying every issue. */
export function assertDecision(input: unknown): DecisionRecord {
  const result = parseDecision(input);
  if (!result.ok) throw new InvalidDecisionError(result.issues);
  return result.record;
}
