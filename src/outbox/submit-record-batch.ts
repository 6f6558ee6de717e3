import type { DecisionRecord } from '../decision/decision-schema.js';
import { HccError } from '../errors.js';
import { checkRecordInput, type CheckedRecord } from '../intake/check-records.js';
import { readRecords, type RecordSource } from '../intake/read-records.js';
import type { RenderPool } from '../render/render-pool.js';
import type { RenderOutcome } from '../render/render-messages.js';
import type { Store, SubmitResult } from '../store/store.js';
import type { ApprovalConfig } from './approval-config.js';
import { logOutboxEvent } from './outbox-log.js';
import { storeRenderedDecision } from './submit-decision-record.js';

/** What became of one record of a batch. */
export type BatchOutcome =
  | {
      readonly source: RecordSource;
      readonly status: SubmitResult['status'];
      readonly decisionId: string;
      readonly result: SubmitResult;
    }
  /** Not a valid record: reported as `hcc validate` reports it; nothing stored. */
  | { readonly source: RecordSource; readonly status: 'invalid'; readonly checked: Extract<CheckedRecord, { valid: false }> }
  /** Valid, but it could not be rendered or stored: its code; nothing stored. */
  | { readonly source: RecordSource; readonly status: 'failed'; readonly decisionId: string; readonly code: string; readonly office?: string };

export interface SubmitBatchOptions {
  readonly now: Date;
  readonly actor: string;
  readonly approval: ApprovalConfig;
  /** Records rendering ahead of the one being stored (default: 8 per worker). */
  readonly window?: number;
}

type Step =
  | { readonly kind: 'invalid'; readonly checked: Extract<CheckedRecord, { valid: false }> }
  | { readonly kind: 'rendered'; readonly source: RecordSource; readonly record: DecisionRecord; readonly received: unknown; readonly outcome: RenderOutcome };

async function storeStep(store: Store, step: Step, options: SubmitBatchOptions): Promise<BatchOutcome> {
  if (step.kind === 'invalid') {
    logOutboxEvent({ event: 'record.invalid', code: step.checked.errors[0]?.code ?? 'DECISION_INVALID', count: step.checked.errors.length }, 'warn');
    return { source: step.checked.source, status: 'invalid', checked: step.checked };
  }
  const { source, record, outcome } = step;
  const { decisionId } = record;
  if (!outcome.ok) {
    logOutboxEvent({ event: 'decision.render-failed', decisionId, code: outcome.code }, 'error');
    return { source, status: 'failed', decisionId, code: outcome.code, ...(outcome.office === undefined ? {} : { office: outcome.office }) };
  }
  try {
    const { result } = await storeRenderedDecision(store, outcome.rendered, { record, received: step.received, now: options.now, actor: options.actor, approval: options.approval });
    return { source, status: result.status, decisionId, result };
  } catch (error) {
    if (!(error instanceof HccError)) throw error;
    logOutboxEvent({ event: 'decision.store-failed', decisionId, code: error.code }, 'error');
    return { source, status: 'failed', decisionId, code: error.code };
  }
}

/**
 * `hcc submit`'s intake: reads every record under `paths`, validates each, renders the valid
 * ones on the pool (several at once) and stores each decision in its own transaction, in the
 * order read (so the later of two records with one decision id is the later revision). Yields one
 * outcome per record, in that order. A record that fails is reported and the others go on.
 */
export async function* submitRecordBatch(
  deps: { readonly store: Store; readonly pool: RenderPool },
  paths: readonly string[],
  options: SubmitBatchOptions,
): AsyncGenerator<BatchOutcome> {
  const window = Math.max(1, options.window ?? deps.pool.size * 8);
  const pending: Promise<Step>[] = [];
  for await (const input of readRecords(paths)) {
    const checked = checkRecordInput(input);
    if (!checked.valid) pending.push(Promise.resolve({ kind: 'invalid', checked }));
    else {
      const received = input.ok ? input.value : undefined;
      const { record, source } = checked;
      pending.push(deps.pool.render(record).then((outcome) => ({ kind: 'rendered', source, record, received, outcome })));
    }
    while (pending.length >= window) {
      const next = pending.shift();
      if (next) yield await storeStep(deps.store, await next, options);
    }
  }
  for (let next = pending.shift(); next !== undefined; next = pending.shift()) yield await storeStep(deps.store, await next, options);
}
