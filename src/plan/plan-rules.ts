import type { PlanRule } from './plan-rule.js';
import { approvalLetterRule } from './rules/approval-letter.js';
import { cbsaNoStatusNoticeRule } from './rules/cbsa-no-status-notice.js';
import { cbsaRemovalsNoticeRule } from './rules/cbsa-removals-notice.js';
import { csqRequestRule } from './rules/csq-request.js';
import { departureInstructionsRule } from './rules/departure-instructions.js';
import { fileUpdateRule } from './rules/file-update.js';
import { refusalLetterRule } from './rules/refusal-letter.js';
import { trpRationaleRule } from './rules/trp-rationale.js';

/** The rules of the procedure, in the order their documents appear in a plan. */
export const PLAN_RULES: readonly PlanRule[] = [
  refusalLetterRule,
  approvalLetterRule,
  departureInstructionsRule,
  cbsaNoStatusNoticeRule,
  cbsaRemovalsNoticeRule,
  trpRationaleRule,
  csqRequestRule,
  fileUpdateRule,
];
