import type { DecisionRecord } from '../decision/decision-schema.js';
import type { CorrespondencePlan } from '../plan/correspondence-plan.js';
import type { RenderPool } from '../render/render-pool.js';
import type { RenderedDecision } from '../render/rendered-decision.js';
import type { Store, SubmitResult } from '../store/store.js';
import { intakePolicy, type ApprovalConfig } from './approval-config.js';
import { logOutboxEvent } from './outbox-log.js';
import { RenderFailedError } from './render-failed-error.js';
import { submissionFromRendered } from './submission-from-rendered.js';

/** Renders one validated record: a renderer's `render`, or a render pool behind `renderWithPool`. */
export type RenderDecision = (record: DecisionRecord) => Promise<RenderedDecision>;

/** What every intake path (the CLI, the HTTP server) is given. */
export interface IntakeDeps {
  readonly store: Store;
  readonly render: RenderDecision;
}

export interface SubmitDecisionRecordInput {
  /** The record after validation (`parseDecision`); nothing here checks it again. */
  readonly record: DecisionRecord;
  /** The JSON object as received: stored as canonical JSON and hashed, so the same input is `unchanged`. */
  readonly received: unknown;
  readonly now: Date;
  /** Who submits: an officer or a service id (a code, never a name). */
  readonly actor: string;
  readonly approval: ApprovalConfig;
}

export interface SubmittedDecision {
  readonly result: SubmitResult;
  readonly plan: CorrespondencePlan;
}

/**
 * Renders a validated decision record and stores it, its exact bytes, its items and its
 * follow-ups in one transaction. The same record again is `unchanged` (nothing written); a
 * changed one is a new revision whose result lists the earlier items superseded and those kept.
 * Rejects with the renderer's or the store's coded error; nothing is stored then.
 */
export async function submitDecisionRecord(deps: IntakeDeps, input: SubmitDecisionRecordInput): Promise<SubmittedDecision> {
  return storeRenderedDecision(deps.store, await deps.render(input.record), input);
}

/** The storing half of `submitDecisionRecord`, for callers that rendered already (the batch renders ahead on the pool). */
export async function storeRenderedDecision(store: Store, rendered: RenderedDecision, input: SubmitDecisionRecordInput): Promise<SubmittedDecision> {
  const submission = submissionFromRendered(rendered, { record: input.record, received: input.received });
  const result = await store.submitDecision(submission, { now: input.now, actor: input.actor, approval: intakePolicy(input.approval) });
  logOutboxEvent({
    event: 'decision.submitted',
    decisionId: result.decisionId,
    revision: result.revision,
    status: result.status,
    items: result.items.length,
    superseded: result.superseded.map((i) => i.id),
    kept: result.kept.map((i) => i.id),
  });
  return { result, plan: rendered.plan };
}

/** A render pool as a `RenderDecision`: a record the pool cannot render rejects with `RenderFailedError` (its code). */
export function renderWithPool(pool: RenderPool): RenderDecision {
  return async (record) => {
    const outcome = await pool.render(record);
    if (!outcome.ok) throw new RenderFailedError(record.decisionId, outcome.code, outcome.office);
    return outcome.rendered;
  };
}
