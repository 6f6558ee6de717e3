import type { DecisionRecord } from '../decision/decision-schema.js';
import { CbsaOfficeUnknownError } from '../email/cbsa-office-error.js';
import type { EmailConfig } from '../email/email-config.js';
import type { EmailHtml } from '../email/email-templates.js';
import { HccError } from '../errors.js';
import { OutputError } from '../output/output-error.js';
import type { RenderedDecision } from './rendered-decision.js';

/**
 * A record that could not be rendered (or its folder written): its code; for an unknown CBSA
 * office the office (not a person); for a folder not written, the errno code as `detail.reason`.
 */
export interface RenderFailure {
  readonly ok: false;
  readonly code: string;
  readonly office?: string;
  readonly detail?: { readonly reason: string };
}

export type RenderOutcome = { readonly ok: true; readonly rendered: RenderedDecision } | RenderFailure;

/** A decision folder a worker wrote itself: what the caller reports of it, without the bytes. */
export interface WrittenDecision {
  readonly decisionId: string;
  /** The folder's path. */
  readonly folder: string;
  readonly pdfs: number;
  readonly emails: number;
  readonly followUps: number;
}

export type WriteOutcome = { readonly ok: true; readonly written: WrittenDecision } | RenderFailure;

/** The counts a caller reports of a rendered decision written to `folder`. */
export function writtenDecision(rendered: RenderedDecision, folder: string): WrittenDecision {
  let pdfs = 0;
  let emails = 0;
  for (const file of rendered.files) {
    if (file.mediaType === 'application/pdf') pdfs += 1;
    if (file.kind === 'email') emails += 1;
  }
  return { decisionId: rendered.decisionId, folder, pdfs, emails, followUps: rendered.manifest.followUps.length };
}

/** What a render worker is started with: the email HTML when the pool has it already, else it comes as the first message. */
export interface RenderWorkerData {
  readonly config: EmailConfig;
  readonly emailHtml?: EmailHtml;
}

/**
 * One record for a worker. With `outDir`, the worker writes the decision's folder under it and
 * answers with a `WrittenDecision`: the bytes stay in the worker, and the thread that reads the
 * records does none of the writing.
 */
export interface RenderJob {
  readonly record: DecisionRecord;
  readonly outDir?: string;
}

/** A batch of jobs for one worker. */
export interface RenderBatch {
  readonly id: number;
  readonly jobs: readonly RenderJob[];
}

/** A worker's answer: one outcome per job of the batch, in order. */
export interface RenderBatchResult {
  readonly id: number;
  readonly results: readonly (RenderOutcome | WriteOutcome)[];
}

/** What crosses back from a worker when a record fails: the code only, never a message that could quote the record. */
export function renderFailure(error: unknown): RenderFailure {
  const code = error instanceof HccError ? error.code : 'INTERNAL';
  if (error instanceof CbsaOfficeUnknownError) return { ok: false, code, office: error.office };
  if (error instanceof OutputError) return { ok: false, code, detail: { reason: String(error.detail.reason) } };
  return { ok: false, code };
}
