import type { Recipient } from './recipients.js';

/**
 * The document kinds of the procedure (ids fixed by DOMAIN.md), each with what the pipeline needs
 * to know of it. A new kind is its template folder, its locale namespace, the plan rule that asks
 * for it, and one entry here: the pipeline itself never names a kind.
 */
export interface DocumentKindDefinition {
  readonly kind: string;
  /** The plan rule that asks for it (`src/plan/rules/<rule>.ts`). */
  readonly rule: string;
  /** Its template under `templates/`. */
  readonly template: string;
  /** Who may receive it. */
  readonly recipients: readonly Recipient[];
  /** Written after every other item of the decision, because it lists them (the file update). */
  readonly listsIssued: boolean;
}

const PERSONS = ['client', 'family-member', 'representative'] as const satisfies readonly Recipient[];

export const DOCUMENT_KIND_DEFINITIONS = [
  { kind: 'refusal-letter', rule: 'refusal-letter', template: 'refusal-letter/letter.njk', recipients: PERSONS, listsIssued: false },
  { kind: 'approval-letter', rule: 'approval-letter', template: 'approval-letter/letter.njk', recipients: PERSONS, listsIssued: false },
  { kind: 'departure-instructions', rule: 'departure-instructions', template: 'departure-instructions/letter.njk', recipients: PERSONS, listsIssued: false },
  { kind: 'cbsa-no-status-notice', rule: 'cbsa-no-status-notice-at-once', template: 'cbsa-no-status-notice/letter.njk', recipients: ['cbsa-inland-enforcement'], listsIssued: false },
  { kind: 'cbsa-removals-notice', rule: 'cbsa-removals-notice', template: 'cbsa-removals-notice/letter.njk', recipients: ['cbsa-removals-unit'], listsIssued: false },
  { kind: 'trp-rationale', rule: 'trp-rationale', template: 'trp-rationale/letter.njk', recipients: ['designated-decision-maker'], listsIssued: false },
  { kind: 'csq-request', rule: 'csq-request', template: 'csq-request/letter.njk', recipients: ['mifi', ...PERSONS], listsIssued: false },
  { kind: 'file-update', rule: 'file-update', template: 'file-update/letter.njk', recipients: ['file'], listsIssued: true },
] as const satisfies readonly DocumentKindDefinition[];

/** A document kind id: `refusal-letter`, `file-update`, … */
export type DocumentKind = (typeof DOCUMENT_KIND_DEFINITIONS)[number]['kind'];

export const DOCUMENT_KINDS: readonly DocumentKind[] = DOCUMENT_KIND_DEFINITIONS.map((d) => d.kind);

const BY_KIND = new Map<string, DocumentKindDefinition>(DOCUMENT_KIND_DEFINITIONS.map((d) => [d.kind, d]));

/** The definition of a kind (every kind a plan holds has one). */
export function documentKind(kind: DocumentKind): DocumentKindDefinition {
  const definition = BY_KIND.get(kind);
  if (!definition) throw new Error(`no definition for the document kind ${kind}`);
  return definition;
}
