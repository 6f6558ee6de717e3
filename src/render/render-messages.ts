import type { DecisionRecord } from '../decision/decision-schema.js';
import { CbsaOfficeUnknownError } from '../email/cbsa-office-error.js';
import type { EmailConfig } from '../email/email-config.js';
import type { EmailHtml } from '../email/email-templates.js';
import { HccError } from '../errors.js';
import type { RenderedDecision } from './rendered-decision.js';

/** A record that could not be rendered: its code, and for an unknown CBSA office the office (not a person). */
export interface RenderFailure {
  readonly ok: false;
  readonly code: string;
  readonly office?: string;
}

export type RenderOutcome = { readonly ok: true; readonly rendered: RenderedDecision } | RenderFailure;

/** What a render worker is started with: the email HTML when the pool has it already, else it comes as the first message. */
export interface RenderWorkerData {
  readonly config: EmailConfig;
  readonly emailHtml?: EmailHtml;
}

/** A batch of records for one worker. */
export interface RenderBatch {
  readonly id: number;
  readonly records: readonly DecisionRecord[];
}

/** A worker's answer: one outcome per record of the batch, in order. */
export interface RenderBatchResult {
  readonly id: number;
  readonly results: readonly RenderOutcome[];
}

/** What crosses back from a worker when a record fails: the code only, never a message that could quote the record. */
export function renderFailure(error: unknown): RenderFailure {
  const code = error instanceof HccError ? error.code : 'INTERNAL';
  return error instanceof CbsaOfficeUnknownError ? { ok: false, code, office: error.office } : { ok: false, code };
}
