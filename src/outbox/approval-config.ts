import type { ApprovalPolicy } from '../store/store.js';

/**
 * How correspondence is approved, as the configuration file says it: `officer` (an officer
 * approves the exact bytes), `auto` (an upstream system reviewed them; approved at intake and
 * audited as such), or `{ twoPerson: true }` (an officer other than the decision's author).
 */
export type ApprovalConfig = 'officer' | 'auto' | { readonly twoPerson: true };

/** The policy the store applies when items are queued. */
export function intakePolicy(approval: ApprovalConfig): ApprovalPolicy {
  return approval === 'auto' ? 'auto' : 'officer';
}

/** The policy the store applies when an officer approves. */
export function approvalRule(approval: ApprovalConfig): { readonly twoPerson?: boolean } {
  return typeof approval === 'object' ? { twoPerson: approval.twoPerson } : {};
}
