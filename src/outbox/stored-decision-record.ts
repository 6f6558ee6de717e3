import type { DecisionRecord } from '../decision/decision-schema.js';
import { parseDecision } from '../decision/parse-decision.js';
import type { Store } from '../store/store.js';
import { StoredRecordInvalidError } from './stored-record-invalid-error.js';

/** A revision's stored record, validated again (defaults applied) so that it can be rendered. Throws STORED_RECORD_INVALID. */
export async function loadStoredDecisionRecord(store: Store, decisionId: string, revision?: number): Promise<DecisionRecord> {
  const stored = await store.storedRecord(decisionId, revision);
  const parsed = parseDecision(stored.record);
  if (!parsed.ok) throw new StoredRecordInvalidError(decisionId, stored.revision);
  return parsed.record;
}
