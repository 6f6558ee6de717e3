/**
 * A follow-up waits for facts about persons (departure confirmed, TRP decided). It is resolved
 * when every person's fact is in, fired once its notice has been queued, superseded by a new
 * revision or cancelled with a rejected decision.
 */
export const FOLLOW_UP_STATES = ['pending', 'resolved', 'fired', 'superseded', 'cancelled'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

export const FOLLOW_UP_TRANSITIONS: Readonly<Record<FollowUpState, readonly FollowUpState[]>> = {
  pending: ['resolved', 'fired', 'superseded', 'cancelled'],
  resolved: [],
  fired: [],
  superseded: [],
  cancelled: [],
};

/** True when `from → to` is an edge of the follow-up state machine. */
export function canChangeFollowUpState(from: FollowUpState, to: FollowUpState): boolean {
  return FOLLOW_UP_TRANSITIONS[from].includes(to);
}

/** The kinds of follow-up and the fact about a person that resolves each. */
export const FOLLOW_UP_KINDS = ['departure-confirmation', 'trp-decision'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
